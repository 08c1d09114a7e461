package sourcestest

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
)

// Transport returns an http.RoundTripper that hands requests straight to
// the server's handler and fault script, without a network. Use it inside
// a testing/synctest bubble, where loopback network I/O never counts as
// durably blocked: with it, Retry-After and backoff waits pass in fake
// time. A body shorter than its Content-Length (Fault.Truncate) reads as
// io.ErrUnexpectedEOF, as it would on the wire.
func (s *Server) Transport() http.RoundTripper { return inProcess{s} }

type inProcess struct{ s *Server }

func (t inProcess) RoundTrip(req *http.Request) (*http.Response, error) {
	if err := req.Context().Err(); err != nil {
		return nil, err
	}
	in := req.Clone(req.Context())
	in.RequestURI = req.URL.RequestURI()
	if in.Host == "" {
		in.Host = req.URL.Host
	}
	if req.Body == nil {
		in.Body = http.NoBody
	}
	rec := httptest.NewRecorder()
	t.s.serve(rec, in)
	if err := req.Context().Err(); err != nil {
		return nil, err
	}
	res := rec.Result()
	body := rec.Body.Bytes()
	if n, err := strconv.Atoi(rec.Header().Get("Content-Length")); err == nil && n > len(body) {
		res.Body = io.NopCloser(io.MultiReader(bytes.NewReader(body), failing{}))
	}
	res.Request = req
	return res, nil
}

type failing struct{}

func (failing) Read([]byte) (int, error) { return 0, io.ErrUnexpectedEOF }
