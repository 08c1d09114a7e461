package sourcestest

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/reputekit/repute/sources"
)

func get(t *testing.T, c *http.Client, url string, header map[string]string) (int, string, error) {
	t.Helper()
	req, _ := http.NewRequestWithContext(t.Context(), "GET", url, nil)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := c.Do(req)
	if err != nil {
		return 0, "", err
	}
	defer resp.Body.Close()
	_, err = io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header.Get("Retry-After"), err
}

func TestServerScript(t *testing.T) {
	t.Parallel()
	items := NewItems(TrustpilotItems(5, time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC))...)
	for _, local := range []bool{false, true} {
		var srv *Server
		client := http.DefaultClient
		if local {
			srv = NewLocal(TrustpilotHandler("bu", items))
			client = &http.Client{Transport: srv.Transport()}
		} else {
			srv = NewServer(t, TrustpilotHandler("bu", items))
		}
		srv.Script(Fault{Status: 429, RetryAfter: "3"}, Fault{Status: 503})
		srv.ScriptFor(OnPath("/reviews", "page", "2"), Fault{Status: 500})
		srv.ScriptFor(OnPath("/reviews", "page", "3"), Fault{Truncate: true})
		hdr := map[string]string{"apikey": "k"}
		base := srv.URL + "/v1/business-units/bu/reviews"
		var got []string
		for _, u := range []string{base, base, base + "?page=2&perPage=2", base + "?page=2&perPage=2", base + "?page=3&perPage=2", base + "?perPage=2", srv.URL + "/v1/business-units/other/reviews"} {
			code, ra, err := get(t, client, u, hdr)
			s := http.StatusText(code) + " " + ra
			if err != nil {
				s = "error " + err.Error()
				if errors.Is(err, io.ErrUnexpectedEOF) || strings.Contains(err.Error(), "unexpected EOF") {
					s = "truncated"
				}
			}
			got = append(got, s)
		}
		want := []string{"Too Many Requests 3", "Service Unavailable ", "Internal Server Error ", "OK ", "truncated", "OK ", "Not Found "}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("local=%v (-want +got)\n%s", local, diff)
		}
		if code, _, _ := get(t, client, base, nil); code != http.StatusUnauthorized {
			t.Errorf("local=%v: no apikey: %d", local, code)
		}
		if n := srv.Count(); n != 8 {
			t.Errorf("local=%v: %d requests logged, want 8", local, n)
		}
	}
}

func TestServerTokens(t *testing.T) {
	t.Parallel()
	items := NewItems(TrustpilotItems(1, time.Now())...)
	srv := NewLocal(TrustpilotHandler("bu", items))
	c := &http.Client{Transport: srv.Transport()}
	srv.AcceptTokens("t1")
	u := srv.URL + "/v1/private/business-units/bu/reviews"
	if code, _, _ := get(t, c, u, map[string]string{"Authorization": "Bearer t1"}); code != 200 {
		t.Errorf("valid token: %d", code)
	}
	srv.ExpireToken("t1")
	if code, _, _ := get(t, c, u, map[string]string{"Authorization": "Bearer t1"}); code != 401 {
		t.Errorf("expired token: %d", code)
	}
}

func TestServerSlowResponseHonoursCancel(t *testing.T) {
	t.Parallel()
	srv := NewLocal(TrustpilotHandler("bu", NewItems()))
	srv.Script(Fault{Delay: time.Hour})
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Millisecond)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", srv.URL+"/v1/business-units/bu/reviews", nil)
	req.Header.Set("apikey", "k")
	_, err := (&http.Client{Transport: srv.Transport()}).Do(req)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err = %v, want the deadline", err)
	}
}

func TestItems(t *testing.T) {
	t.Parallel()
	raw := func(s string) json.RawMessage { return json.RawMessage(`"` + s + `"`) }
	it := NewItems(raw("b"), raw("c"))
	it.InsertTop(raw("a"))
	it.Append(raw("d"))
	it.Set(1, raw("B"))
	it.Remove(2)
	it.Remove(99)
	var got []string
	for _, r := range it.All() {
		var s string
		json.Unmarshal(r, &s)
		got = append(got, s)
	}
	if diff := cmp.Diff([]string{"a", "B", "d"}, got); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
	if it.Slice(5, 2) != nil || len(it.Slice(1, 10)) != 2 {
		t.Error("Slice bounds")
	}
}

func TestFakeSource(t *testing.T) {
	t.Parallel()
	s := NewSource("fake", Generate("fake", 7, time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC))...)
	s.SetPageSize(3)
	s.AppendBad("zz", errors.New("bad stars"))
	s.FailPage(2, errors.New("boom"))
	var ids, errs []string
	for rv, err := range s.Reviews(t.Context(), sources.Query{}) {
		if err != nil {
			errs = append(errs, err.Error())
			continue
		}
		ids = append(ids, rv.ExternalID)
	}
	if diff := cmp.Diff([]string{"r6", "r5", "r4", "r3", "r2", "r1"}, ids); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
	if diff := cmp.Diff([]string{"boom"}, errs); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
	// The failure was one-shot: the next walk reaches the bad item.
	var last error
	n := 0
	for _, err := range s.Reviews(t.Context(), sources.Query{}) {
		if err != nil {
			last = err
			continue
		}
		n++
	}
	if n != 7 || !sources.IsItemError(last) {
		t.Errorf("second walk: %d reviews, last error %v", n, last)
	}
	if err := s.Reply(t.Context(), "r2", "thanks"); err != nil {
		t.Fatal(err)
	}
	if err := s.Reply(t.Context(), "nope", "x"); !errors.Is(err, sources.ErrNotFound) {
		t.Errorf("reply to unknown: %v", err)
	}
	if diff := cmp.Diff(map[string]string{"r2": "thanks"}, s.Replies()); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
}

// TestServerKeepsRequestBody checks that the body the Server reads for its
// log still reaches the handler, over the network and in process.
func TestServerKeepsRequestBody(t *testing.T) {
	t.Parallel()
	const payload = `{"message":"Thank you!"}`
	for _, local := range []bool{false, true} {
		handled := make(chan string, 1)
		h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			b, _ := io.ReadAll(r.Body)
			handled <- string(b)
		})
		var srv *Server
		client := http.DefaultClient
		if local {
			srv = NewLocal(h)
			client = &http.Client{Transport: srv.Transport()}
		} else {
			srv = NewServer(t, h)
		}
		req, _ := http.NewRequestWithContext(t.Context(), "POST", srv.URL+"/reply", strings.NewReader(payload))
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if got := <-handled; got != payload {
			t.Errorf("local %v: handler read %q, want %q", local, got, payload)
		}
		if got := string(srv.Requests()[0].Body); got != payload {
			t.Errorf("local %v: logged body %q, want %q", local, got, payload)
		}
	}
}
