package yelp

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/reputekit/repute/review"
	"github.com/reputekit/repute/sources"
	"github.com/reputekit/repute/sources/internal/decodetest"
	"github.com/reputekit/repute/sources/sourcestest"
)

const (
	business = "example-boutique-chicago"
	secret   = "yelp-api-key-0123456789abcdefghij"
)

// auth returns the test credentials, then extra.
func auth(extra ...sources.Option) []sources.Option {
	return append([]sources.Option{sources.WithAPIKey(secret)}, extra...)
}

// fast are the options every test client gets: the credentials, no
// pacing, tiny backoff.
func fast(base string, extra ...sources.Option) []sources.Option {
	return sourcestest.Options(base, auth(extra...)...)
}

func newClient(t *testing.T, base string, extra ...sources.Option) *Client {
	t.Helper()
	c, err := New(business, fast(base, extra...)...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// genReviews makes n reviews, newest first, with whole-second times.
func genReviews(n int) []review.Review {
	base := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	rs := make([]review.Review, n)
	for i := range rs {
		id := fmt.Sprintf("yelpReview%04d", i)
		rs[i] = review.Review{
			ID: review.Key(Name, id), Source: Name, ExternalID: id, URL: "https://www.yelp.com/biz/" + business + "?hrid=" + id,
			Author: review.Author{Name: fmt.Sprintf("User %d.", i), ID: fmt.Sprintf("user%d", i)}, Rating: float64(1 + i%5),
			Body:      fmt.Sprintf("Excerpt number %d ...", i),
			CreatedAt: base.Add(-time.Duration(i) * time.Hour),
		}
	}
	return rs
}

// TestAdapter runs the checks every adapter shares (faults, cancellation,
// leaks) against the Yelp fake. Yelp serves one page of three excerpts, so
// the faults break that page, and a fault that ends the walk loses all
// three.
func TestAdapter(t *testing.T) {
	tooMany := string(decodetest.Fixture(t, "yelp-429.json"))
	sourcestest.TestAdapter(t, sourcestest.Harness{
		Name: Name,
		New: func(opts ...sources.Option) (sources.Source, error) {
			return New(business, auth(opts...)...)
		},
		Serve: func(rs []review.Review) http.Handler {
			y := sourcestest.NewYelp(business, rs...)
			y.APIKey = secret
			return y
		},
		Reviews:  genReviews,
		PageSize: 3,
		Total:    3,
		Requests: 1,
		Spoil:    "rating",
		Secrets:  []string{secret},
		ErrorBodies: map[int]string{
			http.StatusTooManyRequests: tooMany,
			http.StatusUnauthorized:    `{"error":{"code":"TOKEN_INVALID","description":"Invalid access token or authorization header."}}`,
		},
		Faults: []sourcestest.FaultCase{
			{Name: "daily quota exhausted", Script: func(s *sourcestest.Server, _ http.Handler, _ []review.Review) {
				s.Script(sourcestest.Fault{Status: 429, Header: http.Header{
					"Ratelimit-Dailylimit": {"300"}, "Ratelimit-Remaining": {"0"}, "Ratelimit-Resettime": {time.Now().Add(5 * time.Hour).UTC().Format(time.RFC3339)},
				}, Body: `{"error":{"code":"ACCESS_LIMIT_REACHED","description":"You've reached the access limit for this client."}}`})
			}, End: sources.ErrQuotaExhausted, Lost: 3},
		},
	})
}

func TestNew(t *testing.T) {
	t.Parallel()
	for _, id := range []string{"", "a/b", "x?y"} {
		if _, err := New(id); !errors.Is(err, sources.ErrInvalidOption) {
			t.Errorf("New(%q) error = %v, want ErrInvalidOption", id, err)
		}
	}
	c, err := New(business)
	if err != nil {
		t.Fatal(err)
	}
	if c.Name() != "yelp" {
		t.Errorf("Name() = %q", c.Name())
	}
	if c.loc == nil {
		t.Error("no default zone")
	}
	if _, err := c.Page(t.Context(), sources.Query{Cursor: "2"}); !errors.Is(err, sources.ErrInvalidOption) {
		t.Errorf("cursor accepted: %v", err)
	}
}

func TestReviewsFixture(t *testing.T) {
	t.Parallel()
	var reqs []*http.Request
	srv := sourcestest.NewServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		reqs = append(reqs, r)
		if r.URL.Path != "/v3/businesses/"+business+"/reviews" {
			http.NotFound(w, r)
			return
		}
		w.Write(decodetest.Fixture(t, "yelp-reviews-page1.json"))
	}))
	c := newClient(t, srv.URL, sources.WithTimeZone(time.FixedZone("PDT", -7*3600)))
	got, items, end := sourcestest.Collect(t, t.Context(), c, sources.Query{})
	if end != nil || len(items) != 0 {
		t.Fatalf("walk ended with %v, item errors %v", end, items)
	}
	if diff := cmp.Diff([]string{"xAG4O7l-t1ubbwVAlPnDKg", "1JNmYjJXr9ZbsfZUAgkeXQ", "8uuHGfpmrFEzt9hKzPFwhQ"}, sourcestest.ExternalIDs(got)); diff != "" {
		t.Errorf("ids (-want +got):\n%s", diff)
	}
	if want := time.Date(2026, 3, 14, 1, 22, 5, 0, time.UTC); !got[0].CreatedAt.Equal(want) {
		t.Errorf("CreatedAt = %v, want %v (read in the configured zone)", got[0].CreatedAt, want)
	}
	if len(reqs) != 1 {
		t.Fatalf("%d requests, want 1 (Yelp has no second page)", len(reqs))
	}
	r := reqs[0]
	if r.Header.Get("Authorization") != "Bearer "+secret || strings.Contains(r.URL.RawQuery, secret) {
		t.Errorf("key not in the Authorization header only: %q %q", r.Header.Get("Authorization"), r.URL.RawQuery)
	}
	if r.URL.Query().Get("sort_by") != "newest" {
		t.Errorf("sort_by = %q, want newest", r.URL.Query().Get("sort_by"))
	}
}

// TestOnlyThree: however many reviews the business has, three arrive.
func TestOnlyThree(t *testing.T) {
	t.Parallel()
	rs := genReviews(10)
	y := sourcestest.NewYelp(business, rs[5], rs[0], rs[9], rs[2], rs[1])
	y.APIKey = secret
	srv := sourcestest.NewServer(t, y)
	got, _, end := sourcestest.Collect(t, t.Context(), newClient(t, srv.URL), sources.Query{})
	if end != nil {
		t.Fatal(end)
	}
	if diff := cmp.Diff([]review.Review{rs[0], rs[1], rs[2]}, got); diff != "" {
		t.Errorf("reviews (-want +got):\n%s", diff)
	}
	got, _, _ = sourcestest.Collect(t, t.Context(), newClient(t, srv.URL), sources.Query{Max: 1})
	if len(got) != 1 {
		t.Errorf("Max 1: %d reviews", len(got))
	}
}

func TestUnknownBusiness(t *testing.T) {
	t.Parallel()
	srv := sourcestest.NewServer(t, sourcestest.NewYelp("another-business", genReviews(3)...))
	_, _, end := sourcestest.Collect(t, t.Context(), newClient(t, srv.URL), sources.Query{})
	if !errors.Is(end, sources.ErrNotFound) {
		t.Errorf("end = %v, want ErrNotFound (Yelp says 400 BUSINESS_NOT_FOUND)", end)
	}
	if end != nil && strings.Contains(end.Error(), secret) {
		t.Errorf("error text carries the key: %v", end)
	}
}
