package yelp

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/time/rate"

	"github.com/reputekit/repute/review"
	"github.com/reputekit/repute/sources"
	"github.com/reputekit/repute/sources/sourcestest"
)

const (
	business = "example-boutique-chicago"
	secret   = "yelp-api-key-0123456789abcdefghij"
)

func fast(base string, extra ...sources.Option) []sources.Option {
	return append([]sources.Option{
		sources.WithBaseURL(base),
		sources.WithAPIKey(secret),
		sources.WithRateLimit(rate.Inf, 0),
		sources.WithBackoff(time.Millisecond, 5*time.Millisecond),
	}, extra...)
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

func walk(t *testing.T, src sources.Source, q sources.Query) (got []review.Review, items []*sources.DecodeError, end error) {
	t.Helper()
	for rv, err := range src.Reviews(t.Context(), q) {
		if err != nil {
			if de, ok := errors.AsType[*sources.DecodeError](err); ok && de.Item >= 0 {
				items = append(items, de)
				continue
			}
			if end != nil {
				t.Fatalf("a second ending error %v after %v", err, end)
			}
			end = err
			continue
		}
		if end != nil {
			t.Fatalf("review after the ending error %v", end)
		}
		got = append(got, rv)
	}
	return got, items, end
}

func ids(rs []review.Review) []string {
	out := make([]string, len(rs))
	for i, rv := range rs {
		out[i] = rv.ExternalID
	}
	return out
}

func noSecret(t *testing.T, err error) {
	t.Helper()
	if err != nil && strings.Contains(err.Error(), secret) {
		t.Errorf("error text carries the key: %v", err)
	}
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
		w.Write(readFixture(t, "yelp-reviews-page1.json"))
	}))
	c := newClient(t, srv.URL, sources.WithTimeZone(time.FixedZone("PDT", -7*3600)))
	got, items, end := walk(t, c, sources.Query{})
	if end != nil || len(items) != 0 {
		t.Fatalf("walk ended with %v, item errors %v", end, items)
	}
	if diff := cmp.Diff([]string{"xAG4O7l-t1ubbwVAlPnDKg", "1JNmYjJXr9ZbsfZUAgkeXQ", "8uuHGfpmrFEzt9hKzPFwhQ"}, ids(got)); diff != "" {
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
	got, _, end := walk(t, newClient(t, srv.URL), sources.Query{})
	if end != nil {
		t.Fatal(end)
	}
	if diff := cmp.Diff([]review.Review{rs[0], rs[1], rs[2]}, got); diff != "" {
		t.Errorf("reviews (-want +got):\n%s", diff)
	}
	got, _, _ = walk(t, newClient(t, srv.URL), sources.Query{Max: 1})
	if len(got) != 1 {
		t.Errorf("Max 1: %d reviews", len(got))
	}
}

func TestFaults(t *testing.T) {
	t.Parallel()
	breakOne := func(b []byte) []byte {
		return bytes.Replace(b, []byte(`"rating":2`), []byte(`"rating":"2"`), 1)
	}
	tests := []struct {
		name   string
		opts   []sources.Option
		faults []sourcestest.Fault
		badIDs []string
		endIs  error
	}{
		{name: "429 retry-after seconds", faults: []sourcestest.Fault{{Status: 429, RetryAfter: "1", Body: string(readFixture(t, "yelp-429.json"))}}},
		{name: "429 retry-after date", faults: []sourcestest.Fault{{Status: 429, RetryAfter: sourcestest.RetryAfterDate(time.Now().Add(time.Second))}}},
		{name: "503 burst", faults: sourcestest.Times(3, sourcestest.Fault{Status: 503})},
		// The attempt times out; the retry is answered at once.
		{name: "slow response", opts: []sources.Option{sources.WithAttemptTimeout(500 * time.Millisecond)}, faults: []sourcestest.Fault{{Delay: time.Minute}}},
		{name: "truncated body", faults: []sourcestest.Fault{{Truncate: true}}},
		{name: "cut json", faults: []sourcestest.Fault{{Cut: true}}},
		{name: "malformed review", faults: []sourcestest.Fault{{Mutate: breakOne}}, badIDs: []string{"yelpReview0001"}},
		{name: "expired key", faults: []sourcestest.Fault{{Status: 401, Body: `{"error":{"code":"TOKEN_INVALID","description":"Invalid access token or authorization header."}}`}}, endIs: sources.ErrUnauthorized},
		{name: "daily quota exhausted", faults: []sourcestest.Fault{{Status: 429, Header: http.Header{
			"Ratelimit-Dailylimit": {"300"}, "Ratelimit-Remaining": {"0"}, "Ratelimit-Resettime": {time.Now().Add(5 * time.Hour).UTC().Format(time.RFC3339)},
		}, Body: `{"error":{"code":"ACCESS_LIMIT_REACHED","description":"You've reached the access limit for this client."}}`}}, endIs: sources.ErrQuotaExhausted},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rs := genReviews(3)
			srv := sourcestest.NewServer(t, sourcestest.NewYelp(business, rs...))
			srv.Script(tt.faults...)
			got, items, end := walk(t, newClient(t, srv.URL, tt.opts...), sources.Query{})
			noSecret(t, end)
			switch {
			case tt.endIs == nil && end != nil:
				t.Fatalf("walk ended with %v", end)
			case tt.endIs != nil && !errors.Is(end, tt.endIs):
				t.Fatalf("walk ended with %v, want %v", end, tt.endIs)
			}
			var bad []string
			for _, de := range items {
				noSecret(t, de)
				bad = append(bad, de.ExternalID)
			}
			if diff := cmp.Diff(tt.badIDs, bad); diff != "" {
				t.Errorf("bad items (-want +got):\n%s", diff)
			}
			want := 3 - len(tt.badIDs)
			if tt.endIs != nil {
				want = 0
			}
			seen := map[string]int{}
			for _, rv := range got {
				seen[rv.ExternalID]++
				if seen[rv.ExternalID] > 1 {
					t.Errorf("review %s yielded twice", rv.ExternalID)
				}
			}
			if len(got) != want {
				t.Errorf("%d reviews arrived, want %d", len(got), want)
			}
		})
	}
}

func TestUnknownBusiness(t *testing.T) {
	t.Parallel()
	srv := sourcestest.NewServer(t, sourcestest.NewYelp("another-business", genReviews(3)...))
	_, _, end := walk(t, newClient(t, srv.URL), sources.Query{})
	if !errors.Is(end, sources.ErrNotFound) {
		t.Errorf("end = %v, want ErrNotFound (Yelp says 400 BUSINESS_NOT_FOUND)", end)
	}
	noSecret(t, end)
}

type throttled struct{}

func (throttled) RoundTrip(r *http.Request) (*http.Response, error) {
	return &http.Response{
		StatusCode: http.StatusTooManyRequests,
		Header:     http.Header{"Retry-After": {"120"}},
		Body:       io.NopCloser(strings.NewReader(`{"error":{"code":"TOO_MANY_REQUESTS_PER_SECOND"}}`)),
		Request:    r,
	}, nil
}

func TestCancelMidWait(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		c, err := New(business, sources.WithBaseURL("https://example.invalid"), sources.WithAPIKey(secret),
			sources.WithHTTPClient(&http.Client{Transport: throttled{}}))
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithCancel(t.Context())
		start := time.Now()
		time.AfterFunc(10*time.Second, cancel)
		var end error
		for _, err := range c.Reviews(ctx, sources.Query{}) {
			end = err
		}
		if !errors.Is(end, context.Canceled) {
			t.Errorf("end = %v, want context.Canceled", end)
		}
		if d := time.Since(start); d != 10*time.Second {
			t.Errorf("returned %v after start, want exactly 10s (the cancel)", d)
		}
	})
}

// TestNoGoroutineLeak walks to the end, stops a walk early and ends one
// with an error; no goroutine may outlive the test. (Not parallel: it
// counts goroutines.)
func TestNoGoroutineLeak(t *testing.T) {
	sourcestest.CheckGoroutines(t)
	srv := sourcestest.NewServer(t, sourcestest.NewYelp(business, genReviews(3)...))
	c := newClient(t, srv.URL)
	if _, _, end := walk(t, c, sources.Query{}); end != nil {
		t.Fatal(end)
	}
	for _, err := range c.Reviews(t.Context(), sources.Query{}) {
		if err != nil {
			t.Fatal(err)
		}
		break
	}
	srv.Script(sourcestest.Fault{Status: http.StatusUnauthorized})
	if _, _, end := walk(t, c, sources.Query{}); end == nil {
		t.Error("walk did not end with the scripted error")
	}
}
