package sourcestest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/time/rate"

	"github.com/reputekit/repute/review"
	"github.com/reputekit/repute/sources"
)

// Harness describes a platform adapter to TestAdapter: how to build it
// against a fake platform, and how to serve reviews in that platform's
// wire format. New, Serve, Reviews, Name and PageSize are required; the
// other fields turn on checks that not every platform supports.
type Harness struct {
	// Name is the platform name the adapter puts in review.Review.Source
	// and sources.DecodeError.Source.
	Name string
	// New returns the adapter with its own settings (ids, credentials)
	// followed by opts, which must win: the harness passes the base URL,
	// an in-process HTTP client, no rate limit, a tiny backoff and each
	// case's options.
	New func(opts ...sources.Option) (sources.Source, error)
	// Serve returns a platform handler holding rs in list order, such as
	// NewAppStore(id, rs...). When it also has Prepend(review.Review) the
	// harness adds reviews at the top mid-walk; when it has Remove(id
	// string), it deletes reviews mid-walk.
	Serve func(rs []review.Review) http.Handler
	// Reviews invents n reviews in list order (newest first, distinct
	// external ids) that a walk over Serve(Reviews(n)) yields unchanged.
	// Reviews(n+3) must hold three ids that Reviews(n) does not: they are
	// the reviews added mid-walk.
	Reviews func(n int) []review.Review
	// PageSize is the number of reviews on a full page at the adapter's
	// default page size.
	PageSize int
	// Total is the number of reviews served (default two and a half
	// pages). The fault cases break the second page: reviews after it are
	// lost when a fault ends the walk.
	Total int
	// Requests is how many requests a fault-free walk over Total reviews
	// makes (0: not checked).
	Requests int
	// SecondPage matches the request for the second page of a walk, the one
	// the fault cases break. Nil for a platform that serves one page: the
	// faults then break the first.
	SecondPage func(*http.Request) bool
	// Spoil names a field of a review's JSON object (looked up in the
	// object that holds the review's id and in the objects nested in it)
	// that, given a value of the wrong type, makes just that review
	// undecodable: "rating", say. The review broken is the one in the
	// middle of the second page, away from any overlap with the pages
	// around it. Empty skips the malformed-review case.
	Spoil string
	// Secrets are credentials that must not appear in any error text.
	Secrets []string
	// ErrorBodies are the platform's error bodies by status (429, 401,
	// 503); the Server's generic JSON error stands in for a status missing.
	ErrorBodies map[int]string
	// Bearer reports that the adapter sends bearer tokens: the harness
	// checks that a refused token is refreshed through
	// sources.WithTokenFunc, and that without one the walk ends with
	// sources.ErrUnauthorized.
	Bearer bool
	// NoHintWait is how long the adapter waits after a 429 without
	// Retry-After (0: not checked).
	NoHintWait time.Duration
	// Faults are the platform's own cases, run with the common ones.
	Faults []FaultCase
}

// FaultCase is one scripted misbehaviour of the platform during a walk
// over Harness.Total reviews, and what the walk must make of it. Every case
// runs in a testing/synctest bubble, so waits pass in fake time.
type FaultCase struct {
	Name string
	// Options are added to the client's options.
	Options []sources.Option
	// Script sets up the fault on s before the walk; p is the handler s
	// serves (from Harness.Serve) and rs the reviews it holds.
	Script func(s *Server, p http.Handler, rs []review.Review)
	// Bad are the external ids the walk must report as per-item
	// sources.DecodeErrors, in order.
	Bad []string
	// End is the error that must end the walk (errors.Is); nil for none.
	End error
	// EndStatus, when set, is the status of the sources.HTTPError that
	// must end the walk.
	EndStatus int
	// Lost is how many of rs may not arrive because the walk ended early.
	// Every other review of rs must arrive exactly once, and no review
	// twice.
	Lost int
	// Extra are external ids not among rs (reviews the script adds) that
	// must arrive, once each.
	Extra []string
	// Wait, when set, is exactly how long the walk must take on the fake
	// clock.
	Wait time.Duration
	// Check, when set, checks anything else about the walk's outcome.
	Check func(t *testing.T, got []review.Review, items []*sources.DecodeError, end error)
}

// TestAdapter runs the checks every platform adapter must pass against
// the platform handler h describes, as subtests: a walk to the end
// (nothing lost, nothing doubled, the expected number of requests), Max
// and Since, a matrix of faults on the second page (429 with Retry-After
// in seconds and as a date, 503 bursts, a slow response, a truncated or
// cut body, HTML instead of JSON, a malformed review, reviews added or
// deleted mid-walk, an expired credential, throttling beyond the cap or
// the retries, and h.Faults), cancellation while waiting out a
// Retry-After, token refresh and the wait after a 429 without a hint when
// h asks for them, and no goroutine left behind. No error text may carry
// one of h.Secrets.
//
// Everything but the walk to the end and the leak check runs inside a
// testing/synctest bubble on a NewLocal server, so waits take no real time
// and are checked exactly. TestAdapter counts goroutines: call it from a
// test that is not parallel. The platform-specific tests (wire format,
// fixtures, replies, quirks) stay with the adapter.
func TestAdapter(t *testing.T, h Harness) {
	t.Helper()
	if h.Name == "" || h.New == nil || h.Serve == nil || h.Reviews == nil || h.PageSize < 1 {
		t.Fatal("sourcestest: Harness needs Name, New, Serve, Reviews and PageSize")
	}
	if h.Total == 0 {
		h.Total = h.PageSize * 5 / 2
	}
	t.Run("NoGoroutineLeak", h.testLeak)
	t.Run("WalkToTheEnd", h.testWalk)
	t.Run("Query", h.testQuery)
	t.Run("CancelMidWait", h.testCancel)
	if h.Bearer {
		t.Run("ExpiredTokenRefresh", h.testRefresh)
	}
	if h.NoHintWait > 0 {
		t.Run("ThrottledWithoutHint", h.testNoHint)
	}
	for _, fc := range append(h.faults(), h.Faults...) {
		t.Run("Fault/"+fc.Name, func(t *testing.T) {
			t.Parallel()
			h.testFault(t, fc)
		})
	}
}

// Options returns the options the harness gives every client, then extra:
// base as the base URL, no pacing and a backoff of milliseconds, so that
// tests against a Server run at once.
func Options(base string, extra ...sources.Option) []sources.Option {
	return append([]sources.Option{
		sources.WithBaseURL(base),
		sources.WithRateLimit(rate.Inf, 0),
		sources.WithBackoff(time.Millisecond, 5*time.Millisecond),
	}, extra...)
}

func (h *Harness) client(t *testing.T, opts ...sources.Option) sources.Source {
	t.Helper()
	src, err := h.New(opts...)
	if err != nil {
		t.Fatal(err)
	}
	return src
}

// local serves h's reviews on a NewLocal server (inside a bubble) and
// returns the options that reach it.
func (h *Harness) local(rs []review.Review) (*Server, http.Handler, []sources.Option) {
	p := h.Serve(rs)
	srv := NewLocal(p)
	return srv, p, Options(srv.URL, sources.WithHTTPClient(&http.Client{Transport: srv.Transport()}))
}

func (h *Harness) errorBody(status int) string { return h.ErrorBodies[status] }

// target matches the request the faults break.
func (h *Harness) target() func(*http.Request) bool { return h.SecondPage }

// lost is how many reviews an ending fault keeps from arriving.
func (h *Harness) lost() int {
	if h.SecondPage == nil {
		return h.Total
	}
	return h.Total - h.PageSize
}

func (h *Harness) noSecret(t *testing.T, err error) {
	t.Helper()
	if err == nil {
		return
	}
	for _, s := range h.Secrets {
		if s != "" && strings.Contains(err.Error(), s) {
			t.Errorf("error text carries a secret: %v", err)
		}
	}
}

func (h *Harness) testLeak(t *testing.T) {
	CheckGoroutines(t)
	srv := NewServer(t, h.Serve(h.Reviews(h.Total)))
	c := h.client(t, Options(srv.URL)...)
	if _, _, end := Collect(t, t.Context(), c, sources.Query{}); end != nil {
		t.Fatal(end)
	}
	for _, err := range c.Reviews(t.Context(), sources.Query{}) {
		if err != nil {
			t.Fatal(err)
		}
		break
	}
	srv.Script(Fault{Status: http.StatusUnauthorized, Body: h.errorBody(http.StatusUnauthorized)})
	if _, _, end := Collect(t, t.Context(), c, sources.Query{}); end == nil {
		t.Error("walk did not end with the scripted error")
	}
}

// testWalk walks to the end over a listening server.
func (h *Harness) testWalk(t *testing.T) {
	t.Parallel()
	rs := h.Reviews(h.Total)
	srv := NewServer(t, h.Serve(rs))
	got, items, end := Collect(t, t.Context(), h.client(t, Options(srv.URL)...), sources.Query{})
	if end != nil || len(items) != 0 {
		t.Fatalf("walk ended with %v, item errors %v", end, items)
	}
	if diff := cmp.Diff(rs, got); diff != "" {
		t.Errorf("reviews (-want +got):\n%s", diff)
	}
	if h.Requests > 0 && srv.Count() != h.Requests {
		t.Errorf("%d requests, want %d", srv.Count(), h.Requests)
	}
}

func (h *Harness) testQuery(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		rs := h.Reviews(h.Total)
		_, _, opts := h.local(rs)
		c := h.client(t, opts...)
		max := min(7, len(rs)-1)
		got, _, end := Collect(t, t.Context(), c, sources.Query{Max: max})
		if end != nil {
			t.Fatal(end)
		}
		if diff := cmp.Diff(ExternalIDs(rs[:max]), ExternalIDs(got)); diff != "" {
			t.Errorf("Max %d (-want +got):\n%s", max, diff)
		}
		k := min(9, len(rs)-2)
		got, _, end = Collect(t, t.Context(), c, sources.Query{Since: rs[k].CreatedAt})
		if end != nil {
			t.Fatal(end)
		}
		if diff := cmp.Diff(ExternalIDs(rs[:k+1]), ExternalIDs(got)); diff != "" {
			t.Errorf("Since (-want +got):\n%s", diff)
		}
	})
}

// testCancel cancels a walk while it waits out a Retry-After on the page
// the faults break, and checks that it returns at that moment with what
// came before.
func (h *Harness) testCancel(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		rs := h.Reviews(h.Total)
		srv, _, opts := h.local(rs)
		srv.ScriptFor(h.target(), Fault{Status: http.StatusTooManyRequests, RetryAfter: "240", Body: h.errorBody(http.StatusTooManyRequests)})
		c := h.client(t, opts...)
		ctx, cancel := context.WithCancel(t.Context())
		defer cancel()
		start := time.Now()
		time.AfterFunc(30*time.Second, cancel)
		got, items, end := Collect(t, ctx, c, sources.Query{})
		if !errors.Is(end, context.Canceled) || len(items) != 0 {
			t.Errorf("walk ended with %v, item errors %v; want context.Canceled", end, items)
		}
		h.noSecret(t, end)
		want := rs[:h.Total-h.lost()]
		if diff := cmp.Diff(ExternalIDs(want), ExternalIDs(got)); diff != "" {
			t.Errorf("reviews before the cancel (-want +got):\n%s", diff)
		}
		if d := time.Since(start); d != 30*time.Second {
			t.Errorf("returned %v after start, want exactly 30s (the cancel)", d)
		}
	})
}

func (h *Harness) testRefresh(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		srv, _, opts := h.local(h.Reviews(h.Total))
		srv.AcceptTokens("fresh-token-2")
		var mu sync.Mutex
		refreshed := false
		c := h.client(t, append(opts, sources.WithTokenFunc(func(_ context.Context, stale string) (string, error) {
			mu.Lock()
			defer mu.Unlock()
			if stale != "" {
				refreshed = true
			}
			if refreshed {
				return "fresh-token-2", nil
			}
			return "stale-token-1", nil
		}))...)
		got, _, end := Collect(t, t.Context(), c, sources.Query{})
		if end != nil || len(got) != h.Total || !refreshed {
			t.Fatalf("%d reviews, end %v, refreshed %v", len(got), end, refreshed)
		}
		// Without a way to refresh, a refused token ends the walk.
		_, _, end = Collect(t, t.Context(), h.client(t, opts...), sources.Query{})
		if !errors.Is(end, sources.ErrUnauthorized) {
			t.Errorf("end = %v, want ErrUnauthorized", end)
		}
		h.noSecret(t, end)
	})
}

// timed records when each request passes.
type timed struct {
	next http.RoundTripper
	mu   sync.Mutex
	at   []time.Time
}

func (tr *timed) RoundTrip(r *http.Request) (*http.Response, error) {
	tr.mu.Lock()
	tr.at = append(tr.at, time.Now())
	tr.mu.Unlock()
	return tr.next.RoundTrip(r)
}

func (h *Harness) testNoHint(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		rs := h.Reviews(1)
		srv := NewLocal(h.Serve(rs))
		srv.Script(Fault{Status: http.StatusTooManyRequests, Body: h.errorBody(http.StatusTooManyRequests)})
		tr := &timed{next: srv.Transport()}
		c := h.client(t, Options(srv.URL, sources.WithHTTPClient(&http.Client{Transport: tr}))...)
		got, _, end := Collect(t, t.Context(), c, sources.Query{})
		if end != nil || len(got) != 1 {
			t.Fatalf("%d reviews, end %v", len(got), end)
		}
		if len(tr.at) != 2 || tr.at[1].Sub(tr.at[0]) != h.NoHintWait {
			t.Errorf("requests at %v, want two %v apart", tr.at, h.NoHintWait)
		}
	})
}

// faults returns the common fault cases.
func (h *Harness) faults() []FaultCase {
	page := h.target()
	on := func(faults ...Fault) func(*Server, http.Handler, []review.Review) {
		return func(s *Server, _ http.Handler, _ []review.Review) { s.ScriptFor(page, faults...) }
	}
	lost := h.lost()
	tooMany, unavailable := http.StatusTooManyRequests, http.StatusServiceUnavailable
	fs := []FaultCase{
		{Name: "429 retry-after seconds", Script: on(Fault{Status: tooMany, RetryAfter: "1", Body: h.errorBody(tooMany)}), Wait: time.Second},
		{Name: "429 retry-after date", Script: func(s *Server, _ http.Handler, _ []review.Review) {
			s.ScriptFor(page, Fault{Status: tooMany, RetryAfter: RetryAfterDate(time.Now().Add(2 * time.Second)), Body: h.errorBody(tooMany)})
		}, Wait: 2 * time.Second},
		{Name: "503 burst", Script: on(Times(3, Fault{Status: unavailable, Body: h.errorBody(unavailable)})...)},
		// The attempt times out; the retry is answered at once.
		{Name: "slow response", Options: []sources.Option{sources.WithAttemptTimeout(500 * time.Millisecond)}, Script: on(Fault{Delay: time.Minute})},
		{Name: "truncated body", Script: on(Fault{Truncate: true})},
		{Name: "cut json", Script: on(Fault{Cut: true})},
		{Name: "html instead of json", Script: on(Fault{Mutate: func([]byte) []byte { return []byte("<html>oops</html>") }})},
		{Name: "expired credentials", Script: on(Fault{Status: http.StatusUnauthorized, Body: h.errorBody(http.StatusUnauthorized)}),
			End: sources.ErrUnauthorized, Lost: lost},
		{Name: "throttled beyond the cap", Script: on(Fault{Status: tooMany, RetryAfter: "3600", Body: h.errorBody(tooMany)}),
			End: sources.ErrRateLimited, Lost: lost},
		{Name: "throttled until retries run out", Options: []sources.Option{sources.WithMaxRetries(2)},
			Script: on(Times(3, Fault{Status: tooMany, RetryAfter: "0", Body: h.errorBody(tooMany)})...),
			End:    sources.ErrRateLimited, Lost: lost},
		{Name: "503 burst longer than the retries", Options: []sources.Option{sources.WithMaxRetries(1)},
			Script:    on(Times(2, Fault{Status: unavailable, Body: h.errorBody(unavailable)})...),
			EndStatus: unavailable, Lost: lost},
	}
	// A review of the broken page outside its overlaps with the pages
	// around it.
	bad := h.PageSize + h.PageSize/2
	if h.SecondPage == nil {
		bad = h.PageSize / 2
	}
	if h.Spoil != "" && bad < h.Total {
		fs = append(fs, FaultCase{Name: "malformed review", Script: func(s *Server, _ http.Handler, rs []review.Review) {
			s.ScriptFor(page, Fault{Mutate: func(b []byte) []byte { return SpoilReview(b, rs[bad].ExternalID, h.Spoil) }})
		}, Bad: []string{h.Reviews(h.Total)[bad].ExternalID}})
	}
	if _, ok := h.Serve(nil).(interface{ Prepend(review.Review) }); ok {
		fs = append(fs, FaultCase{Name: "reviews inserted at the top mid-walk", Script: func(s *Server, p http.Handler, rs []review.Review) {
			// Three reviews of a longer list that rs does not hold.
			held := map[string]bool{}
			for _, rv := range rs {
				held[rv.ExternalID] = true
			}
			var extra []review.Review
			for _, rv := range h.Reviews(h.Total + 3) {
				if !held[rv.ExternalID] {
					extra = append(extra, rv)
				}
			}
			if len(extra) != 3 {
				panic("sourcestest: Harness.Reviews(n+3) must hold three ids that Reviews(n) does not")
			}
			s.ScriptFor(page, Fault{Before: func() {
				for k, rv := range extra {
					rv.CreatedAt = rs[0].CreatedAt.Add(time.Duration(k+1) * time.Hour)
					p.(interface{ Prepend(review.Review) }).Prepend(rv)
				}
			}})
		}})
	}
	if _, ok := h.Serve(nil).(interface{ Remove(string) }); ok && h.SecondPage != nil {
		// Three reviews of the first page go before the second is read:
		// it shifts up by three, which its overlap must re-read.
		fs = append(fs, FaultCase{Name: "reviews deleted mid-walk", Script: func(s *Server, p http.Handler, rs []review.Review) {
			s.ScriptFor(page, Fault{Before: func() {
				for _, i := range []int{3, h.PageSize * 2 / 5, h.PageSize * 4 / 5} {
					p.(interface{ Remove(string) }).Remove(rs[i].ExternalID)
				}
			}})
		}})
	}
	return fs
}

func (h *Harness) testFault(t *testing.T, fc FaultCase) {
	synctest.Test(t, func(t *testing.T) {
		rs := h.Reviews(h.Total)
		srv, p, opts := h.local(rs)
		if fc.Script != nil {
			fc.Script(srv, p, rs)
		}
		c := h.client(t, append(opts, fc.Options...)...)
		start := time.Now()
		got, items, end := Collect(t, t.Context(), c, sources.Query{})
		took := time.Since(start)
		h.noSecret(t, end)
		switch {
		case fc.End == nil && fc.EndStatus == 0 && end != nil:
			t.Fatalf("walk ended with %v", end)
		case (fc.End != nil || fc.EndStatus != 0) && end == nil:
			t.Fatal("walk ended cleanly, want an error")
		case fc.End != nil && !errors.Is(end, fc.End):
			t.Fatalf("walk ended with %v, want %v", end, fc.End)
		}
		if fc.EndStatus != 0 {
			if he, ok := errors.AsType[*sources.HTTPError](end); !ok || he.StatusCode != fc.EndStatus {
				t.Fatalf("walk ended with %v, want an HTTPError %d", end, fc.EndStatus)
			}
		}
		var bad []string
		for _, de := range items {
			h.noSecret(t, de)
			if de.Source != h.Name || de.Page == "" {
				t.Errorf("DecodeError without source or page: %+v", de)
			}
			bad = append(bad, de.ExternalID)
		}
		if diff := cmp.Diff(fc.Bad, bad); diff != "" {
			t.Errorf("bad items (-want +got):\n%s", diff)
		}
		// Every review arrives exactly once, except the bad ones and those
		// after an ending error.
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
		if want := len(rs) - len(fc.Bad) - fc.Lost; arrived != want {
			t.Errorf("%d of %d reviews arrived, want %d", arrived, len(rs), want)
		}
		for _, id := range fc.Extra {
			if seen[id] != 1 {
				t.Errorf("added review %s arrived %d times, want once", id, seen[id])
			}
		}
		if fc.Wait > 0 && took != fc.Wait {
			t.Errorf("walk took %v, want exactly %v", took, fc.Wait)
		}
		if fc.Check != nil {
			fc.Check(t, got, items, end)
		}
	})
}

// Collect runs a walk: the reviews, the per-item errors and the error
// that ended it. It fails the test when a second error ends the walk or a
// review follows the ending error.
func Collect(t testing.TB, ctx context.Context, src sources.Source, q sources.Query) (got []review.Review, items []*sources.DecodeError, end error) {
	t.Helper()
	for rv, err := range src.Reviews(ctx, q) {
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

// ExternalIDs returns the external ids of rs, in order.
func ExternalIDs(rs []review.Review) []string {
	out := make([]string, len(rs))
	for i, rv := range rs {
		out[i] = rv.ExternalID
	}
	return out
}

// SpoilReview returns a page body in which the review with external id id
// no longer decodes: in the JSON object holding id as a value (a string
// or a number, under any key), or in an object nested in it, field gets a
// value of another type (a string for a number or bool, a number for a
// string). The document stays valid JSON and every other review intact.
// body comes back unchanged when it is not JSON or nothing matches.
func SpoilReview(body []byte, id, field string) []byte {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var doc any
	if dec.Decode(&doc) != nil || !spoil(doc, id, field) {
		return body
	}
	out, err := json.Marshal(doc)
	if err != nil {
		return body
	}
	return out
}

// spoil finds the object holding id and spoils field in it.
func spoil(v any, id, field string) bool {
	switch v := v.(type) {
	case map[string]any:
		for _, x := range v {
			if s, ok := scalar(x); ok && s == id && spoilField(v, field) {
				return true
			}
		}
		for _, x := range v {
			if spoil(x, id, field) {
				return true
			}
		}
	case []any:
		for _, x := range v {
			if spoil(x, id, field) {
				return true
			}
		}
	}
	return false
}

func scalar(v any) (string, bool) {
	switch v := v.(type) {
	case string:
		return v, true
	case json.Number:
		return v.String(), true
	}
	return "", false
}

// spoilField gives field, in v or an object nested in it, a value of
// another type.
func spoilField(v any, field string) bool {
	switch v := v.(type) {
	case map[string]any:
		if x, ok := v[field]; ok {
			if _, isString := x.(string); isString {
				v[field] = 7
			} else {
				v[field] = "spoiled"
			}
			return true
		}
		for _, x := range v {
			if spoilField(x, field) {
				return true
			}
		}
	case []any:
		for _, x := range v {
			if spoilField(x, field) {
				return true
			}
		}
	}
	return false
}
