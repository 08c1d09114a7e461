package httpx

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/singleflight"

	"github.com/reputekit/repute/sources"
)

// Client sends an adapter's requests: it waits on the limiter before every
// attempt, retries idempotent calls, honours Retry-After and reset headers
// up to Config.MaxRetryAfter, caps bodies and keeps secrets out of errors
// and logs. Set the exported hooks right after New; after that a Client
// is safe for concurrent use.
type Client struct {
	cfg  sources.Config
	base *url.URL
	red  redactor

	// Authorize adds credentials to each attempt. token is the bearer
	// token (Config.Token, or from Config.TokenFunc), "" when there is
	// none. When nil, a non-empty token is sent as "Authorization: Bearer".
	Authorize func(req *http.Request, token string)
	// RateLimited, when set, classifies a non-429 response as a rate limit
	// (e.g. a 403 whose body carries the platform's throttling code).
	RateLimited func(status int, h http.Header, body []byte) bool
	// MinRateLimitWait is the wait after a throttling response that gives
	// no hint, for platforms that document none (0 = exponential backoff).
	MinRateLimitWait time.Duration

	sf        singleflight.Group
	mu        sync.Mutex
	notBefore time.Time // a quota window is empty until then
}

// New returns a Client for cfg (normally from sources.NewConfig).
func New(cfg sources.Config) (*Client, error) {
	base, err := url.Parse(cfg.BaseURL)
	if err != nil || base.Host == "" {
		return nil, fmt.Errorf("sources: %s: bad base URL", cfg.Platform)
	}
	if cfg.HTTPClient == nil || cfg.Limiter == nil || cfg.Logger == nil {
		cfg2, err := sources.NewConfig(cfg)
		if err != nil {
			return nil, err
		}
		cfg = cfg2
	}
	c := &Client{cfg: cfg, base: base}
	for _, s := range cfg.Secrets() {
		c.red.add(s)
	}
	return c, nil
}

// Config returns the configuration the client was built from.
func (c *Client) Config() *sources.Config { return &c.cfg }

// Redact returns s with every secret the client knows replaced by
// REDACTED. Adapters run their own error texts through it.
func (c *Client) Redact(s string) string { return c.red.String(s) }

// Request is one call.
type Request struct {
	// Method defaults to GET.
	Method string
	// Path is appended to Config.BaseURL; segments taken from user input
	// must be escaped with url.PathEscape.
	Path string
	// Link, when set instead of Path, is a URL the platform returned (a
	// next-page link). On the base URL's host it is used as is; on another
	// host only its path and query are kept and re-rooted on BaseURL, so
	// credentials never travel to a host the caller did not configure.
	Link string
	// Query is added to the URL (merged with Link's own query).
	Query url.Values
	// Header is sent as is (after Authorize runs).
	Header http.Header
	// Body is sent as application/json unless Header sets Content-Type.
	Body []byte
	// Idempotent allows retrying a POST. GET, HEAD, PUT, DELETE and
	// OPTIONS are always retried.
	Idempotent bool
	// Page labels the page in a *sources.DecodeError ("2", a cursor).
	Page string
}

func (r *Request) method() string {
	if r.Method == "" {
		return http.MethodGet
	}
	return r.Method
}

func (r *Request) idempotent() bool {
	switch r.method() {
	case http.MethodGet, http.MethodHead, http.MethodPut, http.MethodDelete, http.MethodOptions:
		return true
	}
	return r.Idempotent
}

// Response is a successful (2xx) response with its body read.
type Response struct {
	StatusCode int
	Header     http.Header
	Body       []byte
}

// URL builds the absolute URL of r.
func (c *Client) URL(r *Request) (*url.URL, error) {
	var u *url.URL
	if r.Link != "" {
		l, err := url.Parse(r.Link)
		if err != nil {
			return nil, fmt.Errorf("sources: %s: bad link", c.cfg.Platform)
		}
		if l.Host == c.base.Host && l.Scheme == c.base.Scheme {
			u = l
		} else {
			cp := *c.base
			cp.Path = strings.TrimRight(c.base.Path, "/") + l.Path
			cp.RawPath = ""
			cp.RawQuery = l.RawQuery
			u = &cp
		}
	} else {
		var err error
		u, err = url.Parse(strings.TrimRight(c.cfg.BaseURL, "/") + r.Path)
		if err != nil {
			return nil, fmt.Errorf("sources: %s: bad path", c.cfg.Platform)
		}
	}
	if len(r.Query) > 0 {
		q := u.Query()
		for k, vs := range r.Query {
			q[k] = vs
		}
		u.RawQuery = q.Encode()
	}
	return u, nil
}

// Do sends r and returns its 2xx response. Failures:
//   - ctx done (also during a limiter wait or a backoff): ctx.Err();
//   - 401/403, 404 and other statuses: *sources.HTTPError (matching
//     ErrUnauthorized / ErrNotFound);
//   - 429 (or a response RateLimited accepts), and 503 with a Retry-After
//     over the cap: *sources.RateLimitError when the wait asked for
//     exceeds Config.MaxRetryAfter, the call is not idempotent, or the
//     retries ran out;
//   - a body over Config.MaxBodyBytes: an error matching ErrBodyTooLarge.
//
// 408, 429, 500, 502, 503, 504, transport errors, attempt timeouts and
// truncated bodies are retried (idempotent calls only) up to
// Config.MaxRetries times, after the hinted wait or a full-jitter
// exponential backoff. A 401 with Config.TokenFunc set refreshes the token
// and retries once. Error bodies are read up to 64 KiB.
func (c *Client) Do(ctx context.Context, r *Request) (*Response, error) {
	u, err := c.URL(r)
	if err != nil {
		return nil, err
	}
	method := r.method()
	path := c.red.String(u.EscapedPath())
	idem := r.idempotent()
	refreshed := false
	var lastHint time.Duration
	for attempt := 1; ; attempt++ {
		if err := c.wait(ctx); err != nil {
			return nil, err
		}
		token, err := c.token(ctx, "")
		if err != nil {
			return nil, err
		}
		res := c.attempt(ctx, method, u, path, r, token)
		if res.err == nil && res.resp != nil {
			return res.resp, nil
		}
		if cerr := ctx.Err(); cerr != nil {
			return nil, cerr
		}
		if res.status == http.StatusUnauthorized && c.cfg.TokenFunc != nil && !refreshed {
			refreshed = true
			if _, err := c.token(ctx, token); err != nil {
				return nil, err
			}
			c.logRetry(ctx, method, path, attempt, 0, res)
			attempt-- // a refresh is not a retry
			continue
		}
		if res.hint.Known {
			lastHint = res.hint.Wait
		}
		if !res.retry || !idem || attempt > c.cfg.MaxRetries {
			if res.limited {
				return nil, &sources.RateLimitError{Platform: c.cfg.Platform, RetryAfter: lastHint, Quota: res.hint.Daily}
			}
			return nil, res.err
		}
		wait := c.backoff(attempt)
		if res.hint.Known {
			wait = res.hint.Wait
		} else if res.limited && c.MinRateLimitWait > wait {
			wait = c.MinRateLimitWait
		}
		if wait > c.cfg.MaxRetryAfter {
			return nil, &sources.RateLimitError{Platform: c.cfg.Platform, RetryAfter: wait, Quota: res.hint.Daily}
		}
		c.logRetry(ctx, method, path, attempt, wait, res)
		sources.Observe(ctx, sources.Event{Kind: sources.EventRetry, Source: c.cfg.Platform, Attempt: attempt, Wait: wait, Status: res.status})
		if err := sleep(ctx, wait); err != nil {
			return nil, err
		}
	}
}

// result is the outcome of one attempt.
type result struct {
	resp    *Response
	err     error
	status  int
	retry   bool // worth another attempt
	limited bool // throttled: exhausting retries gives *RateLimitError
	hint    Hint
}

func (c *Client) attempt(ctx context.Context, method string, u *url.URL, path string, r *Request, token string) (res result) {
	actx, cancel := ctx, context.CancelFunc(func() {})
	if c.cfg.AttemptTimeout > 0 {
		actx, cancel = context.WithTimeout(ctx, c.cfg.AttemptTimeout)
	}
	defer cancel()
	var body io.Reader
	if r.Body != nil {
		body = bytes.NewReader(r.Body)
	}
	req, err := http.NewRequestWithContext(actx, method, u.String(), body)
	if err != nil {
		return result{err: fmt.Errorf("sources: %s: %s %s: %s", c.cfg.Platform, method, path, c.red.String(err.Error()))}
	}
	for k, vs := range r.Header {
		req.Header[k] = append([]string(nil), vs...)
	}
	if r.Body != nil && req.Header.Get("Content-Type") == "" {
		req.Header.Set("Content-Type", "application/json")
	}
	if req.Header.Get("Accept") == "" {
		req.Header.Set("Accept", "application/json")
	}
	req.Header.Set("User-Agent", c.cfg.UserAgent)
	if c.Authorize != nil {
		c.Authorize(req, token)
	} else if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := c.cfg.HTTPClient.Do(req)
	if err != nil {
		return result{err: c.transportErr(method, path, err), retry: true}
	}
	defer resp.Body.Close()
	hint := c.noteHint(resp.Header)
	res.status, res.hint = resp.StatusCode, hint
	if resp.StatusCode >= 200 && resp.StatusCode < 300 {
		var buf bytes.Buffer
		if n := resp.ContentLength; n > 0 && n <= c.cfg.MaxBodyBytes {
			buf.Grow(int(n) + bytes.MinRead)
		}
		_, err := buf.ReadFrom(io.LimitReader(resp.Body, c.cfg.MaxBodyBytes+1))
		data := buf.Bytes()
		if err != nil {
			return result{err: c.transportErr(method, path, err), retry: true, status: resp.StatusCode}
		}
		if int64(len(data)) > c.cfg.MaxBodyBytes {
			return result{err: fmt.Errorf("%w: %s: %s %s: more than %d bytes", sources.ErrBodyTooLarge, c.cfg.Platform, method, path, c.cfg.MaxBodyBytes)}
		}
		return result{resp: &Response{StatusCode: resp.StatusCode, Header: resp.Header, Body: data}}
	}
	errBody, _ := io.ReadAll(io.LimitReader(resp.Body, sources.MaxErrorBodyBytes))
	res.err = &sources.HTTPError{Platform: c.cfg.Platform, StatusCode: resp.StatusCode, Method: method, Path: path, Body: c.red.String(string(errBody))}
	switch {
	case resp.StatusCode == http.StatusTooManyRequests ||
		(c.RateLimited != nil && c.RateLimited(resp.StatusCode, resp.Header, errBody)):
		res.limited, res.retry = true, true
		if hint.Daily && (!hint.Known || hint.Wait > c.cfg.MaxRetryAfter) {
			res.retry = false
		}
	case resp.StatusCode == http.StatusServiceUnavailable:
		res.retry = true
		res.limited = hint.Known && hint.Wait > c.cfg.MaxRetryAfter
	case resp.StatusCode == http.StatusRequestTimeout, resp.StatusCode == http.StatusInternalServerError,
		resp.StatusCode == http.StatusBadGateway, resp.StatusCode == http.StatusGatewayTimeout:
		res.retry = true
	}
	if res.limited {
		// A throttling wait over the cap is reported right away.
		if hint.Known && hint.Wait > c.cfg.MaxRetryAfter {
			res.retry = false
		}
	}
	return res
}

// noteHint parses the rate headers and, when a quota window is empty with a
// known reset, holds back every later attempt of this client until then.
func (c *Client) noteHint(h http.Header) Hint {
	now := time.Now()
	ph := ParseHint(h, now)
	if ph.Exhausted && ph.Known && ph.Wait > 0 {
		c.mu.Lock()
		if t := now.Add(ph.Wait); t.After(c.notBefore) {
			c.notBefore = t
		}
		c.mu.Unlock()
	}
	return ph
}

// wait holds an attempt until an emptied quota window resets and then
// waits on the limiter.
func (c *Client) wait(ctx context.Context) error {
	c.mu.Lock()
	nb := c.notBefore
	c.mu.Unlock()
	if d := time.Until(nb); d > 0 {
		if d > c.cfg.MaxRetryAfter {
			return &sources.RateLimitError{Platform: c.cfg.Platform, RetryAfter: d}
		}
		if err := sleep(ctx, d); err != nil {
			return err
		}
	}
	if err := c.cfg.Limiter.Wait(ctx); err != nil {
		if cerr := ctx.Err(); cerr != nil {
			return cerr
		}
		return fmt.Errorf("sources: %s: limiter: %w", c.cfg.Platform, err)
	}
	return nil
}

// token returns the bearer token; with stale != "" it asks TokenFunc for a
// fresh one, merging concurrent refreshes of the same stale token.
func (c *Client) token(ctx context.Context, stale string) (string, error) {
	if c.cfg.TokenFunc == nil {
		return c.cfg.Token, nil
	}
	get := func() (string, error) {
		tok, err := c.cfg.TokenFunc(ctx, stale)
		if err != nil {
			return "", fmt.Errorf("sources: %s: token: %s: %w", c.cfg.Platform, c.red.String(err.Error()), sources.ErrUnauthorized)
		}
		c.red.add(tok)
		return tok, nil
	}
	if stale == "" {
		return get()
	}
	v, err, _ := c.sf.Do(stale, func() (any, error) { return get() })
	if err != nil {
		return "", err
	}
	return v.(string), nil
}

// transportErr describes a failed round trip without the URL's query
// string or any secret; it unwraps to the cause (context errors included).
func (c *Client) transportErr(method, path string, err error) error {
	inner := err
	if ue, ok := errors.AsType[*url.Error](err); ok {
		inner = ue.Err
	}
	return &Error{msg: fmt.Sprintf("sources: %s: %s %s: %s", c.cfg.Platform, method, path, c.red.String(inner.Error())), err: inner}
}

// Error is a transport failure with a redacted message.
type Error struct {
	msg string
	err error
}

// Error returns the redacted message.
func (e *Error) Error() string { return e.msg }

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.err }

// backoff returns a full-jitter wait for retry n (from 1).
func (c *Client) backoff(n int) time.Duration {
	ceil := c.cfg.RetryBase
	for i := 1; i < n && ceil < c.cfg.RetryMaxBackoff; i++ {
		ceil *= 2
	}
	ceil = min(ceil, c.cfg.RetryMaxBackoff)
	if ceil <= 0 {
		return 0
	}
	return rand.N(ceil) + 1
}

func (c *Client) logRetry(ctx context.Context, method, path string, attempt int, wait time.Duration, res result) {
	if !c.cfg.Logger.Enabled(ctx, slog.LevelDebug) {
		return
	}
	msg := ""
	if res.err != nil {
		msg = c.red.String(res.err.Error())
	}
	c.cfg.Logger.LogAttrs(ctx, slog.LevelDebug, "sources: retry",
		slog.String("platform", c.cfg.Platform), slog.String("method", method), slog.String("path", path),
		slog.Int("attempt", attempt), slog.Int("status", res.status), slog.Duration("wait", wait), slog.String("error", msg))
}

// sleep waits d or until ctx is done.
func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// GetJSON sends r (normally a GET) and decodes the body into v. A body
// that does not parse (cut short, HTML instead of JSON) is fetched once
// more for idempotent calls; if it still does not parse the result is a
// *sources.DecodeError with Item -1 naming r.Page.
func (c *Client) GetJSON(ctx context.Context, r *Request, v any) (*Response, error) {
	for try := 0; ; try++ {
		resp, err := c.Do(ctx, r)
		if err != nil {
			return nil, err
		}
		err = Decode(resp.Body, v)
		if err == nil {
			return resp, nil
		}
		if try == 0 && r.idempotent() {
			c.logRetry(ctx, r.method(), "(undecodable body)", 1, 0, result{err: err, status: resp.StatusCode})
			sources.Observe(ctx, sources.Event{Kind: sources.EventRetry, Source: c.cfg.Platform, Attempt: 1, Status: resp.StatusCode})
			continue
		}
		return nil, &sources.DecodeError{Source: c.cfg.Platform, Page: r.Page, Item: -1, Err: err}
	}
}

// Decode unmarshals a JSON body into v, naming an HTML page or an empty
// body instead of reporting a bare syntax error.
func Decode(body []byte, v any) error {
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) == 0 {
		return errors.New("empty body")
	}
	if trimmed[0] == '<' {
		return errors.New("got HTML instead of JSON")
	}
	return json.Unmarshal(body, v)
}
