package httpx

import (
	"net/url"
	"strings"
	"sync"
)

// redacted replaces secrets in anything this package prints.
const redacted = "REDACTED"

// secretParams are query parameters whose values are credentials on some
// platform (Judge.me api_token, Yotpo utoken, Trustpilot apikey, ...).
var secretParams = map[string]bool{
	"apikey": true, "api_key": true, "key": true, "token": true, "access_token": true,
	"utoken": true, "api_token": true, "client_secret": true, "secret": true,
	"password": true, "signature": true, "sig": true, "refresh_token": true,
}

// redactor knows the secrets of one client: the configured ones and every
// token a TokenFunc handed out.
type redactor struct {
	mu      sync.RWMutex
	secrets []string
}

func (r *redactor) add(s string) {
	if len(s) < 4 { // too short to replace without mangling text
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, have := range r.secrets {
		if have == s {
			return
		}
	}
	r.secrets = append(r.secrets, s)
}

// String returns s with every known secret (and its URL-escaped form)
// replaced by REDACTED.
func (r *redactor) String(s string) string {
	r.mu.RLock()
	defer r.mu.RUnlock()
	for _, sec := range r.secrets {
		if strings.Contains(s, sec) {
			s = strings.ReplaceAll(s, sec, redacted)
		}
		if esc := url.QueryEscape(sec); esc != sec && strings.Contains(s, esc) {
			s = strings.ReplaceAll(s, esc, redacted)
		}
	}
	return s
}

// RedactURL returns u without user info and with the values of
// credential-like query parameters replaced by REDACTED.
func RedactURL(u *url.URL) string {
	cp := *u
	cp.User = nil
	if cp.RawQuery != "" {
		q := cp.Query()
		changed := false
		for k := range q {
			if secretParams[strings.ToLower(k)] {
				q[k] = []string{redacted}
				changed = true
			}
		}
		if changed {
			cp.RawQuery = q.Encode()
		}
	}
	return cp.String()
}
