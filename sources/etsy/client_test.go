package etsy

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
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
	shop   = "31415926"
	secret = "etsy-keystring-0123456789abcdef"
)

// fast are the options every test client gets: no pacing, tiny backoff.
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
	c, err := New(shop, fast(base, extra...)...)
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
			ID: review.Key(Name, id), Source: Name, ExternalID: id, OrderID: id, ProductID: strconv.Itoa(1587654321 + i%7),
			Rating: float64(1 + i%5), Lang: "en", Verified: true,
			Body:      fmt.Sprintf("Review number %d — text as the customer wrote it. ", i),
			CreatedAt: base.Add(-time.Duration(i) * time.Hour),
		}
	}
	return rs
}

func genID(i int) string { return strconv.Itoa(4012345678 + i) }

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
	for _, id := range []string{"", "a/b", "x?y"} {
		if _, err := New(id); !errors.Is(err, sources.ErrInvalidOption) {
			t.Errorf("New(%q) error = %v, want ErrInvalidOption", id, err)
		}
	}
	c, err := New(shop)
	if err != nil {
		t.Fatal(err)
	}
	if c.Name() != "etsy" {
		t.Errorf("Name() = %q", c.Name())
	}
}

func TestNextOffset(t *testing.T) {
	t.Parallel()
	tests := []struct {
		offset, n, limit, count int
		want                    string
	}{
		{0, 100, 100, 1000, "95"},
		{95, 100, 100, 1000, "190"},
		{950, 50, 100, 1000, ""},
		{0, 0, 100, 1000, ""},
		{0, 2, 2, 3, "1"},
		{0, 1, 1, 3, "1"}, // never backwards or in place
		{0, 100, 100, 0, "95"},
		{0, 40, 100, 0, ""},
	}
	for _, tt := range tests {
		if got := nextOffset(tt.offset, tt.n, tt.limit, tt.count); got != tt.want {
			t.Errorf("nextOffset(%d, %d, %d, %d) = %q, want %q", tt.offset, tt.n, tt.limit, tt.count, got, tt.want)
		}
	}
}

// TestReviewsFixtures serves the fixture pages (limit 2) and checks the
// requests and everything decoded. With the overlap the second request
// reads from offset 1, so it gets the last review of page 1 again and the
// one of page 2.
func TestReviewsFixtures(t *testing.T) {
	t.Parallel()
	var p1, p2 struct {
		Count   int               `json:"count"`
		Results []json.RawMessage `json:"results"`
	}
	if err := json.Unmarshal(readFixture(t, "etsy-reviews-page1.json"), &p1); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(readFixture(t, "etsy-reviews-page2.json"), &p2); err != nil {
		t.Fatal(err)
	}
	all := append(p1.Results, p2.Results...)
	var reqs []*http.Request
	srv := sourcestest.NewServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		reqs = append(reqs, r)
		if r.URL.Path != "/v3/application/shops/"+shop+"/reviews" {
			http.NotFound(w, r)
			return
		}
		off, _ := strconv.Atoi(r.URL.Query().Get("offset"))
		lim, _ := strconv.Atoi(r.URL.Query().Get("limit"))
		json.NewEncoder(w).Encode(map[string]any{"count": len(all), "results": all[off:min(len(all), off+lim)]})
	}))
	got, items, end := walk(t, newClient(t, srv.URL, sources.WithPageSize(2)), sources.Query{})
	if end != nil || len(items) != 0 {
		t.Fatalf("walk ended with %v, item errors %v", end, items)
	}
	want := append(append([]review.Review(nil), fixtureReviews["etsy-reviews-page1.json"]...), fixtureReviews["etsy-reviews-page2.json"]...)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("reviews (-want +got):\n%s", diff)
	}
	var offsets []string
	for _, r := range reqs {
		offsets = append(offsets, r.URL.Query().Get("offset"))
		if got := r.Header.Get("x-api-key"); got != secret {
			t.Errorf("x-api-key = %q", got)
		}
		if r.Header.Get("Authorization") != "" {
			t.Error("Authorization sent without a token")
		}
		if strings.Contains(r.URL.RawQuery, secret) {
			t.Error("key in the URL")
		}
	}
	if diff := cmp.Diff([]string{"0", "1"}, offsets); diff != "" {
		t.Errorf("offsets (-want +got):\n%s", diff)
	}
}

func TestReviewsPaginationToTheEnd(t *testing.T) {
	t.Parallel()
	rs := genReviews(234)
	e := sourcestest.NewEtsy(shop, rs...)
	e.APIKey = secret
	srv := sourcestest.NewServer(t, e)
	got, items, end := walk(t, newClient(t, srv.URL), sources.Query{})
	if end != nil || len(items) != 0 {
		t.Fatalf("walk ended with %v, item errors %v", end, items)
	}
	if diff := cmp.Diff(rs, got); diff != "" {
		t.Errorf("reviews (-want +got):\n%s", diff)
	}
	if n := srv.Count(); n != 3 {
		t.Errorf("%d requests, want 3 (offsets 0, 95, 190)", n)
	}
	if q := srv.Requests()[0].Query; q.Get("limit") != "100" {
		t.Errorf("limit = %q, want 100 (the largest page)", q.Get("limit"))
	}
}

func TestReviewsQuery(t *testing.T) {
	t.Parallel()
	rs := genReviews(120)
	srv := sourcestest.NewServer(t, sourcestest.NewEtsy(shop, rs...))
	c := newClient(t, srv.URL)

	got, _, end := walk(t, c, sources.Query{Max: 7})
	if end != nil || len(got) != 7 {
		t.Errorf("Max 7: %d reviews, end %v", len(got), end)
	}
	// Since and Until become min_created and max_created.
	before := srv.Count()
	got, _, end = walk(t, c, sources.Query{Since: rs[19].CreatedAt, Until: rs[9].CreatedAt})
	if end != nil {
		t.Fatal(end)
	}
	if diff := cmp.Diff(ids(rs[10:20]), ids(got)); diff != "" {
		t.Errorf("Since/Until (-want +got):\n%s", diff)
	}
	q := srv.Requests()[before].Query
	if q.Get("min_created") != strconv.FormatInt(rs[19].CreatedAt.Unix(), 10) || q.Get("max_created") != strconv.FormatInt(rs[9].CreatedAt.Unix(), 10) {
		t.Errorf("query = %v", q)
	}
	// ProductID reads one listing.
	got, _, end = walk(t, c, sources.Query{ProductID: "1587654323"})
	if end != nil {
		t.Fatal(end)
	}
	var want []string
	for _, rv := range rs {
		if rv.ProductID == "1587654323" {
			want = append(want, rv.ExternalID)
		}
	}
	if diff := cmp.Diff(want, ids(got)); diff != "" {
		t.Errorf("listing (-want +got):\n%s", diff)
	}
	// An unknown shop is ErrNotFound, not an empty walk.
	other, err := New("999", fast(srv.URL)...)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, end = walk(t, other, sources.Query{}); !errors.Is(end, sources.ErrNotFound) {
		t.Errorf("unknown shop: %v, want ErrNotFound", end)
	}
}

// TestFaults runs the walk through every scripted fault and checks that
// nothing is lost or doubled.
func TestFaults(t *testing.T) {
	t.Parallel()
	page2 := sourcestest.OnPath("/reviews", "offset", "95")
	// breakRating makes the rating of review i a string.
	breakRating := func(i int) func([]byte) []byte {
		return func(b []byte) []byte {
			at := bytes.Index(b, []byte(`"transaction_id":`+genID(i)))
			if at < 0 {
				return b
			}
			j := bytes.LastIndex(b[:at], []byte(`"rating":`))
			return append(append(append([]byte(nil), b[:j]...), `"rating":"x","was":`...), b[j+len(`"rating":`):]...)
		}
	}
	tests := []struct {
		name    string
		script  func(s *sourcestest.Server, e *sourcestest.Etsy)
		opts    []sources.Option
		badIDs  []string
		endIs   error
		lostIDs int
	}{
		{name: "429 retry-after seconds", script: func(s *sourcestest.Server, _ *sourcestest.Etsy) {
			s.ScriptFor(page2, sourcestest.Fault{Status: 429, RetryAfter: "1", Body: string(readFixture(t, "etsy-429.json"))})
		}},
		{name: "429 retry-after date", script: func(s *sourcestest.Server, _ *sourcestest.Etsy) {
			s.ScriptFor(page2, sourcestest.Fault{Status: 429, RetryAfter: sourcestest.RetryAfterDate(time.Now().Add(time.Second))})
		}},
		{name: "503 burst", script: func(s *sourcestest.Server, _ *sourcestest.Etsy) {
			s.Script(sourcestest.Times(3, sourcestest.Fault{Status: 503})...)
		}},
		{name: "slow response", opts: []sources.Option{sources.WithAttemptTimeout(500 * time.Millisecond)}, script: func(s *sourcestest.Server, _ *sourcestest.Etsy) {
			// The attempt times out; the retry is answered at once.
			s.ScriptFor(page2, sourcestest.Fault{Delay: time.Minute})
		}},
		{name: "truncated body", script: func(s *sourcestest.Server, _ *sourcestest.Etsy) {
			s.ScriptFor(page2, sourcestest.Fault{Truncate: true})
		}},
		{name: "cut json", script: func(s *sourcestest.Server, _ *sourcestest.Etsy) {
			s.ScriptFor(page2, sourcestest.Fault{Cut: true})
		}},
		{name: "malformed review", script: func(s *sourcestest.Server, _ *sourcestest.Etsy) {
			// Review 189: on page 2, outside the overlap with page 3.
			s.ScriptFor(page2, sourcestest.Fault{Mutate: breakRating(189)})
		}, badIDs: []string{genID(189)}},
		{name: "malformed second copy of a review", script: func(s *sourcestest.Server, _ *sourcestest.Etsy) {
			// Review 99 arrived intact on page 1; its copy in the overlap
			// of page 2 is broken: nothing to report.
			s.ScriptFor(page2, sourcestest.Fault{Mutate: breakRating(99)})
		}},
		{name: "reviews inserted at the top mid-walk", script: func(s *sourcestest.Server, e *sourcestest.Etsy) {
			s.ScriptFor(page2, sourcestest.Fault{Before: func() {
				for k := range 3 {
					e.Prepend(review.Review{ExternalID: genID(1000 + k), Rating: 5, CreatedAt: time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)})
				}
			}})
		}},
		{name: "reviews deleted mid-walk", script: func(s *sourcestest.Server, e *sourcestest.Etsy) {
			// Three reviews of page 1 go before page 2 is read: page 2
			// shifts up by three, which the overlap re-reads.
			s.ScriptFor(page2, sourcestest.Fault{Before: func() {
				e.Remove(genID(3))
				e.Remove(genID(40))
				e.Remove(genID(77))
			}})
		}},
		{name: "expired key", script: func(s *sourcestest.Server, e *sourcestest.Etsy) {
			s.ScriptFor(page2, sourcestest.Fault{Status: 401, Body: `{"error":"Invalid API key"}`})
		}, endIs: sources.ErrUnauthorized, lostIDs: 150},
		{name: "daily quota exhausted", script: func(s *sourcestest.Server, _ *sourcestest.Etsy) {
			s.ScriptFor(page2, sourcestest.Fault{Status: 429, Header: http.Header{"X-Remaining-Today": {"0"}}, Body: string(readFixture(t, "etsy-429.json"))})
		}, endIs: sources.ErrQuotaExhausted, lostIDs: 150},
		{name: "throttled beyond the cap", script: func(s *sourcestest.Server, _ *sourcestest.Etsy) {
			s.ScriptFor(page2, sourcestest.Fault{Status: 429, RetryAfter: "3600"})
		}, endIs: sources.ErrRateLimited, lostIDs: 150},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rs := genReviews(250)
			e := sourcestest.NewEtsy(shop, rs...)
			srv := sourcestest.NewServer(t, e)
			tt.script(srv, e)
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

// TestWithoutOverlapDeletionsHide shows why the overlap is there: the same
// deletions, read by plain offset paging, hide reviews.
func TestWithoutOverlapDeletionsHide(t *testing.T) {
	t.Parallel()
	rs := genReviews(250)
	e := sourcestest.NewEtsy(shop, rs...)
	srv := sourcestest.NewServer(t, e)
	c := newClient(t, srv.URL)
	ctx := t.Context()
	first, err := c.Page(ctx, sources.Query{})
	if err != nil {
		t.Fatal(err)
	}
	e.Remove(genID(3))
	e.Remove(genID(40))
	e.Remove(genID(77))
	plain, err := c.Page(ctx, sources.Query{Cursor: "100"})
	if err != nil {
		t.Fatal(err)
	}
	overlapped, err := c.Page(ctx, sources.Query{Cursor: first.Next})
	if err != nil {
		t.Fatal(err)
	}
	if plain.Reviews[0].ExternalID != genID(103) {
		t.Errorf("plain paging starts at %s; want %s (100–102 hidden)", plain.Reviews[0].ExternalID, genID(103))
	}
	found := map[string]bool{}
	for _, rv := range overlapped.Reviews {
		found[rv.ExternalID] = true
	}
	for _, i := range []int{100, 101, 102} {
		if !found[genID(i)] {
			t.Errorf("overlapped page misses %s", genID(i))
		}
	}
}

func TestEndlessPagesGuard(t *testing.T) {
	t.Parallel()
	// A server that claims a huge count and sends the same review on
	// every page.
	var n atomic.Int32
	srv := sourcestest.NewServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		fmt.Fprint(w, `{"count":1000000,"results":[{"transaction_id":1,"rating":1,"create_timestamp":1773100000},{"transaction_id":2,"rating":1,"create_timestamp":1773100000}]}`)
	}))
	got, _, end := walk(t, newClient(t, srv.URL, sources.WithPageSize(2)), sources.Query{})
	if !errors.Is(end, sources.ErrPaginationLoop) {
		t.Errorf("end = %v, want ErrPaginationLoop", end)
	}
	if len(got) != 2 {
		t.Errorf("%d reviews, want 2", len(got))
	}
	if n.Load() > 10 {
		t.Errorf("%d requests before giving up", n.Load())
	}
}

func TestWrongKey(t *testing.T) {
	t.Parallel()
	e := sourcestest.NewEtsy(shop, genReviews(3)...)
	e.APIKey = "the-right-key"
	srv := sourcestest.NewServer(t, e)
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
		c, err := New(shop, sources.WithBaseURL("https://example.invalid"), sources.WithAPIKey(secret),
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
	srv := sourcestest.NewServer(t, sourcestest.NewEtsy(shop, genReviews(250)...))
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
