package httpx

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/time/rate"

	"github.com/reputekit/repute/sources"
)

// step is one scripted answer of the fake transport.
type step struct {
	status int
	header map[string]string
	body   string
	err    error     // a transport error instead of a response
	bodyRd io.Reader // a custom body (e.g. one that fails mid-way)
}

// fakeRT answers requests from a script and records them. After the
// script it answers 200 {}.
type fakeRT struct {
	mu    sync.Mutex
	steps []step
	seen  []*http.Request
}

func (f *fakeRT) RoundTrip(req *http.Request) (*http.Response, error) {
	f.mu.Lock()
	f.seen = append(f.seen, req)
	st := step{status: 200, body: `{}`}
	if len(f.steps) > 0 {
		st, f.steps = f.steps[0], f.steps[1:]
	}
	f.mu.Unlock()
	if st.err != nil {
		return nil, st.err
	}
	h := http.Header{}
	for k, v := range st.header {
		h.Set(k, v)
	}
	var body io.Reader = strings.NewReader(st.body)
	if st.bodyRd != nil {
		body = st.bodyRd
	}
	return &http.Response{StatusCode: st.status, Header: h, Body: io.NopCloser(body), Request: req}, nil
}

func (f *fakeRT) count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.seen)
}

// countingLimiter counts Wait calls and never blocks.
type countingLimiter struct {
	mu sync.Mutex
	n  int
}

func (l *countingLimiter) Wait(ctx context.Context) error {
	l.mu.Lock()
	l.n++
	l.mu.Unlock()
	return ctx.Err()
}

func newClient(t *testing.T, rt http.RoundTripper, opts ...sources.Option) *Client {
	t.Helper()
	all := append([]sources.Option{
		sources.WithBaseURL("https://api.example.test/root"),
		sources.WithHTTPClient(&http.Client{Transport: rt}),
		sources.WithRateLimit(rate.Inf, 0),
		sources.WithBackoff(time.Second, 8*time.Second),
	}, opts...)
	cfg, err := sources.NewConfig(sources.Config{Platform: "testplat"}, all...)
	if err != nil {
		t.Fatal(err)
	}
	c, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestRetryAfterWaits(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		value func(now time.Time) string
		want  time.Duration
	}{
		{"seconds", func(time.Time) string { return "2" }, 2 * time.Second},
		{"http date", func(now time.Time) string { return now.Add(3 * time.Second).UTC().Format(http.TimeFormat) }, 3 * time.Second},
		{"date in the past", func(now time.Time) string { return now.Add(-time.Hour).UTC().Format(http.TimeFormat) }, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			synctest.Test(t, func(t *testing.T) {
				start := time.Now()
				rt := &fakeRT{steps: []step{{status: 429, header: map[string]string{"Retry-After": tt.value(start)}}}}
				c := newClient(t, rt)
				if _, err := c.Do(t.Context(), &Request{Path: "/x"}); err != nil {
					t.Fatal(err)
				}
				if got := time.Since(start); got != tt.want {
					t.Errorf("waited %v, want %v", got, tt.want)
				}
				if rt.count() != 2 {
					t.Errorf("%d requests, want 2", rt.count())
				}
			})
		})
	}
}

func TestRetryAfterGarbageFallsBackToBackoff(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		rt := &fakeRT{steps: []step{{status: 429, header: map[string]string{"Retry-After": "soon"}}}}
		c := newClient(t, rt)
		if _, err := c.Do(t.Context(), &Request{Path: "/x"}); err != nil {
			t.Fatal(err)
		}
		// First retry: full jitter in (0, base=1s].
		if got := time.Since(start); got <= 0 || got > time.Second {
			t.Errorf("waited %v, want within (0, 1s]", got)
		}
	})
}

func TestBackoffIsCappedAndExponential(t *testing.T) {
	t.Parallel()
	c := newClient(t, &fakeRT{})
	for n, ceil := range []time.Duration{time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second, 8 * time.Second, 8 * time.Second} {
		for range 200 {
			if d := c.backoff(n + 1); d <= 0 || d > ceil {
				t.Fatalf("backoff(%d) = %v, want within (0, %v]", n+1, d, ceil)
			}
		}
	}
}

func TestRetryAfterOverCapIsRateLimitError(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		rt := &fakeRT{steps: []step{{status: 429, header: map[string]string{"Retry-After": "600"}}}}
		c := newClient(t, rt) // default cap: 5 minutes
		_, err := c.Do(t.Context(), &Request{Path: "/x"})
		rl, ok := errors.AsType[*sources.RateLimitError](err)
		if !ok {
			t.Fatalf("err = %v, want *RateLimitError", err)
		}
		if diff := cmp.Diff(&sources.RateLimitError{Platform: "testplat", RetryAfter: 10 * time.Minute}, rl); diff != "" {
			t.Errorf("(-want +got)\n%s", diff)
		}
		if !errors.Is(err, sources.ErrRateLimited) {
			t.Error("not ErrRateLimited")
		}
		if time.Since(start) != 0 || rt.count() != 1 {
			t.Errorf("slept %v and sent %d requests; want no sleep, 1 request", time.Since(start), rt.count())
		}
	})
}

func TestStatusHandling(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		method   string
		steps    []step
		wantReqs int
		wantIs   error
		wantCode int // HTTPError status; 0 = success expected or not an HTTPError
	}{
		{"503 burst then ok", "GET", []step{{status: 503}, {status: 503}}, 3, nil, 0},
		{"500 502 504 408 then ok", "GET", []step{{status: 500}, {status: 502}, {status: 504}, {status: 408}}, 5, nil, 0},
		{"500 forever", "GET", []step{{status: 500}, {status: 500}, {status: 500}, {status: 500}, {status: 500}}, 5, nil, 500},
		{"429 forever", "GET", []step{{status: 429}, {status: 429}, {status: 429}, {status: 429}, {status: 429}}, 5, sources.ErrRateLimited, 0},
		{"POST 429 not retried", "POST", []step{{status: 429}}, 1, sources.ErrRateLimited, 0},
		{"POST 503 not retried", "POST", []step{{status: 503}}, 1, nil, 503},
		{"PUT retried", "PUT", []step{{status: 503}}, 2, nil, 0},
		{"501 not retried", "GET", []step{{status: 501}}, 1, nil, 501},
		{"400 not retried", "GET", []step{{status: 400}}, 1, nil, 400},
		{"401", "GET", []step{{status: 401}}, 1, sources.ErrUnauthorized, 401},
		{"403", "GET", []step{{status: 403}}, 1, sources.ErrUnauthorized, 403},
		{"404", "GET", []step{{status: 404}}, 1, sources.ErrNotFound, 404},
		{"transport error retried", "GET", []step{{err: errors.New("connection reset")}}, 2, nil, 0},
		{"truncated body retried", "GET", []step{{status: 200, bodyRd: io.MultiReader(strings.NewReader(`{"a":`), errReader{io.ErrUnexpectedEOF})}}, 2, nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			synctest.Test(t, func(t *testing.T) {
				rt := &fakeRT{steps: tt.steps}
				lim := &countingLimiter{}
				c := newClient(t, rt, sources.WithLimiter(lim))
				_, err := c.Do(t.Context(), &Request{Method: tt.method, Path: "/x"})
				if rt.count() != tt.wantReqs {
					t.Errorf("%d requests, want %d", rt.count(), tt.wantReqs)
				}
				if lim.n != tt.wantReqs {
					t.Errorf("limiter waited %d times, want once per attempt (%d)", lim.n, tt.wantReqs)
				}
				if tt.wantIs != nil && !errors.Is(err, tt.wantIs) {
					t.Errorf("err = %v, want %v", err, tt.wantIs)
				}
				he, isHTTP := errors.AsType[*sources.HTTPError](err)
				switch {
				case tt.wantCode != 0 && (!isHTTP || he.StatusCode != tt.wantCode):
					t.Errorf("err = %v, want HTTPError %d", err, tt.wantCode)
				case tt.wantCode == 0 && tt.wantIs == nil && err != nil:
					t.Errorf("err = %v, want success", err)
				}
			})
		})
	}
}

type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }

func TestCancelReturnsPromptly(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		rt   *fakeRT
		opts []sources.Option
	}{
		{"mid Retry-After", &fakeRT{steps: []step{{status: 200, body: "{}"}, {status: 429, header: map[string]string{"Retry-After": "120"}}}}, nil},
		{"mid backoff", &fakeRT{steps: []step{{status: 200, body: "{}"}, {status: 503}, {status: 503}, {status: 503}, {status: 503}}}, []sources.Option{sources.WithBackoff(time.Minute, time.Minute)}},
		{"mid limiter wait", &fakeRT{}, []sources.Option{sources.WithRateLimit(rate.Every(time.Hour), 1)}},
		{"mid quota reset", &fakeRT{steps: []step{{status: 200, body: "{}", header: map[string]string{"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "200"}}}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			synctest.Test(t, func(t *testing.T) {
				c := newClient(t, tt.rt, tt.opts...)
				ctx, cancel := context.WithCancel(t.Context())
				defer cancel()
				// The limiter case spends its burst on the first call.
				c.Do(ctx, &Request{Path: "/warm"})
				start := time.Now()
				time.AfterFunc(10*time.Second, cancel)
				_, err := c.Do(ctx, &Request{Path: "/x"})
				if !errors.Is(err, context.Canceled) {
					t.Errorf("err = %v, want context.Canceled", err)
				}
				if late := time.Since(start) - 10*time.Second; late < 0 || late > 100*time.Millisecond {
					t.Errorf("returned %v after the cancel, want within 100ms", late)
				}
			})
		})
	}
}

func TestQuotaHeadersHoldNextAttempt(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		rt := &fakeRT{steps: []step{{status: 200, body: "{}", header: map[string]string{
			"X-RateLimit-Limit": "300/3000/12000", "X-RateLimit-Remaining": "0/2999/11999", "X-RateLimit-Reset": "7/3000/80000"}}}}
		c := newClient(t, rt)
		if _, err := c.Do(t.Context(), &Request{Path: "/a"}); err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		if _, err := c.Do(t.Context(), &Request{Path: "/b"}); err != nil {
			t.Fatal(err)
		}
		if got := time.Since(start); got != 7*time.Second {
			t.Errorf("second call waited %v, want 7s (the exhausted window's reset)", got)
		}
	})
}

func TestTokenRefreshOn401(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		var mu sync.Mutex
		current := "token-old-1234"
		var stales []string
		tf := func(ctx context.Context, stale string) (string, error) {
			mu.Lock()
			defer mu.Unlock()
			if stale != "" {
				stales = append(stales, stale)
				current = "token-new-5678"
			}
			return current, nil
		}
		rt := &fakeRT{steps: []step{{status: 401, body: `{"error":"expired token-old-1234"}`}}}
		c := newClient(t, rt, sources.WithTokenFunc(tf))
		if _, err := c.Do(t.Context(), &Request{Path: "/x"}); err != nil {
			t.Fatal(err)
		}
		var auths []string
		for _, r := range rt.seen {
			auths = append(auths, r.Header.Get("Authorization"))
		}
		if diff := cmp.Diff([]string{"Bearer token-old-1234", "Bearer token-new-5678"}, auths); diff != "" {
			t.Errorf("Authorization headers (-want +got)\n%s", diff)
		}
		if diff := cmp.Diff([]string{"token-old-1234"}, stales); diff != "" {
			t.Errorf("refresh calls (-want +got)\n%s", diff)
		}
		// A second 401 is final.
		rt2 := &fakeRT{steps: []step{{status: 401}, {status: 401}, {status: 401}}}
		c2 := newClient(t, rt2, sources.WithTokenFunc(tf))
		_, err := c2.Do(t.Context(), &Request{Path: "/x"})
		if !errors.Is(err, sources.ErrUnauthorized) || rt2.count() != 2 {
			t.Errorf("err = %v after %d requests, want ErrUnauthorized after 2", err, rt2.count())
		}
	})
}

func TestBodyCaps(t *testing.T) {
	t.Parallel()
	big := strings.Repeat("[", 4096)
	rt := &fakeRT{steps: []step{{status: 200, body: big}}}
	c := newClient(t, rt, sources.WithMaxBodyBytes(1024))
	_, err := c.Do(t.Context(), &Request{Path: "/x"})
	if !errors.Is(err, sources.ErrBodyTooLarge) {
		t.Errorf("err = %v, want ErrBodyTooLarge", err)
	}
	huge := strings.Repeat("x", 200<<10)
	rt2 := &fakeRT{steps: []step{{status: 400, body: huge}}}
	c2 := newClient(t, rt2)
	_, err = c2.Do(t.Context(), &Request{Path: "/x"})
	he, ok := errors.AsType[*sources.HTTPError](err)
	if !ok || len(he.Body) != sources.MaxErrorBodyBytes {
		t.Errorf("error body %d bytes, want the 64 KiB cap", len(he.Body))
	}
	if len(err.Error()) > 400 {
		t.Errorf("error text is %d bytes, want a short message", len(err.Error()))
	}
}

func TestSecretsNeverLeak(t *testing.T) {
	t.Parallel()
	const key, token = "sk_live_KEY_abcdef", "tok_SECRET_987654"
	var logs bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	rt := &fakeRT{steps: []step{
		{status: 503, body: "upstream said apikey=" + key},
		{err: &url.Error{Op: "Get", URL: "https://api.example.test/x?apikey=" + key, Err: errors.New("dial failed for " + token)}},
		{status: 500, body: `{"token":"` + token + `"}`},
		{status: 500, body: key},
		{status: 400, body: "bad key " + key + " and token " + token},
	}}
	c := newClient(t, rt, sources.WithAPIKey(key), sources.WithToken(token), sources.WithLogger(logger), sources.WithBackoff(time.Nanosecond, time.Nanosecond))
	_, err := c.Do(t.Context(), &Request{Path: "/x", Query: url.Values{"apikey": {key}}})
	if err == nil {
		t.Fatal("want an error")
	}
	for _, text := range []string{err.Error(), logs.String()} {
		if strings.Contains(text, key) || strings.Contains(text, token) {
			t.Errorf("secret leaked: %s", text)
		}
	}
	if !strings.Contains(logs.String(), "sources: retry") {
		t.Errorf("no debug retry line logged:\n%s", logs.String())
	}
	u, _ := url.Parse("https://x.test/p?apikey=" + key + "&page=2&utoken=abc")
	if got := RedactURL(u); strings.Contains(got, key) || strings.Contains(got, "abc") || !strings.Contains(got, "page=2") {
		t.Errorf("RedactURL = %s", got)
	}
}

func TestURLBuilding(t *testing.T) {
	t.Parallel()
	c := newClient(t, &fakeRT{})
	tests := []struct {
		req  Request
		want string
	}{
		{Request{Path: "/v1/items", Query: url.Values{"page": {"2"}}}, "https://api.example.test/root/v1/items?page=2"},
		{Request{Link: "https://api.trustpilot.com/v1/items?page=3&perPage=10"}, "https://api.example.test/root/v1/items?page=3&perPage=10"},
		{Request{Link: "https://api.example.test/root/v1/items?cursor=abc"}, "https://api.example.test/root/v1/items?cursor=abc"},
	}
	for _, tt := range tests {
		u, err := c.URL(&tt.req)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tt.want, u.String()); diff != "" {
			t.Errorf("(-want +got)\n%s", diff)
		}
	}
}

func TestGetJSONRetriesUndecodableBodyOnce(t *testing.T) {
	t.Parallel()
	rt := &fakeRT{steps: []step{{status: 200, body: `{"reviews": [1, 2`}, {status: 200, body: `{"n": 3}`}}}
	c := newClient(t, rt)
	var v struct{ N int }
	if _, err := c.GetJSON(t.Context(), &Request{Path: "/x"}, &v); err != nil || v.N != 3 {
		t.Fatalf("got %v, %v", v, err)
	}
	rt2 := &fakeRT{steps: []step{{status: 200, body: `<html>`}, {status: 200, body: `<html>`}}}
	c2 := newClient(t, rt2)
	_, err := c2.GetJSON(t.Context(), &Request{Path: "/x", Page: "7"}, &v)
	de, ok := errors.AsType[*sources.DecodeError](err)
	if !ok || de.Item != -1 || de.Page != "7" || !strings.Contains(err.Error(), "HTML") {
		t.Errorf("err = %v, want a page DecodeError naming HTML", err)
	}
}

func TestParseRetryAfter(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		in     string
		want   time.Duration
		wantOK bool
	}{
		{"2", 2 * time.Second, true},
		{" 0 ", 0, true},
		{"-3", 0, false},
		{"soon", 0, false},
		{"", 0, false},
		{"Sun, 01 Mar 2026 12:00:05 GMT", 5 * time.Second, true},
		{"Sunday, 01-Mar-26 12:00:09 GMT", 9 * time.Second, true},
		{"Sun, 01 Mar 2026 11:00:00 GMT", 0, true},
	}
	for _, tt := range tests {
		got, ok := ParseRetryAfter(tt.in, now)
		if got != tt.want || ok != tt.wantOK {
			t.Errorf("ParseRetryAfter(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.wantOK)
		}
	}
}

func TestParseHint(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		h    map[string]string
		want Hint
	}{
		{"none", nil, Hint{}},
		{"lightspeed triple", map[string]string{"X-RateLimit-Remaining": "0/0/100", "X-RateLimit-Reset": "30/1800/50000"}, Hint{Wait: 1800 * time.Second, Known: true, Exhausted: true}},
		{"lightspeed not exhausted", map[string]string{"X-RateLimit-Remaining": "5/10/100", "X-RateLimit-Reset": "30/1800/50000"}, Hint{}},
		{"epoch reset", map[string]string{"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "1772366460"}, Hint{Wait: 60 * time.Second, Known: true, Exhausted: true}},
		{"yelp daily", map[string]string{"RateLimit-DailyLimit": "300", "RateLimit-Remaining": "0", "RateLimit-ResetTime": "2026-03-02T00:00:00+00:00"}, Hint{Wait: 12 * time.Hour, Known: true, Exhausted: true, Daily: true}},
		{"etsy daily", map[string]string{"X-Remaining-Today": "0"}, Hint{Exhausted: true, Daily: true}},
		{"appstore", map[string]string{"X-Rate-Limit": "user-hour-lim:3600;user-hour-rem:0;"}, Hint{Exhausted: true}},
		{"retry-after wins", map[string]string{"Retry-After": "4", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "100"}, Hint{Wait: 4 * time.Second, Known: true, Exhausted: true}},
	}
	for _, tt := range tests {
		h := http.Header{}
		for k, v := range tt.h {
			h.Set(k, v)
		}
		if diff := cmp.Diff(tt.want, ParseHint(h, now)); diff != "" {
			t.Errorf("%s: (-want +got)\n%s", tt.name, diff)
		}
	}
}

func TestDailyQuotaIsNotRetried(t *testing.T) {
	t.Parallel()
	rt := &fakeRT{steps: []step{{status: 429, header: map[string]string{"X-Remaining-Today": "0"}}}}
	c := newClient(t, rt)
	_, err := c.Do(t.Context(), &Request{Path: "/x"})
	if !errors.Is(err, sources.ErrQuotaExhausted) || rt.count() != 1 {
		t.Errorf("err = %v after %d requests, want ErrQuotaExhausted after 1", err, rt.count())
	}
}
