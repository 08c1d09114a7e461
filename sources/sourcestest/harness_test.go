package sourcestest_test

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/reputekit/repute/review"
	"github.com/reputekit/repute/sources"
	"github.com/reputekit/repute/sources/googleplay"
	"github.com/reputekit/repute/sources/sourcestest"
)

// broken wraps an adapter and spoils its walks the way BROKEN_ADAPTER
// says: "drop" loses a review, "double" yields one twice, "leak" puts the
// token in an error's text; "" changes nothing.
type broken struct {
	sources.Source
	how string
}

func (b broken) Reviews(ctx context.Context, q sources.Query) iter.Seq2[review.Review, error] {
	return func(yield func(review.Review, error) bool) {
		i := 0
		for rv, err := range b.Source.Reviews(ctx, q) {
			if err != nil && b.how == "leak" {
				err = fmt.Errorf("%w (token %s)", err, brokenToken)
			}
			i++
			if i == 10 && b.how == "drop" {
				continue
			}
			if i == 10 && b.how == "double" && !yield(rv, err) {
				return
			}
			if !yield(rv, err) {
				return
			}
		}
	}
}

const brokenPkg, brokenToken = "com.example.shop", "ya29.broken-adapter-token"

func brokenHarness(how string) sourcestest.Harness {
	return sourcestest.Harness{
		Name: googleplay.Name,
		New: func(opts ...sources.Option) (sources.Source, error) {
			c, err := googleplay.New(brokenPkg, append([]sources.Option{sources.WithToken(brokenToken)}, opts...)...)
			return broken{c, how}, err
		},
		Serve: func(rs []review.Review) http.Handler { return sourcestest.NewGooglePlay(brokenPkg, rs...) },
		Reviews: func(n int) []review.Review {
			rs := make([]review.Review, n)
			for i := range rs {
				id := fmt.Sprintf("gp:%05d", i)
				rs[i] = review.Review{ID: review.Key(googleplay.Name, id), Source: googleplay.Name, ExternalID: id, ProductID: brokenPkg,
					Rating: float64(1 + i%5), Lang: "en", Body: "Review " + id,
					CreatedAt: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC).Add(-time.Duration(i) * time.Hour)}
			}
			return rs
		},
		PageSize:   googleplay.MaxPageSize,
		SecondPage: sourcestest.OnPath("/reviews", "token", "Chs100"),
		Spoil:      "starRating",
		Secrets:    []string{brokenToken},
	}
}

// TestHarness runs TestAdapter over the googleplay client, which must
// pass; in the child processes of TestAdapterCatches, over a broken one.
func TestHarness(t *testing.T) {
	sourcestest.TestAdapter(t, brokenHarness(os.Getenv("BROKEN_ADAPTER")))
}

// TestAdapterCatches runs TestAdapter over adapters broken on purpose: each
// must fail, and say why.
func TestAdapterCatches(t *testing.T) {
	if os.Getenv("BROKEN_ADAPTER") != "" {
		t.Skip("child process")
	}
	t.Parallel()
	for how, want := range map[string]string{
		"drop":   "reviews (-want +got)",
		"double": "yielded 2 times",
		"leak":   "error text carries a secret",
	} {
		t.Run(how, func(t *testing.T) {
			t.Parallel()
			cmd := exec.CommandContext(t.Context(), os.Args[0], "-test.run=^TestHarness$", "-test.count=1")
			cmd.Env = append(os.Environ(), "BROKEN_ADAPTER="+how)
			out, err := cmd.CombinedOutput()
			if _, failed := errors.AsType[*exec.ExitError](err); !failed {
				t.Fatalf("TestAdapter passed an adapter that does %q (err %v):\n%s", how, err, out)
			}
			if !strings.Contains(string(out), want) {
				t.Errorf("TestAdapter failed the %q adapter without saying %q:\n%s", how, want, out)
			}
		})
	}
}
