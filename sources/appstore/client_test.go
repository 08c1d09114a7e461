package appstore

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
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
	appID  = "1234567890"
	secret = "eyJhbGciOiJFUzI1NiJ9.secret-jwt-payload.signature"
)

// fast are the options every test client gets: no pacing, tiny backoff.
func fast(base string, extra ...sources.Option) []sources.Option {
	return append([]sources.Option{
		sources.WithBaseURL(base),
		sources.WithToken(secret),
		sources.WithRateLimit(rate.Inf, 0),
		sources.WithBackoff(time.Millisecond, 5*time.Millisecond),
	}, extra...)
}

func newClient(t *testing.T, base string, extra ...sources.Option) *Client {
	t.Helper()
	c, err := New(appID, fast(base, extra...)...)
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
			ID: review.Key(Name, id), Source: Name, ExternalID: id, Title: fmt.Sprintf("Title %d", i),
			Author: review.Author{Name: fmt.Sprintf("nick_%d", i)}, Rating: float64(1 + i%5),
			Body:      fmt.Sprintf("Review number %d — text as the customer wrote it. ", i),
			CreatedAt: base.Add(-time.Duration(i) * time.Hour),
		}
	}
	return rs
}

func genID(i int) string { return fmt.Sprintf("00000028-b08c-0014-0000-%012d", i) }

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
	for _, id := range []string{"", "a/b", "x?y", "x#y"} {
		if _, err := New(id); !errors.Is(err, sources.ErrInvalidOption) {
			t.Errorf("New(%q) error = %v, want ErrInvalidOption", id, err)
		}
	}
	if _, err := New(appID, sources.WithBaseURL("ftp://x")); !errors.Is(err, sources.ErrInvalidOption) {
		t.Errorf("bad base URL accepted: %v", err)
	}
	c, err := New(appID)
	if err != nil {
		t.Fatal(err)
	}
	if c.Name() != "appstore" {
		t.Errorf("Name() = %q", c.Name())
	}
}

// TestReviewsFixtures serves the two fixture pages in the documented shape
// (their links.next points at Apple's host) and checks the requests and
// everything decoded.
func TestReviewsFixtures(t *testing.T) {
	t.Parallel()
	pages := map[string][]byte{
		"":           readFixture(t, "appstore-reviews-page1.json"),
		"Ag.AKvLMf8": readFixture(t, "appstore-reviews-page2.json"),
	}
	var mu sync.Mutex
	var reqs []*http.Request
	srv := sourcestest.NewServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		reqs = append(reqs, r)
		mu.Unlock()
		body, ok := pages[r.URL.Query().Get("cursor")]
		if !ok || r.URL.Path != "/v1/apps/"+appID+"/customerReviews" {
			http.NotFound(w, r)
			return
		}
		w.Write(body)
	}))
	got, items, end := walk(t, newClient(t, srv.URL), sources.Query{})
	if end != nil || len(items) != 0 {
		t.Fatalf("walk ended with %v, item errors %v", end, items)
	}
	want := append(append([]review.Review(nil), fixtureReviews["appstore-reviews-page1.json"]...), fixtureReviews["appstore-reviews-page2.json"]...)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("reviews (-want +got):\n%s", diff)
	}
	if len(reqs) != 2 {
		t.Fatalf("%d requests, want 2", len(reqs))
	}
	first := reqs[0].URL.Query()
	if first.Get("limit") != "200" || first.Get("sort") != "-createdDate" || first.Get("include") != "response" {
		t.Errorf("first query = %v, want limit=200 sort=-createdDate include=response", first)
	}
	for _, r := range reqs {
		if got := r.Header.Get("Authorization"); got != "Bearer "+secret {
			t.Errorf("Authorization = %q", got)
		}
		if strings.Contains(r.URL.RawQuery, secret) {
			t.Error("token in the URL")
		}
	}
}

func TestReviewsPaginationToTheEnd(t *testing.T) {
	t.Parallel()
	rs := genReviews(567)
	srv := sourcestest.NewServer(t, sourcestest.NewAppStore(appID, rs...))
	got, items, end := walk(t, newClient(t, srv.URL), sources.Query{})
	if end != nil || len(items) != 0 {
		t.Fatalf("walk ended with %v, item errors %v", end, items)
	}
	if diff := cmp.Diff(rs, got); diff != "" {
		t.Errorf("reviews (-want +got):\n%s", diff)
	}
	if n := srv.Count(); n != 3 {
		t.Errorf("%d requests, want 3 pages of 200", n)
	}
}

func TestReviewsQuery(t *testing.T) {
	t.Parallel()
	rs := genReviews(120)
	srv := sourcestest.NewServer(t, sourcestest.NewAppStore(appID, rs...))
	c := newClient(t, srv.URL)

	got, _, end := walk(t, c, sources.Query{Max: 7})
	if end != nil || len(got) != 7 {
		t.Errorf("Max 7: %d reviews, end %v", len(got), end)
	}
	got, _, end = walk(t, c, sources.Query{Since: rs[9].CreatedAt})
	if end != nil {
		t.Fatal(end)
	}
	if diff := cmp.Diff(ids(rs[:10]), ids(got)); diff != "" {
		t.Errorf("Since (-want +got):\n%s", diff)
	}
	// Another app is unknown here: ErrNotFound, not an empty walk.
	_, _, end = walk(t, c, sources.Query{ProductID: "999"})
	if !errors.Is(end, sources.ErrNotFound) {
		t.Errorf("other app: %v, want ErrNotFound", end)
	}
	// A resumed walk starts at the cursor (a links.next URL).
	pg, err := newClient(t, srv.URL, sources.WithPageSize(50)).Page(t.Context(), sources.Query{})
	if err != nil || pg.Next == "" {
		t.Fatalf("first page: %v, next %q", err, pg.Next)
	}
	got, _, end = walk(t, newClient(t, srv.URL, sources.WithPageSize(50)), sources.Query{Cursor: "https://api.appstoreconnect.apple.com/v1/apps/" + appID + "/customerReviews?cursor=Ag.100&limit=10"})
	if end != nil {
		t.Fatal(end)
	}
	if diff := cmp.Diff(ids(rs[100:]), ids(got)); diff != "" {
		t.Errorf("resumed walk (-want +got):\n%s", diff)
	}
	if _, err := c.Page(t.Context(), sources.Query{Cursor: "https://evil.example/steal"}); !errors.Is(err, sources.ErrInvalidOption) {
		t.Errorf("foreign cursor: %v, want ErrInvalidOption", err)
	}
}

// TestFaults runs the walk through every scripted fault and checks that
// nothing is lost or doubled.
func TestFaults(t *testing.T) {
	t.Parallel()
	page2 := sourcestest.OnPath("/customerReviews", "cursor", "Ag.200")
	tests := []struct {
		name    string
		script  func(s *sourcestest.Server, g *sourcestest.AppStore)
		opts    []sources.Option
		badIDs  []string // ids reported as per-item DecodeErrors
		endIs   error    // the error that ends the walk (nil = none)
		lostIDs int      // reviews that may not arrive because the walk ended
	}{
		{name: "429 retry-after seconds", script: func(s *sourcestest.Server, _ *sourcestest.AppStore) {
			s.ScriptFor(page2, sourcestest.Fault{Status: 429, RetryAfter: "1", Body: string(readFixture(t, "appstore-429.json"))})
		}},
		{name: "429 retry-after date", script: func(s *sourcestest.Server, _ *sourcestest.AppStore) {
			s.ScriptFor(page2, sourcestest.Fault{Status: 429, RetryAfter: sourcestest.RetryAfterDate(time.Now().Add(time.Second))})
		}},
		{name: "503 burst", script: func(s *sourcestest.Server, _ *sourcestest.AppStore) {
			s.Script(sourcestest.Times(3, sourcestest.Fault{Status: 503})...)
		}},
		{name: "slow response", opts: []sources.Option{sources.WithAttemptTimeout(500 * time.Millisecond)}, script: func(s *sourcestest.Server, _ *sourcestest.AppStore) {
			// The attempt times out; the retry is answered at once.
			s.ScriptFor(page2, sourcestest.Fault{Delay: time.Minute})
		}},
		{name: "truncated body", script: func(s *sourcestest.Server, _ *sourcestest.AppStore) {
			s.ScriptFor(page2, sourcestest.Fault{Truncate: true})
		}},
		{name: "cut json", script: func(s *sourcestest.Server, _ *sourcestest.AppStore) {
			s.ScriptFor(page2, sourcestest.Fault{Cut: true})
		}},
		{name: "html instead of json", script: func(s *sourcestest.Server, _ *sourcestest.AppStore) {
			s.ScriptFor(page2, sourcestest.Fault{Mutate: func([]byte) []byte { return []byte("<html>oops</html>") }})
		}},
		{name: "malformed review", script: func(s *sourcestest.Server, _ *sourcestest.AppStore) {
			s.ScriptFor(page2, sourcestest.Fault{Mutate: func(b []byte) []byte {
				return bytes.Replace(b, []byte(`"rating":5`), []byte(`"rating":"5"`), 1)
			}})
		}, badIDs: []string{genID(204)}},
		{name: "review inserted at the top mid-walk", script: func(s *sourcestest.Server, g *sourcestest.AppStore) {
			s.ScriptFor(page2, sourcestest.Fault{Before: func() {
				g.Prepend(review.Review{ExternalID: "new", Rating: 5, Body: "new", CreatedAt: time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)})
			}})
		}},
		{name: "expired token", script: func(s *sourcestest.Server, _ *sourcestest.AppStore) {
			s.ScriptFor(page2, sourcestest.Fault{Status: 401, Body: `{"errors":[{"status":"401","code":"NOT_AUTHORIZED","title":"Authentication credentials are missing or invalid.","detail":"Provide a properly configured and signed bearer token, and make sure that it has not expired."}]}`})
		}, endIs: sources.ErrUnauthorized, lostIDs: 250},
		{name: "throttled beyond the cap", script: func(s *sourcestest.Server, _ *sourcestest.AppStore) {
			s.ScriptFor(page2, sourcestest.Fault{Status: 429, RetryAfter: "3600"})
		}, endIs: sources.ErrRateLimited, lostIDs: 250},
		{name: "throttled until retries run out", opts: []sources.Option{sources.WithMaxRetries(2)}, script: func(s *sourcestest.Server, _ *sourcestest.AppStore) {
			s.ScriptFor(page2, sourcestest.Times(3, sourcestest.Fault{Status: 429, RetryAfter: "0"})...)
		}, endIs: sources.ErrRateLimited, lostIDs: 250},
		{name: "503 burst longer than the retries", opts: []sources.Option{sources.WithMaxRetries(1)}, script: func(s *sourcestest.Server, _ *sourcestest.AppStore) {
			s.ScriptFor(page2, sourcestest.Times(2, sourcestest.Fault{Status: 503})...)
		}, endIs: errors.New("503"), lostIDs: 250},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rs := genReviews(450)
			g := sourcestest.NewAppStore(appID, rs...)
			srv := sourcestest.NewServer(t, g)
			tt.script(srv, g)
			got, items, end := walk(t, newClient(t, srv.URL, tt.opts...), sources.Query{})
			noSecret(t, end)
			switch {
			case tt.endIs == nil && end != nil:
				t.Fatalf("walk ended with %v", end)
			case tt.endIs != nil && end == nil:
				t.Fatalf("walk ended cleanly, want %v", tt.endIs)
			case tt.endIs != nil && !errors.Is(end, tt.endIs) && !strings.Contains(end.Error(), tt.endIs.Error()):
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
			// Every review arrives exactly once, except the bad ones and
			// those after an ending error.
			seen := map[string]int{}
			for _, rv := range got {
				seen[rv.ExternalID]++
			}
			for id, n := range seen {
				if n != 1 {
					t.Errorf("review %s yielded %d times", id, n)
				}
			}
			want := len(rs) - len(tt.badIDs) - tt.lostIDs
			var missing int
			for _, rv := range rs {
				if seen[rv.ExternalID] == 0 {
					missing++
				}
			}
			if len(rs)-missing != want {
				t.Errorf("%d of %d reviews arrived, want %d", len(rs)-missing, len(rs), want)
			}
		})
	}
}

func TestExpiredTokenRefresh(t *testing.T) {
	t.Parallel()
	g := sourcestest.NewAppStore(appID, genReviews(60)...)
	srv := sourcestest.NewServer(t, g)
	srv.AcceptTokens("fresh-token-2")
	var refreshed atomic.Bool
	c, err := New(appID, sources.WithBaseURL(srv.URL), sources.WithRateLimit(rate.Inf, 0),
		sources.WithTokenFunc(func(_ context.Context, stale string) (string, error) {
			if stale != "" {
				refreshed.Store(true)
			}
			if refreshed.Load() {
				return "fresh-token-2", nil
			}
			return "stale-token-1", nil
		}))
	if err != nil {
		t.Fatal(err)
	}
	got, _, end := walk(t, c, sources.Query{})
	if end != nil || len(got) != 60 || !refreshed.Load() {
		t.Fatalf("%d reviews, end %v, refreshed %v", len(got), end, refreshed.Load())
	}
	// Without a way to refresh, an expired token ends the walk.
	_, _, end = walk(t, newClient(t, srv.URL), sources.Query{})
	if !errors.Is(end, sources.ErrUnauthorized) {
		t.Errorf("end = %v, want ErrUnauthorized", end)
	}
	noSecret(t, end)
}

func TestEndlessPagesGuard(t *testing.T) {
	t.Parallel()
	// A server that answers every page with the same review and a fresh
	// token, and one that repeats its token.
	for _, same := range []bool{false, true} {
		var n atomic.Int32
		srv := sourcestest.NewServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			k := n.Add(1)
			tok := "again"
			if !same {
				tok = fmt.Sprintf("tok%d", k)
			}
			fmt.Fprintf(w, `{"data":[{"type":"customerReviews","id":"only","attributes":{"rating":1,"createdDate":"2026-03-05T08:30:00-08:00"}}],"links":{"next":"https://api.appstoreconnect.apple.com/v1/apps/1/customerReviews?cursor=%s"}}`, tok)
		}))
		got, _, end := walk(t, newClient(t, srv.URL), sources.Query{})
		if !errors.Is(end, sources.ErrPaginationLoop) {
			t.Errorf("same=%v: end = %v, want ErrPaginationLoop", same, end)
		}
		if len(got) != 1 {
			t.Errorf("same=%v: %d reviews, want 1", same, len(got))
		}
		if n.Load() > 10 {
			t.Errorf("same=%v: %d requests before giving up", same, n.Load())
		}
	}
}

func TestReplyRoundTrip(t *testing.T) {
	t.Parallel()
	rs := genReviews(3)
	a := sourcestest.NewAppStore(appID, rs...)
	srv, log := recording(t, a)
	c := newClient(t, srv.URL)
	ctx := t.Context()

	const text = "We are sorry about the delay. Please write to us via the in-app chat with your order number so we can complete the refund."
	if err := c.Reply(ctx, rs[1].ExternalID, text); err != nil {
		t.Fatal(err)
	}
	// The request is the documented create request, byte for byte in meaning.
	var gotReq, wantReq any
	if err := json.Unmarshal(log()[0].Body, &gotReq); err != nil {
		t.Fatal(err)
	}
	fixture := strings.Replace(string(readFixture(t, "appstore-review-response-create-request.json")), "00000028-b08c-0014-0000-000000000001", rs[1].ExternalID, 1)
	if err := json.Unmarshal([]byte(fixture), &wantReq); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(wantReq, gotReq); diff != "" {
		t.Errorf("create request (-want +got):\n%s", diff)
	}
	if r := log()[0]; r.Method != http.MethodPost || r.Path != "/v1/customerReviewResponses" {
		t.Errorf("request = %s %s", r.Method, r.Path)
	}
	rid, err := c.Respond(ctx, rs[2].ID, "Second reply") // "appstore:<id>" works too
	if err != nil || rid == "" {
		t.Fatalf("Respond: %q, %v", rid, err)
	}
	got, _, end := walk(t, c, sources.Query{})
	if end != nil {
		t.Fatal(end)
	}
	if got[1].Reply == nil || got[1].Reply.Body != text {
		t.Errorf("reply after round trip = %+v, want %q", got[1].Reply, text)
	}
	if got[2].Reply == nil || got[2].Reply.Body != "Second reply" {
		t.Errorf("second reply = %+v", got[2].Reply)
	}
	if err := c.DeleteReply(ctx, rs[1].ExternalID); err != nil {
		t.Fatal(err)
	}
	if err := c.DeleteResponse(ctx, rid); err != nil {
		t.Fatal(err)
	}
	for _, rv := range a.Reviews() {
		if rv.Reply != nil {
			t.Errorf("review %s still has a response", rv.ExternalID)
		}
	}
	if err := c.DeleteReply(ctx, rs[1].ExternalID); !errors.Is(err, ErrNoResponse) || !errors.Is(err, sources.ErrNotFound) {
		t.Errorf("deleting a missing response: %v, want ErrNoResponse", err)
	}
	if err := c.Reply(ctx, "unknown", "x"); !errors.Is(err, sources.ErrNotFound) {
		t.Errorf("reply to unknown review: %v, want ErrNotFound", err)
	}
}

func TestReplyCheckedBeforeSending(t *testing.T) {
	t.Parallel()
	srv, log := recording(t, sourcestest.NewAppStore(appID, genReviews(1)...))
	c := newClient(t, srv.URL)
	err := c.Reply(t.Context(), genID(0), strings.Repeat("ė", MaxReplyChars+1))
	if !errors.Is(err, sources.ErrReplyTooLong) {
		t.Fatalf("err = %v, want ErrReplyTooLong", err)
	}
	if rt, ok := errors.AsType[*ReplyTooLongError](err); !ok || rt.Length != MaxReplyChars+1 {
		t.Errorf("err = %#v", err)
	}
	if err := c.Reply(t.Context(), genID(0), ""); err == nil {
		t.Error("empty reply accepted")
	}
	if err := c.Reply(t.Context(), "a/b", "x"); err == nil {
		t.Error("review id with a slash accepted")
	}
	if n := len(log()); n != 0 {
		t.Errorf("%d requests sent for replies that break the rules", n)
	}
}

// recorded is a request as recording saw it.
type recorded struct {
	Method, Path string
	Body         []byte
}

// recording serves h and records each request with its body.
func recording(t *testing.T, h http.Handler) (*httptest.Server, func() []recorded) {
	var mu sync.Mutex
	var log []recorded
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		mu.Lock()
		log = append(log, recorded{r.Method, r.URL.Path, body})
		mu.Unlock()
		r.Body = io.NopCloser(bytes.NewReader(body))
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv, func() []recorded {
		mu.Lock()
		defer mu.Unlock()
		return append([]recorded(nil), log...)
	}
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
		c, err := New(appID, sources.WithBaseURL("https://example.invalid"), sources.WithToken(secret),
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

// sequence answers with the given statuses in turn (then 200 with an
// empty page), recording when each request came, without a network.
type sequence struct {
	mu       sync.Mutex
	statuses []int
	at       []time.Time
}

func (s *sequence) RoundTrip(r *http.Request) (*http.Response, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.at = append(s.at, time.Now())
	status, body := http.StatusOK, `{"data":[{"type":"customerReviews","id":"x","attributes":{"rating":3,"createdDate":"2026-03-05T08:30:00-08:00"}}],"links":{}}`
	if len(s.statuses) > 0 {
		status, s.statuses = s.statuses[0], s.statuses[1:]
		body = `{"errors":[{"status":"429","code":"RATE_LIMIT_EXCEEDED"}]}`
	}
	return &http.Response{StatusCode: status, Header: http.Header{"X-Rate-Limit": {"user-hour-lim:3600;user-hour-rem:3000;"}},
		Body: io.NopCloser(strings.NewReader(body)), Request: r}, nil
}

// TestThrottledWithoutHint checks, on the fake clock, that a 429 without
// Retry-After (Apple sends none) is retried after a minute, not at once.
func TestThrottledWithoutHint(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		seq := &sequence{statuses: []int{429}}
		c, err := New(appID, sources.WithBaseURL("https://example.invalid"), sources.WithToken(secret),
			sources.WithHTTPClient(&http.Client{Transport: seq}))
		if err != nil {
			t.Fatal(err)
		}
		got, _, end := walk(t, c, sources.Query{})
		if end != nil || len(got) != 1 {
			t.Fatalf("%d reviews, end %v", len(got), end)
		}
		if len(seq.at) != 2 {
			t.Fatalf("%d requests, want 2", len(seq.at))
		}
		if d := seq.at[1].Sub(seq.at[0]); d != time.Minute {
			t.Errorf("retry after %v, want 1m", d)
		}
	})
}

// TestNoGoroutineLeak walks to the end, stops a walk early and ends one
// with an error; no goroutine may outlive the test. (Not parallel: it
// counts goroutines.)
func TestNoGoroutineLeak(t *testing.T) {
	sourcestest.CheckGoroutines(t)
	srv := sourcestest.NewServer(t, sourcestest.NewAppStore(appID, genReviews(450)...))
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
