package lightspeed

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
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
	key    = "lightspeed-key-0123456789abcdef"
	secret = "lightspeed-secret-fedcba9876543210"
)

// fast are the options every test client gets: no pacing, tiny backoff.
func fast(base string, extra ...sources.Option) []sources.Option {
	return append([]sources.Option{
		sources.WithBaseURL(base),
		sources.WithAPIKey(key),
		sources.WithAPISecret(secret),
		sources.WithRateLimit(rate.Inf, 0),
		sources.WithBackoff(time.Millisecond, 5*time.Millisecond),
	}, extra...)
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

// walk collects a walk: the reviews, the per-item errors and the error
// that ended it.
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
		t.Errorf("error text carries the token: %v", err)
	}
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

func TestWindow(t *testing.T) {
	t.Parallel()
	tests := []struct{ next, size, page, limit int }{
		{0, 250, 1, 250},
		{250, 250, 2, 245}, // reads 245–489: 5 again
		{490, 250, 3, 242}, // 484–725
		{2, 2, 2, 2},       // pages of 2 leave no room for an overlap
		{1, 3, 1, 3},       // 0–2: the one review read, again
	}
	for _, tt := range tests {
		p, l := window(tt.next, tt.size)
		if p != tt.page || l != tt.limit {
			t.Errorf("window(%d, %d) = %d, %d; want %d, %d", tt.next, tt.size, p, l, tt.page, tt.limit)
		}
	}
}

// TestWindowDeepWalk follows the page windows of a walk over a million
// reviews: every page must start at or before the first review not read
// yet and reach past it, and at the usual sizes re-read the full Overlap.
// (An earlier window rule stopped making progress after about 62,000
// reviews in pages of 250, and the walk ended with ErrPaginationLoop.)
func TestWindowDeepWalk(t *testing.T) {
	t.Parallel()
	const total = 1_000_000
	for _, size := range []int{MaxPageSize, 100, 50, 10, 3, 2, 1} {
		next, pages := 0, 0
		for next < total {
			p, l := window(next, size)
			start, end := (p-1)*l, p*l
			pages++
			if l < 1 || l > size || start > next || end <= next {
				t.Fatalf("size %d: window(%d) = page %d × %d reads %d–%d", size, next, p, l, start, end-1)
			}
			if size >= 50 && start > next-min(Overlap, next) {
				t.Fatalf("size %d: window(%d) starts at %d: less than %d reviews again", size, next, start, Overlap)
			}
			next = end
		}
		if ideal := total / size; size >= 100 && pages > ideal*6/5 {
			t.Errorf("size %d: %d pages, more than 1.2 × %d", size, pages, ideal)
		}
	}
}

// TestReviewsFixtures serves the fixture reviews by page and limit and
// checks the requests and everything decoded.
func TestReviewsFixtures(t *testing.T) {
	t.Parallel()
	var p1, p2 struct {
		Reviews []json.RawMessage `json:"reviews"`
	}
	if err := json.Unmarshal(readFixture(t, "lightspeed-reviews-page1.json"), &p1); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(readFixture(t, "lightspeed-reviews-page2.json"), &p2); err != nil {
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
	got, items, end := walk(t, c, sources.Query{})
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

func TestReviewsPaginationToTheEnd(t *testing.T) {
	t.Parallel()
	rs := genReviews(600)
	l := sourcestest.NewLightspeed(rs...)
	l.Key, l.Secret = key, secret
	srv := sourcestest.NewServer(t, l)
	got, items, end := walk(t, newClient(t, srv.URL), sources.Query{})
	if end != nil || len(items) != 0 {
		t.Fatalf("walk ended with %v, item errors %v", end, items)
	}
	if diff := cmp.Diff(rs, got); diff != "" {
		t.Errorf("reviews (-want +got):\n%s", diff)
	}
	if n := srv.Count(); n != 3 {
		t.Errorf("%d requests, want 3", n)
	}
	if q := srv.Requests()[0].Query; q.Get("limit") != "250" || q.Get("page") != "1" {
		t.Errorf("first query = %v, want page 1, limit 250 (the largest page)", q)
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
	got, _, end := walk(t, c, sources.Query{})
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

	got, _, end := walk(t, c, sources.Query{Max: 7})
	if end != nil || len(got) != 7 {
		t.Errorf("Max 7: %d reviews, end %v", len(got), end)
	}
	before := srv.Count()
	got, _, end = walk(t, c, sources.Query{Since: rs[19].CreatedAt})
	if end != nil {
		t.Fatal(end)
	}
	if diff := cmp.Diff(ids(rs[:20]), ids(got)); diff != "" {
		t.Errorf("Since (-want +got):\n%s", diff)
	}
	if n := srv.Count() - before; n != 1 {
		t.Errorf("Since walk made %d requests, want 1", n)
	}
	got, _, end = walk(t, c, sources.Query{ProductID: "770003"})
	if end != nil {
		t.Fatal(end)
	}
	var want []string
	for _, rv := range rs {
		if rv.ProductID == "770003" {
			want = append(want, rv.ExternalID)
		}
	}
	if diff := cmp.Diff(want, ids(got)); diff != "" {
		t.Errorf("product (-want +got):\n%s", diff)
	}
}

func TestNotFound(t *testing.T) {
	t.Parallel()
	srv := sourcestest.NewServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNotFound)
		fmt.Fprint(w, `{"error":{"code":404,"method":"GET","request":"/xx/reviews.json","message":"Shop not found."}}`)
	}))
	if _, _, end := walk(t, newClient(t, srv.URL), sources.Query{}); !errors.Is(end, sources.ErrNotFound) {
		t.Errorf("end = %v, want ErrNotFound", end)
	}
}

// TestFaults runs the walk through every scripted fault and checks that
// nothing is lost or doubled.
func TestFaults(t *testing.T) {
	t.Parallel()
	page2 := sourcestest.OnPath("/reviews.json", "page", "2")
	// Break review 300: on page 2 (reviews 245–489) and outside the
	// overlap with page 3.
	breakOne := func(b []byte) []byte {
		at := bytes.Index(b, []byte(`"id":`+genID(300)+`,`))
		i := at + bytes.Index(b[at:], []byte(`"isVisible":`))
		return append(append(append([]byte(nil), b[:i]...), `"isVisible":"yes","x":`...), b[i+len(`"isVisible":`):]...)
	}
	tests := []struct {
		name    string
		opts    []sources.Option
		script  func(s *sourcestest.Server, l *sourcestest.Lightspeed)
		badIDs  []string
		endIs   error
		lostIDs int
	}{
		{name: "429 retry-after seconds", script: func(s *sourcestest.Server, _ *sourcestest.Lightspeed) {
			s.ScriptFor(page2, sourcestest.Fault{Status: 429, RetryAfter: "1", Body: string(readFixture(t, "lightspeed-429.json"))})
		}},
		{name: "429 retry-after date", script: func(s *sourcestest.Server, _ *sourcestest.Lightspeed) {
			s.ScriptFor(page2, sourcestest.Fault{Status: 429, RetryAfter: sourcestest.RetryAfterDate(time.Now().Add(time.Second))})
		}},
		{name: "429 with the X-RateLimit triple", script: func(s *sourcestest.Server, _ *sourcestest.Lightspeed) {
			s.ScriptFor(page2, sourcestest.Fault{Status: 429, Body: string(readFixture(t, "lightspeed-429.json")), Header: http.Header{
				"X-Ratelimit-Limit": {"300/3000/12000"}, "X-Ratelimit-Remaining": {"0/2500/11000"}, "X-Ratelimit-Reset": {"1/1000/50000"},
			}})
		}},
		{name: "503 burst", script: func(s *sourcestest.Server, _ *sourcestest.Lightspeed) {
			s.Script(sourcestest.Times(3, sourcestest.Fault{Status: 503})...)
		}},
		{name: "slow response", opts: []sources.Option{sources.WithAttemptTimeout(500 * time.Millisecond)}, script: func(s *sourcestest.Server, _ *sourcestest.Lightspeed) {
			// The attempt times out; the retry is answered at once.
			s.ScriptFor(page2, sourcestest.Fault{Delay: time.Minute})
		}},
		{name: "truncated body", script: func(s *sourcestest.Server, _ *sourcestest.Lightspeed) {
			s.ScriptFor(page2, sourcestest.Fault{Truncate: true})
		}},
		{name: "cut json", script: func(s *sourcestest.Server, _ *sourcestest.Lightspeed) {
			s.ScriptFor(page2, sourcestest.Fault{Cut: true})
		}},
		{name: "malformed review", script: func(s *sourcestest.Server, _ *sourcestest.Lightspeed) {
			s.ScriptFor(page2, sourcestest.Fault{Mutate: breakOne})
		}, badIDs: []string{genID(300)}},
		{name: "reviews inserted at the top mid-walk", script: func(s *sourcestest.Server, l *sourcestest.Lightspeed) {
			s.ScriptFor(page2, sourcestest.Fault{Before: func() {
				for k := range 3 {
					l.Prepend(review.Review{ExternalID: strconv.Itoa(200000 + k), Rating: 5, CreatedAt: time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)})
				}
			}})
		}},
		{name: "reviews deleted mid-walk", script: func(s *sourcestest.Server, l *sourcestest.Lightspeed) {
			s.ScriptFor(page2, sourcestest.Fault{Before: func() {
				l.Remove(genID(3))
				l.Remove(genID(100))
				l.Remove(genID(200))
			}})
		}},
		{name: "expired credentials", script: func(s *sourcestest.Server, _ *sourcestest.Lightspeed) {
			s.ScriptFor(page2, sourcestest.Fault{Status: 401, Body: `{"error":{"code":401,"method":"GET","request":"/en/reviews.json","message":"Invalid credentials."}}`})
		}, endIs: sources.ErrUnauthorized, lostIDs: 350},
		{name: "throttled beyond the cap", script: func(s *sourcestest.Server, _ *sourcestest.Lightspeed) {
			s.ScriptFor(page2, sourcestest.Fault{Status: 429, RetryAfter: "3600"})
		}, endIs: sources.ErrRateLimited, lostIDs: 350},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rs := genReviews(600)
			l := sourcestest.NewLightspeed(rs...)
			srv := sourcestest.NewServer(t, l)
			tt.script(srv, l)
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
				if de.Source != Name || de.Page == "" {
					t.Errorf("DecodeError without source or page: %+v", de)
				}
				bad = append(bad, de.ExternalID)
			}
			if diff := cmp.Diff(tt.badIDs, bad); diff != "" {
				t.Errorf("bad items (-want +got):\n%s", diff)
			}
			seen := map[string]int{}
			for _, rv := range got {
				seen[rv.ExternalID]++
			}
			for id, n := range seen {
				if n != 1 {
					t.Errorf("review %s yielded %d times", id, n)
				}
			}
			arrived := 0
			for _, rv := range rs {
				if seen[rv.ExternalID] > 0 {
					arrived++
				}
			}
			if want := len(rs) - len(tt.badIDs) - tt.lostIDs; arrived != want {
				t.Errorf("%d of %d reviews arrived, want %d", arrived, len(rs), want)
			}
		})
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
	got, _, end := walk(t, newClient(t, srv.URL, sources.WithPageSize(10)), sources.Query{})
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
	_, _, end := walk(t, newClient(t, srv.URL), sources.Query{})
	if !errors.Is(end, sources.ErrUnauthorized) {
		t.Errorf("end = %v, want ErrUnauthorized", end)
	}
	noSecret(t, end)
}

// throttled is a RoundTripper that answers everything with 429 and a long
// Retry-After, without a network (for synctest).
type throttled struct{}

func (throttled) RoundTrip(r *http.Request) (*http.Response, error) {
	return &http.Response{
		StatusCode: http.StatusTooManyRequests,
		Header:     http.Header{"Retry-After": {"120"}},
		Body:       io.NopCloser(strings.NewReader(`{"error":{"code":429}}`)),
		Request:    r,
	}, nil
}

// TestCancelMidWait cancels the walk while it waits out a Retry-After and
// checks, on the fake clock, that it returns at the moment of cancellation.
func TestCancelMidWait(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		c, err := New("en", sources.WithBaseURL("https://example.invalid"), sources.WithAPIKey(key), sources.WithAPISecret(secret),
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
	srv := sourcestest.NewServer(t, sourcestest.NewLightspeed(genReviews(600)...))
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
