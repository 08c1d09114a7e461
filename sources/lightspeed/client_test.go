package lightspeed

import (
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/reputekit/repute/review"
	"github.com/reputekit/repute/sources"
	"github.com/reputekit/repute/sources/internal/decodetest"
	"github.com/reputekit/repute/sources/sourcestest"
)

const (
	key    = "lightspeed-key-0123456789abcdef"
	secret = "lightspeed-secret-fedcba9876543210"
)

// auth returns the test credentials, then extra.
func auth(extra ...sources.Option) []sources.Option {
	return append([]sources.Option{sources.WithAPIKey(key), sources.WithAPISecret(secret)}, extra...)
}

// fast are the options every test client gets: the credentials, no
// pacing, tiny backoff.
func fast(base string, extra ...sources.Option) []sources.Option {
	return sourcestest.Options(base, auth(extra...)...)
}

func newClient(t *testing.T, base string, extra ...sources.Option) *Client {
	t.Helper()
	c, err := New("en", fast(base, extra...)...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// genReviews makes n reviews in list order, newest first.
func genReviews(n int) []review.Review {
	base := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	rs := make([]review.Review, n)
	for i := range rs {
		id := genID(i)
		rs[i] = review.Review{
			ID: review.Key(Name, id), Source: Name, ExternalID: id, ProductID: strconv.Itoa(770000 + i%7),
			Author: review.Author{Name: fmt.Sprintf("Customer %d", i), ID: strconv.Itoa(55000 + i)},
			Rating: float64(1 + i%5), Lang: "en",
			Body:      fmt.Sprintf("Review number %d — text as the customer wrote it. ", i),
			CreatedAt: base.Add(-time.Duration(i) * time.Hour),
		}
		if i%17 == 5 {
			rs[i].Status = review.Hidden
		}
	}
	return rs
}

func genID(i int) string { return strconv.Itoa(100000 - i) }

// TestAdapter runs the checks every adapter shares (paging, faults,
// cancellation, leaks) against the Lightspeed eCom fake, with a 429 that
// carries the X-RateLimit triple instead of Retry-After.
func TestAdapter(t *testing.T) {
	tooMany := string(decodetest.Fixture(t, "lightspeed-429.json"))
	page2 := sourcestest.OnPath("/reviews.json", "page", "2")
	sourcestest.TestAdapter(t, sourcestest.Harness{
		Name: Name,
		New: func(opts ...sources.Option) (sources.Source, error) {
			return New("en", auth(opts...)...)
		},
		Serve: func(rs []review.Review) http.Handler {
			l := sourcestest.NewLightspeed(rs...)
			l.Key, l.Secret = key, secret
			return l
		},
		Reviews:    genReviews,
		PageSize:   MaxPageSize,
		Total:      600,
		Requests:   3, // reviews 0–249, 245–489, 484–725
		SecondPage: page2,
		Spoil:      "isVisible",
		Secrets:    []string{key, secret},
		ErrorBodies: map[int]string{
			http.StatusTooManyRequests: tooMany,
			http.StatusUnauthorized:    `{"error":{"code":401,"method":"GET","request":"/en/reviews.json","message":"Invalid credentials."}}`,
		},
		Faults: []sourcestest.FaultCase{
			{Name: "429 with the X-RateLimit triple", Script: func(s *sourcestest.Server, _ http.Handler, _ []review.Review) {
				s.ScriptFor(page2, sourcestest.Fault{Status: 429, Body: tooMany, Header: http.Header{
					"X-Ratelimit-Limit": {"300/3000/12000"}, "X-Ratelimit-Remaining": {"0/2500/11000"}, "X-Ratelimit-Reset": {"1/1000/50000"},
				}})
			}, Wait: time.Second}, // the reset of the window that ran out
		},
	})
}

func TestNewValidates(t *testing.T) {
	t.Parallel()
	for _, lang := range []string{"", "e", "EN", "en/x", "en?"} {
		if _, err := New(lang); !errors.Is(err, sources.ErrInvalidOption) {
			t.Errorf("New(%q) error = %v, want ErrInvalidOption", lang, err)
		}
	}
	c, err := New("en")
	if err != nil {
		t.Fatal(err)
	}
	if c.Name() != "lightspeed" {
		t.Errorf("Name() = %q", c.Name())
	}
	if _, ok := c.Scale(); ok {
		t.Error("Scale known before any page")
	}
}

// TestReviewsFixtures serves the fixture reviews by page and limit and
// checks the requests and everything decoded.
func TestReviewsFixtures(t *testing.T) {
	t.Parallel()
	var p1, p2 struct {
		Reviews []json.RawMessage `json:"reviews"`
	}
	if err := json.Unmarshal(decodetest.Fixture(t, "lightspeed-reviews-page1.json"), &p1); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(decodetest.Fixture(t, "lightspeed-reviews-page2.json"), &p2); err != nil {
		t.Fatal(err)
	}
	all := append(p1.Reviews, p2.Reviews...)
	var reqs []*http.Request
	srv := sourcestest.NewServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		reqs = append(reqs, r)
		if r.URL.Path != "/en/reviews.json" {
			http.NotFound(w, r)
			return
		}
		page, _ := strconv.Atoi(r.URL.Query().Get("page"))
		lim, _ := strconv.Atoi(r.URL.Query().Get("limit"))
		from, to := min(len(all), (page-1)*lim), min(len(all), page*lim)
		json.NewEncoder(w).Encode(map[string]any{"reviews": all[from:to]})
	}))
	c := newClient(t, srv.URL, sources.WithPageSize(2))
	got, items, end := sourcestest.Collect(t, t.Context(), c, sources.Query{})
	if end != nil || len(items) != 0 {
		t.Fatalf("walk ended with %v, item errors %v", end, items)
	}
	want := append(append([]review.Review(nil), fixtureReviews["lightspeed-reviews-page1.json"]...), fixtureReviews["lightspeed-reviews-page2.json"]...)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("reviews (-want +got):\n%s", diff)
	}
	var pages []string
	for _, r := range reqs {
		pages = append(pages, r.URL.Query().Get("page")+"x"+r.URL.Query().Get("limit"))
		k, s, ok := r.BasicAuth()
		if !ok || k != key || s != secret {
			t.Errorf("basic auth = %q, %q, %v", k, s, ok)
		}
		if strings.Contains(r.URL.RawQuery, secret) || strings.Contains(r.URL.RawQuery, key) {
			t.Error("credentials in the URL")
		}
	}
	if diff := cmp.Diff([]string{"1x2", "2x2"}, pages); diff != "" { // pages of 2 leave no room for an overlap
		t.Errorf("page×limit (-want +got):\n%s", diff)
	}
	if s, ok := c.Scale(); !ok || s != ScaleStars {
		t.Errorf("Scale() = %v, %v; want stars (what the fixtures send)", s, ok)
	}
}

func TestFractionScores(t *testing.T) {
	t.Parallel()
	rs := genReviews(20)
	l := sourcestest.NewLightspeed(rs...)
	l.Fraction = true
	srv := sourcestest.NewServer(t, l)
	var logs strings.Builder
	c := newClient(t, srv.URL, sources.WithLogger(slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))))
	got, _, end := sourcestest.Collect(t, t.Context(), c, sources.Query{})
	if end != nil {
		t.Fatal(end)
	}
	if diff := cmp.Diff(rs, got); diff != "" {
		t.Errorf("reviews from fractions (-want +got):\n%s", diff)
	}
	if s, ok := c.Scale(); !ok || s != ScaleFraction {
		t.Errorf("Scale() = %v, %v; want fraction", s, ok)
	}
	if !strings.Contains(logs.String(), "scale=fraction") {
		t.Errorf("the form seen is not logged: %q", logs.String())
	}
	if strings.Contains(logs.String(), secret) {
		t.Error("secret in the log")
	}
}

func TestReviewsQuery(t *testing.T) {
	t.Parallel()
	rs := genReviews(120)
	srv := sourcestest.NewServer(t, sourcestest.NewLightspeed(rs...))
	c := newClient(t, srv.URL, sources.WithPageSize(50))

	// Since in pages of 50 takes one request.
	before := srv.Count()
	got, _, end := sourcestest.Collect(t, t.Context(), c, sources.Query{Since: rs[19].CreatedAt})
	if end != nil {
		t.Fatal(end)
	}
	if diff := cmp.Diff(sourcestest.ExternalIDs(rs[:20]), sourcestest.ExternalIDs(got)); diff != "" {
		t.Errorf("Since (-want +got):\n%s", diff)
	}
	if n := srv.Count() - before; n != 1 {
		t.Errorf("Since walk made %d requests, want 1", n)
	}
	got, _, end = sourcestest.Collect(t, t.Context(), c, sources.Query{ProductID: "770003"})
	if end != nil {
		t.Fatal(end)
	}
	var want []string
	for _, rv := range rs {
		if rv.ProductID == "770003" {
			want = append(want, rv.ExternalID)
		}
	}
	if diff := cmp.Diff(want, sourcestest.ExternalIDs(got)); diff != "" {
		t.Errorf("product (-want +got):\n%s", diff)
	}
}

func TestNotFound(t *testing.T) {
	t.Parallel()
	srv := sourcestest.NewServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNotFound)
		fmt.Fprint(w, `{"error":{"code":404,"method":"GET","request":"/xx/reviews.json","message":"Shop not found."}}`)
	}))
	if _, _, end := sourcestest.Collect(t, t.Context(), newClient(t, srv.URL), sources.Query{}); !errors.Is(end, sources.ErrNotFound) {
		t.Errorf("end = %v, want ErrNotFound", end)
	}
}

func TestEndlessPagesGuard(t *testing.T) {
	t.Parallel()
	var n atomic.Int32
	srv := sourcestest.NewServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		lim, _ := strconv.Atoi(r.URL.Query().Get("limit"))
		items := make([]string, lim)
		for i := range items {
			items[i] = fmt.Sprintf(`{"id":%d,"createdAt":"2026-03-12T09:10:00+01:00","score":3}`, i+1)
		}
		fmt.Fprintf(w, `{"reviews":[%s]}`, strings.Join(items, ","))
	}))
	got, _, end := sourcestest.Collect(t, t.Context(), newClient(t, srv.URL, sources.WithPageSize(10)), sources.Query{})
	if !errors.Is(end, sources.ErrPaginationLoop) {
		t.Errorf("end = %v, want ErrPaginationLoop", end)
	}
	if len(got) != 10 {
		t.Errorf("%d reviews, want 10", len(got))
	}
	if n.Load() > 10 {
		t.Errorf("%d requests before giving up", n.Load())
	}
}

func TestWrongCredentials(t *testing.T) {
	t.Parallel()
	l := sourcestest.NewLightspeed(genReviews(3)...)
	l.Key, l.Secret = key, "another-secret"
	srv := sourcestest.NewServer(t, l)
	_, _, end := sourcestest.Collect(t, t.Context(), newClient(t, srv.URL), sources.Query{})
	if !errors.Is(end, sources.ErrUnauthorized) {
		t.Errorf("end = %v, want ErrUnauthorized", end)
	}
	if end != nil && strings.Contains(end.Error(), secret) {
		t.Errorf("error text carries the secret: %v", end)
	}
}
