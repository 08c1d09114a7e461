package sources

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/time/rate"
)

func TestOptionsValidate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		opt  Option
	}{
		{"base url not a url", WithBaseURL("://x")},
		{"base url ftp", WithBaseURL("ftp://x.test")},
		{"base url no host", WithBaseURL("https:///v1")},
		{"base url with query", WithBaseURL("https://x.test/?apikey=1")},
		{"nil http client", WithHTTPClient(nil)},
		{"zero rate", WithRateLimit(0, 1)},
		{"negative rate", WithRateLimit(-1, 1)},
		{"zero burst", WithRateLimit(5, 0)},
		{"nil limiter", WithLimiter(nil)},
		{"empty key", WithAPIKey("")},
		{"key with newline", WithAPIKey("abc\r\nX-Evil: 1")},
		{"empty token", WithToken("")},
		{"empty secret", WithAPISecret("")},
		{"nil token func", WithTokenFunc(nil)},
		{"nil logger", WithLogger(nil)},
		{"zero max retry after", WithMaxRetryAfter(0)},
		{"negative retries", WithMaxRetries(-1)},
		{"bad backoff", WithBackoff(time.Second, time.Millisecond)},
		{"zero attempt timeout", WithAttemptTimeout(0)},
		{"zero body cap", WithMaxBodyBytes(0)},
		{"zero page size", WithPageSize(0)},
		{"zero max pages", WithMaxPages(0)},
		{"empty user agent", WithUserAgent("")},
		{"nil zone", WithTimeZone(nil)},
		{"empty setting key", WithSetting("", "v")},
	}
	for _, tt := range tests {
		_, err := NewConfig(Config{Platform: "p"}, tt.opt)
		if !errors.Is(err, ErrInvalidOption) {
			t.Errorf("%s: err = %v, want ErrInvalidOption", tt.name, err)
			continue
		}
		if !strings.HasPrefix(err.Error(), "sources: ") {
			t.Errorf("%s: error %q does not start with the package name", tt.name, err)
		}
	}
}

func TestNewConfigDefaultsAndOptions(t *testing.T) {
	t.Parallel()
	c, err := NewConfig(Config{Platform: "p", BaseURL: "https://api.p.test/", Rate: 2, Burst: 3})
	if err != nil {
		t.Fatal(err)
	}
	got := []any{c.BaseURL, c.MaxRetryAfter, c.MaxRetries, c.MaxBodyBytes, c.MaxPages, c.Logger != nil, c.HTTPClient != http.DefaultClient}
	want := []any{"https://api.p.test", 5 * time.Minute, 4, int64(8 << 20), 10_000, true, true}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("defaults (-want +got)\n%s", diff)
	}
	lim, ok := c.Limiter.(*rate.Limiter)
	if !ok || lim.Limit() != 2 || lim.Burst() != 3 {
		t.Errorf("default limiter = %#v, want 2/s burst 3", c.Limiter)
	}

	shared := rate.NewLimiter(1, 1)
	hc := &http.Client{Timeout: time.Second}
	c, err = NewConfig(Config{Platform: "p", Rate: 2, Burst: 3},
		WithBaseURL("http://127.0.0.1:8080/prefix/"), WithLimiter(shared), WithHTTPClient(hc),
		WithMaxRetries(0), WithMaxRetryAfter(time.Minute), WithAPIKey("k1"), WithToken("t1"),
		WithLogger(slog.Default()), WithSetting("p.x", "y"))
	if err != nil {
		t.Fatal(err)
	}
	got = []any{c.BaseURL, c.Limiter == Limiter(shared), c.HTTPClient != hc, c.HTTPClient.Timeout, c.MaxRetries, c.MaxRetryAfter, c.Setting("p.x"), c.Secrets()}
	want = []any{"http://127.0.0.1:8080/prefix", true, true, time.Second, 0, time.Minute, "y", []string{"k1", "t1"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("options (-want +got)\n%s", diff)
	}
	if _, err := NewConfig(Config{}); err == nil {
		t.Error("a Config without a platform was accepted")
	}
}

func TestWithRateLimitInfAndShared(t *testing.T) {
	t.Parallel()
	c, err := NewConfig(Config{Platform: "p", Rate: 1, Burst: 1}, WithRateLimit(rate.Inf, 0))
	if err != nil {
		t.Fatal(err)
	}
	for range 100 {
		if err := c.Limiter.Wait(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
}

func TestErrorsMatchSentinels(t *testing.T) {
	t.Parallel()
	tests := []struct {
		err    error
		target error
		want   bool
	}{
		{&HTTPError{StatusCode: 401}, ErrUnauthorized, true},
		{&HTTPError{StatusCode: 403}, ErrUnauthorized, true},
		{&HTTPError{StatusCode: 404}, ErrNotFound, true},
		{&HTTPError{StatusCode: 500}, ErrNotFound, false},
		{&RateLimitError{}, ErrRateLimited, true},
		{&RateLimitError{}, ErrQuotaExhausted, false},
		{&RateLimitError{Quota: true}, ErrQuotaExhausted, true},
		{&DecodeError{Err: ErrBodyTooLarge}, ErrBodyTooLarge, true},
	}
	for _, tt := range tests {
		if got := errors.Is(tt.err, tt.target); got != tt.want {
			t.Errorf("errors.Is(%v, %v) = %v", tt.err, tt.target, got)
		}
	}
	msgs := []string{
		(&HTTPError{Platform: "etsy", StatusCode: 404, Method: "GET", Path: "/v3/x", Body: strings.Repeat("b", 500)}).Error(),
		(&RateLimitError{Platform: "yelp", RetryAfter: time.Minute}).Error(),
		(&DecodeError{Source: "trustpilot", ExternalID: "abc", Page: "2", Item: 1, Err: errors.New("bad stars")}).Error(),
	}
	want := []string{
		"sources: etsy: GET /v3/x: 404 Not Found: " + strings.Repeat("b", 200) + "…",
		"sources: yelp: rate limited, retry after 1m0s",
		`sources: trustpilot: decode page 2 item 1 (id "abc"): bad stars`,
	}
	if diff := cmp.Diff(want, msgs); diff != "" {
		t.Errorf("messages (-want +got)\n%s", diff)
	}
	if !IsItemError(&DecodeError{Item: 0}) || IsItemError(&DecodeError{Item: -1}) || IsItemError(ErrNotFound) {
		t.Error("IsItemError misclassifies")
	}
}
