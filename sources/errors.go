package sources

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// Sentinel errors. The typed errors below match them through errors.Is.
var (
	// ErrUnauthorized: the platform refused the credentials (401 or 403).
	ErrUnauthorized = errors.New("sources: unauthorized")
	// ErrNotFound: the business, location, app or review is unknown (404).
	ErrNotFound = errors.New("sources: not found")
	// ErrRateLimited: the platform throttled the caller and the wait it
	// asked for is longer than allowed, or the retries ran out.
	ErrRateLimited = errors.New("sources: rate limited")
	// ErrQuotaExhausted: a daily or plan quota is used up; waiting a few
	// seconds will not help. Matched by a *RateLimitError with Quota set.
	ErrQuotaExhausted = errors.New("sources: quota exhausted")
	// ErrBodyTooLarge: a response body was larger than Config.MaxBodyBytes.
	ErrBodyTooLarge = errors.New("sources: response body too large")
	// ErrPaginationLoop: a walk saw a cursor twice, too many pages, or
	// pages that bring nothing new; it ends rather than spin.
	ErrPaginationLoop = errors.New("sources: pagination loop")
	// ErrInvalidOption is matched by every error an Option returns.
	ErrInvalidOption = errors.New("sources: invalid option")
	// ErrReplyTooLong: a reply exceeds the platform's length limit; it was
	// not sent.
	ErrReplyTooLong = errors.New("sources: reply too long")
)

// HTTPError is a response with a status the adapter does not accept.
// It matches ErrUnauthorized for 401 and 403 and ErrNotFound for 404.
// Body holds at most the first 64 KiB of the response, with any configured
// secret replaced by "REDACTED".
type HTTPError struct {
	Platform   string
	StatusCode int
	// Method and Path (no query string) name the call.
	Method, Path string
	Body         string
}

// Error prints the platform, the call, the status and up to 200 bytes of
// the body.
func (e *HTTPError) Error() string {
	body := strings.TrimSpace(e.Body)
	if len(body) > 200 {
		body = body[:200] + "…"
	}
	msg := fmt.Sprintf("sources: %s: %s %s: %d %s", e.Platform, e.Method, e.Path, e.StatusCode, http.StatusText(e.StatusCode))
	if body != "" {
		msg += ": " + body
	}
	return msg
}

// Is matches ErrUnauthorized (401, 403) and ErrNotFound (404).
func (e *HTTPError) Is(target error) bool {
	switch target {
	case ErrUnauthorized:
		return e.StatusCode == http.StatusUnauthorized || e.StatusCode == http.StatusForbidden
	case ErrNotFound:
		return e.StatusCode == http.StatusNotFound
	}
	return false
}

// RateLimitError ends a call that the platform throttled: the wait it
// asked for (RetryAfter, 0 when it gave none) exceeds Config.MaxRetryAfter
// or the retries ran out. It matches ErrRateLimited, and ErrQuotaExhausted
// when Quota is set.
type RateLimitError struct {
	Platform   string
	RetryAfter time.Duration
	// Quota reports a daily or plan quota rather than a short-term limit.
	Quota bool
}

// Error says which platform throttled and for how long.
func (e *RateLimitError) Error() string {
	what := "rate limited"
	if e.Quota {
		what = "quota exhausted"
	}
	if e.RetryAfter > 0 {
		return fmt.Sprintf("sources: %s: %s, retry after %v", e.Platform, what, e.RetryAfter)
	}
	return fmt.Sprintf("sources: %s: %s", e.Platform, what)
}

// Is matches ErrRateLimited, and ErrQuotaExhausted when Quota is set.
func (e *RateLimitError) Is(target error) bool {
	return target == ErrRateLimited || (e.Quota && target == ErrQuotaExhausted)
}

// DecodeError reports data from a platform that could not be understood.
// With Item >= 0 it is one review of a page (0-based position, or the
// 1-based line number for sources/file): the walk yields it and goes on.
// With Item == -1 the whole page failed to parse and the walk ends.
type DecodeError struct {
	Source     string
	ExternalID string // the review's id when it was readable
	Page       string // the page: its number, cursor, or a file name
	Item       int
	Err        error
}

// Error names the source, page, item and id.
func (e *DecodeError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "sources: %s: decode", e.Source)
	if e.Page != "" {
		fmt.Fprintf(&b, " page %s", e.Page)
	}
	if e.Item >= 0 {
		fmt.Fprintf(&b, " item %d", e.Item)
	}
	if e.ExternalID != "" {
		fmt.Fprintf(&b, " (id %q)", e.ExternalID)
	}
	if e.Err != nil {
		fmt.Fprintf(&b, ": %v", e.Err)
	}
	return b.String()
}

// Unwrap returns the cause.
func (e *DecodeError) Unwrap() error { return e.Err }

// IsItemError reports whether err is a per-item *DecodeError, the only
// error after which a walk goes on.
func IsItemError(err error) bool {
	de, ok := errors.AsType[*DecodeError](err)
	return ok && de.Item >= 0
}
