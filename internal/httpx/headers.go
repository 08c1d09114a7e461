package httpx

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

// ParseRetryAfter reads a Retry-After value: whole seconds or an HTTP date
// (RFC 9110). A date in the past gives 0. ok is false for a missing or
// unreadable value (the caller then backs off exponentially).
func ParseRetryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if n, err := strconv.ParseInt(v, 10, 64); err == nil {
		if n < 0 {
			return 0, false
		}
		if n > int64(365*24*time.Hour/time.Second) {
			n = int64(365 * 24 * time.Hour / time.Second)
		}
		return time.Duration(n) * time.Second, true
	}
	t, err := http.ParseTime(v)
	if err != nil {
		return 0, false
	}
	if d := t.Sub(now); d > 0 {
		return d, true
	}
	return 0, true
}

// Hint is what a response's headers say about when to call again.
type Hint struct {
	// Wait is how long to wait before the next call; valid when Known.
	Wait  time.Duration
	Known bool
	// Exhausted: a quota window is used up (remaining 0) even though the
	// call itself may have succeeded.
	Exhausted bool
	// Daily: the exhausted quota is a daily or plan quota.
	Daily bool
}

// ParseHint reads the rate-limit headers of the platforms in the spec:
//
//   - Retry-After (seconds or HTTP date), on any platform;
//   - X-RateLimit-Remaining / X-RateLimit-Reset, single values (reset in
//     epoch seconds when larger than 10⁹, else seconds from now) or the
//     Lightspeed eCom triple "a/b/c" (seconds until each window resets: the
//     wait is the longest reset among windows with 0 remaining);
//   - RateLimit-Remaining / RateLimit-Reset (seconds) and Yelp's
//     RateLimit-ResetTime (ISO 8601) with RateLimit-DailyLimit (daily);
//   - Etsy x-remaining-today (daily, no reset given);
//   - App Store X-Rate-Limit "user-hour-lim:N;user-hour-rem:M;" (rolling
//     hour, no reset given).
func ParseHint(h http.Header, now time.Time) Hint {
	var hint Hint
	if d, ok := ParseRetryAfter(h.Get("Retry-After"), now); ok {
		hint.Wait, hint.Known = d, true
	}
	// X-RateLimit-* (Lightspeed triple or single value) and RateLimit-*.
	for _, prefix := range []string{"X-RateLimit-", "RateLimit-"} {
		rem := h.Get(prefix + "Remaining")
		if rem == "" {
			continue
		}
		rems := strings.Split(rem, "/")
		resets := strings.Split(h.Get(prefix+"Reset"), "/")
		var longest time.Duration
		found := false
		for i, r := range rems {
			if strings.TrimSpace(r) != "0" {
				continue
			}
			hint.Exhausted = true
			if i < len(resets) {
				if d, ok := parseReset(resets[i], now); ok {
					found = true
					if d > longest {
						longest = d
					}
				}
			}
		}
		if prefix == "RateLimit-" && hint.Exhausted {
			if h.Get("RateLimit-DailyLimit") != "" {
				hint.Daily = true
			}
			if t, err := time.Parse(time.RFC3339, strings.TrimSpace(h.Get("RateLimit-ResetTime"))); err == nil {
				found = true
				if d := t.Sub(now); d > longest {
					longest = d
				}
			}
		}
		if found && !hint.Known {
			hint.Wait, hint.Known = longest, true
		}
	}
	if v := strings.TrimSpace(h.Get("X-Remaining-Today")); v == "0" {
		hint.Exhausted, hint.Daily = true, true
	}
	if v := h.Get("X-Rate-Limit"); v != "" {
		for part := range strings.SplitSeq(v, ";") {
			k, val, _ := strings.Cut(strings.TrimSpace(part), ":")
			if k == "user-hour-rem" && strings.TrimSpace(val) == "0" {
				hint.Exhausted = true
			}
		}
	}
	return hint
}

func parseReset(v string, now time.Time) (time.Duration, bool) {
	n, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
	if err != nil || n < 0 {
		return 0, false
	}
	if n > 1e9 { // epoch seconds
		d := time.Unix(int64(n), 0).Sub(now)
		if d < 0 {
			d = 0
		}
		return d, true
	}
	if n > 366*24*3600 {
		return 0, false
	}
	return time.Duration(n * float64(time.Second)), true
}
