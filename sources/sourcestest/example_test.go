package sourcestest_test

import (
	"fmt"
	"net/http"
	"time"

	"github.com/reputekit/repute/review"
	"github.com/reputekit/repute/sources"
	"github.com/reputekit/repute/sources/googleplay"
	"github.com/reputekit/repute/sources/sourcestest"
)

// A Harness for the Google Play adapter. In a _test.go file of the
// adapter, a test that is not parallel hands it to TestAdapter:
//
//	func TestAdapter(t *testing.T) { sourcestest.TestAdapter(t, harness) }
func ExampleTestAdapter() {
	const pkg, token = "com.example.shop", "ya29.secret-access-token"
	harness := sourcestest.Harness{
		Name: googleplay.Name,
		New: func(opts ...sources.Option) (sources.Source, error) {
			// The adapter's own settings first: the harness's options win.
			return googleplay.New(pkg, append([]sources.Option{sources.WithToken(token)}, opts...)...)
		},
		Serve: func(rs []review.Review) http.Handler { return sourcestest.NewGooglePlay(pkg, rs...) },
		Reviews: func(n int) []review.Review {
			// What the fake serves and the adapter decodes back unchanged.
			rs := make([]review.Review, n)
			for i := range rs {
				id := fmt.Sprintf("gp:%05d", i)
				rs[i] = review.Review{
					ID: review.Key(googleplay.Name, id), Source: googleplay.Name, ExternalID: id, ProductID: pkg,
					Rating: float64(1 + i%5), Lang: "en", Body: "Review " + id,
					CreatedAt: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC).Add(-time.Duration(i) * time.Hour),
				}
			}
			return rs
		},
		PageSize:   googleplay.MaxPageSize,
		SecondPage: sourcestest.OnPath("/reviews", "token", "Chs100"),
		Spoil:      "starRating",
		Secrets:    []string{token},
		Bearer:     true,
	}
	_ = harness
}
