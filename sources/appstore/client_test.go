package appstore

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/reputekit/repute/review"
	"github.com/reputekit/repute/sources"
	"github.com/reputekit/repute/sources/internal/decodetest"
	"github.com/reputekit/repute/sources/sourcestest"
)

const (
	appID  = "1234567890"
	secret = "eyJhbGciOiJFUzI1NiJ9.secret-jwt-payload.signature"
)

// auth returns the test credentials, then extra.
func auth(extra ...sources.Option) []sources.Option {
	return append([]sources.Option{sources.WithToken(secret)}, extra...)
}

// fast are the options every test client gets: the credentials, no
// pacing, tiny backoff.
func fast(base string, extra ...sources.Option) []sources.Option {
	return sourcestest.Options(base, auth(extra...)...)
}

func newClient(t *testing.T, base string, extra ...sources.Option) *Client {
	t.Helper()
	c, err := New(appID, fast(base, extra...)...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// genReviews makes n reviews in list order, newest first.
func genReviews(n int) []review.Review {
	base := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	rs := make([]review.Review, n)
	for i := range rs {
		id := genID(i)
		rs[i] = review.Review{
			ID: review.Key(Name, id), Source: Name, ExternalID: id, Title: fmt.Sprintf("Title %d", i),
			Author: review.Author{Name: fmt.Sprintf("nick_%d", i)}, Rating: float64(1 + i%5),
			Body:      fmt.Sprintf("Review number %d — text as the customer wrote it. ", i),
			CreatedAt: base.Add(-time.Duration(i) * time.Hour),
		}
	}
	return rs
}

func genID(i int) string { return fmt.Sprintf("00000028-b08c-0014-0000-%012d", i) }

// TestAdapter runs the checks every adapter shares (paging, faults,
// cancellation, token refresh, leaks) against the App Store Connect fake.
func TestAdapter(t *testing.T) {
	tooMany := string(decodetest.Fixture(t, "appstore-429.json"))
	sourcestest.TestAdapter(t, sourcestest.Harness{
		Name: Name,
		New: func(opts ...sources.Option) (sources.Source, error) {
			return New(appID, auth(opts...)...)
		},
		Serve:      func(rs []review.Review) http.Handler { return sourcestest.NewAppStore(appID, rs...) },
		Reviews:    genReviews,
		PageSize:   MaxPageSize,
		Total:      450,
		Requests:   3,
		SecondPage: sourcestest.OnPath("/customerReviews", "cursor", "Ag.200"),
		Spoil:      "rating",
		Secrets:    []string{secret},
		ErrorBodies: map[int]string{
			http.StatusTooManyRequests: tooMany,
			http.StatusUnauthorized:    `{"errors":[{"status":"401","code":"NOT_AUTHORIZED","title":"Authentication credentials are missing or invalid.","detail":"Provide a properly configured and signed bearer token, and make sure that it has not expired."}]}`,
		},
		Bearer:     true,
		NoHintWait: time.Minute, // Apple sends no Retry-After; its window is a rolling hour
	})
}

func TestNewValidates(t *testing.T) {
	t.Parallel()
	for _, id := range []string{"", "a/b", "x?y", "x#y"} {
		if _, err := New(id); !errors.Is(err, sources.ErrInvalidOption) {
			t.Errorf("New(%q) error = %v, want ErrInvalidOption", id, err)
		}
	}
	if _, err := New(appID, sources.WithBaseURL("ftp://x")); !errors.Is(err, sources.ErrInvalidOption) {
		t.Errorf("bad base URL accepted: %v", err)
	}
	c, err := New(appID)
	if err != nil {
		t.Fatal(err)
	}
	if c.Name() != "appstore" {
		t.Errorf("Name() = %q", c.Name())
	}
}

// TestReviewsFixtures serves the two fixture pages in the documented shape
// (their links.next points at Apple's host) and checks the requests and
// everything decoded.
func TestReviewsFixtures(t *testing.T) {
	t.Parallel()
	pages := map[string][]byte{
		"":           decodetest.Fixture(t, "appstore-reviews-page1.json"),
		"Ag.AKvLMf8": decodetest.Fixture(t, "appstore-reviews-page2.json"),
	}
	var mu sync.Mutex
	var reqs []*http.Request
	srv := sourcestest.NewServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		reqs = append(reqs, r)
		mu.Unlock()
		body, ok := pages[r.URL.Query().Get("cursor")]
		if !ok || r.URL.Path != "/v1/apps/"+appID+"/customerReviews" {
			http.NotFound(w, r)
			return
		}
		w.Write(body)
	}))
	got, items, end := sourcestest.Collect(t, t.Context(), newClient(t, srv.URL), sources.Query{})
	if end != nil || len(items) != 0 {
		t.Fatalf("walk ended with %v, item errors %v", end, items)
	}
	want := append(append([]review.Review(nil), fixtureReviews["appstore-reviews-page1.json"]...), fixtureReviews["appstore-reviews-page2.json"]...)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("reviews (-want +got):\n%s", diff)
	}
	if len(reqs) != 2 {
		t.Fatalf("%d requests, want 2", len(reqs))
	}
	first := reqs[0].URL.Query()
	if first.Get("limit") != "200" || first.Get("sort") != "-createdDate" || first.Get("include") != "response" {
		t.Errorf("first query = %v, want limit=200 sort=-createdDate include=response", first)
	}
	for _, r := range reqs {
		if got := r.Header.Get("Authorization"); got != "Bearer "+secret {
			t.Errorf("Authorization = %q", got)
		}
		if strings.Contains(r.URL.RawQuery, secret) {
			t.Error("token in the URL")
		}
	}
}

func TestReviewsQuery(t *testing.T) {
	t.Parallel()
	rs := genReviews(120)
	srv := sourcestest.NewServer(t, sourcestest.NewAppStore(appID, rs...))
	c := newClient(t, srv.URL)

	// Max and Since: see TestAdapter.
	// Another app is unknown here: ErrNotFound, not an empty walk.
	_, _, end := sourcestest.Collect(t, t.Context(), c, sources.Query{ProductID: "999"})
	if !errors.Is(end, sources.ErrNotFound) {
		t.Errorf("other app: %v, want ErrNotFound", end)
	}
	// A resumed walk starts at the cursor (a links.next URL).
	pg, err := newClient(t, srv.URL, sources.WithPageSize(50)).Page(t.Context(), sources.Query{})
	if err != nil || pg.Next == "" {
		t.Fatalf("first page: %v, next %q", err, pg.Next)
	}
	got, _, end := sourcestest.Collect(t, t.Context(), newClient(t, srv.URL, sources.WithPageSize(50)), sources.Query{Cursor: "https://api.appstoreconnect.apple.com/v1/apps/" + appID + "/customerReviews?cursor=Ag.100&limit=10"})
	if end != nil {
		t.Fatal(end)
	}
	if diff := cmp.Diff(sourcestest.ExternalIDs(rs[100:]), sourcestest.ExternalIDs(got)); diff != "" {
		t.Errorf("resumed walk (-want +got):\n%s", diff)
	}
	if _, err := c.Page(t.Context(), sources.Query{Cursor: "https://evil.example/steal"}); !errors.Is(err, sources.ErrInvalidOption) {
		t.Errorf("foreign cursor: %v, want ErrInvalidOption", err)
	}
}

func TestEndlessPagesGuard(t *testing.T) {
	t.Parallel()
	// A server that answers every page with the same review and a fresh
	// token, and one that repeats its token.
	for _, same := range []bool{false, true} {
		var n atomic.Int32
		srv := sourcestest.NewServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			k := n.Add(1)
			tok := "again"
			if !same {
				tok = fmt.Sprintf("tok%d", k)
			}
			fmt.Fprintf(w, `{"data":[{"type":"customerReviews","id":"only","attributes":{"rating":1,"createdDate":"2026-03-05T08:30:00-08:00"}}],"links":{"next":"https://api.appstoreconnect.apple.com/v1/apps/1/customerReviews?cursor=%s"}}`, tok)
		}))
		got, _, end := sourcestest.Collect(t, t.Context(), newClient(t, srv.URL), sources.Query{})
		if !errors.Is(end, sources.ErrPaginationLoop) {
			t.Errorf("same=%v: end = %v, want ErrPaginationLoop", same, end)
		}
		if len(got) != 1 {
			t.Errorf("same=%v: %d reviews, want 1", same, len(got))
		}
		if n.Load() > 10 {
			t.Errorf("same=%v: %d requests before giving up", same, n.Load())
		}
	}
}

func TestReplyRoundTrip(t *testing.T) {
	t.Parallel()
	rs := genReviews(3)
	a := sourcestest.NewAppStore(appID, rs...)
	srv := sourcestest.NewServer(t, a)
	c := newClient(t, srv.URL)
	ctx := t.Context()

	const text = "We are sorry about the delay. Please write to us via the in-app chat with your order number so we can complete the refund."
	if err := c.Reply(ctx, rs[1].ExternalID, text); err != nil {
		t.Fatal(err)
	}
	// The request is the documented create request, byte for byte in meaning.
	var gotReq, wantReq any
	if err := json.Unmarshal(srv.Requests()[0].Body, &gotReq); err != nil {
		t.Fatal(err)
	}
	fixture := strings.Replace(string(decodetest.Fixture(t, "appstore-review-response-create-request.json")), "00000028-b08c-0014-0000-000000000001", rs[1].ExternalID, 1)
	if err := json.Unmarshal([]byte(fixture), &wantReq); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(wantReq, gotReq); diff != "" {
		t.Errorf("create request (-want +got):\n%s", diff)
	}
	if r := srv.Requests()[0]; r.Method != http.MethodPost || r.Path != "/v1/customerReviewResponses" {
		t.Errorf("request = %s %s", r.Method, r.Path)
	}
	rid, err := c.Respond(ctx, rs[2].ID, "Second reply") // "appstore:<id>" works too
	if err != nil || rid == "" {
		t.Fatalf("Respond: %q, %v", rid, err)
	}
	got, _, end := sourcestest.Collect(t, t.Context(), c, sources.Query{})
	if end != nil {
		t.Fatal(end)
	}
	if got[1].Reply == nil || got[1].Reply.Body != text {
		t.Errorf("reply after round trip = %+v, want %q", got[1].Reply, text)
	}
	if got[2].Reply == nil || got[2].Reply.Body != "Second reply" {
		t.Errorf("second reply = %+v", got[2].Reply)
	}
	if err := c.DeleteReply(ctx, rs[1].ExternalID); err != nil {
		t.Fatal(err)
	}
	if err := c.DeleteResponse(ctx, rid); err != nil {
		t.Fatal(err)
	}
	for _, rv := range a.Reviews() {
		if rv.Reply != nil {
			t.Errorf("review %s still has a response", rv.ExternalID)
		}
	}
	if err := c.DeleteReply(ctx, rs[1].ExternalID); !errors.Is(err, ErrNoResponse) || !errors.Is(err, sources.ErrNotFound) {
		t.Errorf("deleting a missing response: %v, want ErrNoResponse", err)
	}
	if err := c.Reply(ctx, "unknown", "x"); !errors.Is(err, sources.ErrNotFound) {
		t.Errorf("reply to unknown review: %v, want ErrNotFound", err)
	}
}

func TestReplyCheckedBeforeSending(t *testing.T) {
	t.Parallel()
	srv := sourcestest.NewServer(t, sourcestest.NewAppStore(appID, genReviews(1)...))
	c := newClient(t, srv.URL)
	err := c.Reply(t.Context(), genID(0), strings.Repeat("ė", MaxReplyChars+1))
	if !errors.Is(err, sources.ErrReplyTooLong) {
		t.Fatalf("err = %v, want ErrReplyTooLong", err)
	}
	if rt, ok := errors.AsType[*ReplyTooLongError](err); !ok || rt.Length != MaxReplyChars+1 {
		t.Errorf("err = %#v", err)
	}
	if err := c.Reply(t.Context(), genID(0), ""); err == nil {
		t.Error("empty reply accepted")
	}
	if err := c.Reply(t.Context(), "a/b", "x"); err == nil {
		t.Error("review id with a slash accepted")
	}
	if n := len(srv.Requests()); n != 0 {
		t.Errorf("%d requests sent for replies that break the rules", n)
	}
}
