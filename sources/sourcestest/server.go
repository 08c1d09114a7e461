package sourcestest

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// Fault is one scripted misbehaviour of a Server, applied to one request.
// The zero Fault serves the request normally.
type Fault struct {
	// Status, when non-zero, answers with this status instead of the real
	// response (429, 503, 401, ...), with Body (or a short JSON error).
	Status int
	// RetryAfter is sent as the Retry-After header: "2" or an HTTP date.
	RetryAfter string
	// Header is added to the response (rate-limit headers, ...).
	Header http.Header
	// Body is the error body sent with Status.
	Body string
	// Delay holds the response back (a slow server). It ends early when the
	// client goes away.
	Delay time.Duration
	// Truncate serves the real response but announces its full length and
	// sends only half of it, so the client sees an unexpected EOF.
	Truncate bool
	// Cut serves the real response cut in half with a matching
	// Content-Length: the HTTP exchange is fine, the JSON is not.
	Cut bool
	// Mutate rewrites the real body before it is sent (a malformed review).
	Mutate func(body []byte) []byte
	// Before runs before the request is handled (insert a review at the
	// top of the list mid-sync, expire a token, ...).
	Before func()
}

// Times returns n copies of f (a burst of 503s, say).
func Times(n int, f Fault) []Fault {
	fs := make([]Fault, n)
	for i := range fs {
		fs[i] = f
	}
	return fs
}

// RetryAfterDate formats t as an HTTP date for Fault.RetryAfter.
func RetryAfterDate(t time.Time) string { return t.UTC().Format(http.TimeFormat) }

// Request is a request the Server saw.
type Request struct {
	Method string
	Path   string
	Query  url.Values
	Header http.Header
	Body   []byte
	// Fault reports that a scripted fault answered it.
	Fault bool
}

// rule is a scripted fault bound to requests that match.
type rule struct {
	match  func(*http.Request) bool
	faults []Fault
}

// Server is an httptest server that imitates a platform: a platform
// handler (see TrustpilotHandler, or your own http.Handler) behind a fault
// script. Faults are consumed one per matching request, in order; when the
// script is empty the handler answers. Safe for concurrent use.
type Server struct {
	// Server is the listening test server; nil for a server made with
	// NewLocal.
	*httptest.Server
	// URL is the base URL to pass to sources.WithBaseURL.
	URL     string
	handler http.Handler

	mu    sync.Mutex
	rules []*rule
	log   []Request
	// perSecond counts requests by the wall-clock second they arrived
	// (for rate measurements).
	perSecond map[int64]int
	// tokens, when set, is the set of bearer tokens accepted; others get
	// 401 (an expired token).
	tokens map[string]bool
}

// NewServer starts a Server in front of h and closes it when the test
// ends.
func NewServer(tb testing.TB, h http.Handler) *Server {
	tb.Helper()
	s := &Server{handler: h, perSecond: map[int64]int{}}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	s.URL = s.Server.URL
	tb.Cleanup(s.Close)
	return s
}

// Start starts a listening Server in front of h outside a test (in an
// Example, say); the caller closes it.
func Start(h http.Handler) *Server {
	s := &Server{handler: h, perSecond: map[int64]int{}}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	s.URL = s.Server.URL
	return s
}

// NewLocal returns a Server that does not listen: reach it through
// Transport (it works inside a testing/synctest bubble). URL is
// "http://platform.test".
func NewLocal(h http.Handler) *Server {
	return &Server{handler: h, perSecond: map[int64]int{}, URL: "http://platform.test"}
}

// Close shuts the listening server down (a no-op for NewLocal).
func (s *Server) Close() {
	if s.Server != nil {
		s.Server.Close()
	}
}

// Script queues faults for the next requests, whatever they are.
func (s *Server) Script(faults ...Fault) {
	s.ScriptFor(nil, faults...)
}

// ScriptFor queues faults for the next requests that match (nil matches
// all). Rules are tried in the order they were added.
func (s *Server) ScriptFor(match func(*http.Request) bool, faults ...Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.rules = append(s.rules, &rule{match: match, faults: append([]Fault(nil), faults...)})
}

// OnPath matches requests whose path ends with suffix and whose query has
// the given key=value pairs (e.g. OnPath("/reviews", "page", "2")).
func OnPath(suffix string, kv ...string) func(*http.Request) bool {
	return func(r *http.Request) bool {
		if !strings.HasSuffix(r.URL.Path, suffix) {
			return false
		}
		q := r.URL.Query()
		for i := 0; i+1 < len(kv); i += 2 {
			if q.Get(kv[i]) != kv[i+1] {
				return false
			}
		}
		return true
	}
}

// AcceptTokens makes the server answer 401 to any bearer token not listed
// (and to requests without one). ExpireToken removes one.
func (s *Server) AcceptTokens(tokens ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.tokens = map[string]bool{}
	for _, t := range tokens {
		s.tokens[t] = true
	}
}

// ExpireToken makes the server refuse token from now on.
func (s *Server) ExpireToken(token string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.tokens, token)
}

// Requests returns a copy of the requests seen so far.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.log...)
}

// Count returns the number of requests seen so far.
func (s *Server) Count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.log)
}

// PerSecond returns how many requests arrived in each wall-clock second,
// in time order (for rate measurements).
func (s *Server) PerSecond() []int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.perSecond) == 0 {
		return nil
	}
	lo, hi := int64(1<<62), int64(-1<<62)
	for k := range s.perSecond {
		lo, hi = min(lo, k), max(hi, k)
	}
	out := make([]int, 0, hi-lo+1)
	for k := lo; k <= hi; k++ {
		out = append(out, s.perSecond[k])
	}
	return out
}

func (s *Server) next(r *http.Request) (Fault, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, ru := range s.rules {
		if len(ru.faults) == 0 || (ru.match != nil && !ru.match(r)) {
			continue
		}
		f := ru.faults[0]
		ru.faults = ru.faults[1:]
		return f, true
	}
	return Fault{}, false
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	var body []byte
	if r.Body != nil {
		body, _ = io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(body))
	}
	f, faulted := s.next(r)
	s.mu.Lock()
	s.perSecond[time.Now().Unix()]++
	s.log = append(s.log, Request{Method: r.Method, Path: r.URL.Path, Query: r.URL.Query(), Header: r.Header.Clone(), Body: body, Fault: faulted && f.Status != 0})
	tokens := s.tokens
	s.mu.Unlock()

	if f.Before != nil {
		f.Before()
	}
	if f.Delay > 0 {
		t := time.NewTimer(f.Delay)
		select {
		case <-t.C:
		case <-r.Context().Done():
			t.Stop()
			return
		}
	}
	for k, vs := range f.Header {
		w.Header()[k] = vs
	}
	if f.RetryAfter != "" {
		w.Header().Set("Retry-After", f.RetryAfter)
	}
	if f.Status != 0 {
		writeError(w, f.Status, f.Body)
		return
	}
	if tokens != nil {
		tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		s.mu.Lock()
		valid := ok && s.tokens[tok]
		s.mu.Unlock()
		if !valid {
			writeError(w, http.StatusUnauthorized, `{"message":"token expired"}`)
			return
		}
	}
	if f.Mutate == nil && !f.Truncate && !f.Cut {
		s.handler.ServeHTTP(w, r)
		return
	}
	rec := httptest.NewRecorder()
	s.handler.ServeHTTP(rec, r)
	out := rec.Body.Bytes()
	if f.Mutate != nil {
		out = f.Mutate(out)
	}
	for k, vs := range rec.Header() {
		w.Header()[k] = vs
	}
	switch {
	case f.Truncate:
		w.Header().Set("Content-Length", strconv.Itoa(len(out)))
		w.WriteHeader(rec.Code)
		w.Write(out[:len(out)/2])
		// Returning with fewer bytes than announced makes the server close
		// the connection: the client reads an unexpected EOF.
		return
	case f.Cut:
		out = out[:len(out)/2]
	}
	w.Header().Set("Content-Length", strconv.Itoa(len(out)))
	w.WriteHeader(rec.Code)
	w.Write(out)
}

func writeError(w http.ResponseWriter, status int, body string) {
	if body == "" {
		b, _ := json.Marshal(map[string]any{"error": map[string]any{"code": status, "message": http.StatusText(status)}})
		body = string(b)
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write([]byte(body))
}
