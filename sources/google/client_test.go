package google

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
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
	account = "108423501942212345678"
	secret  = "ya29.secret-access-token-value"
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
	c, err := New(account, loc, fast(base, extra...)...)
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
		id := fmt.Sprintf("rv%05d", i)
		rs[i] = review.Review{
			ID: review.Key(Name, id), Source: Name, ExternalID: id, LocationID: loc,
			Author: review.Author{Name: "Reviewer " + id}, Rating: float64(1 + i%5),
			Body:      fmt.Sprintf("Review number %d — text as the customer wrote it. ", i),
			CreatedAt: base.Add(-time.Duration(i) * time.Hour),
		}
	}
	return rs
}

// TestAdapter runs the checks every adapter shares (paging, faults,
// cancellation, token refresh, leaks) against the Business Profile fake.
func TestAdapter(t *testing.T) {
	tooMany, unauthorized := string(decodetest.Fixture(t, "google-429.json")), string(decodetest.Fixture(t, "google-401.json"))
	sourcestest.TestAdapter(t, sourcestest.Harness{
		Name: Name,
		New: func(opts ...sources.Option) (sources.Source, error) {
			return New(account, loc, auth(opts...)...)
		},
		Serve:      func(rs []review.Review) http.Handler { return sourcestest.NewGoogle(account, loc, rs...) },
		Reviews:    genReviews,
		PageSize:   MaxPageSize,
		Total:      120,
		Requests:   3,
		SecondPage: sourcestest.OnPath("/reviews", "pageToken", "CAES50"),
		Spoil:      "starRating",
		Secrets:    []string{secret},
		ErrorBodies: map[int]string{
			http.StatusTooManyRequests: tooMany,
			http.StatusUnauthorized:    unauthorized,
		},
		Bearer:     true,
		NoHintWait: time.Minute, // Google documents no Retry-After; its quota is per minute
	})
}

func TestNewValidates(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ account, location string }{{"", loc}, {account, ""}, {"a/b", loc}, {account, "x?y"}} {
		if _, err := New(tt.account, tt.location); !errors.Is(err, sources.ErrInvalidOption) {
			t.Errorf("New(%q, %q) error = %v, want ErrInvalidOption", tt.account, tt.location, err)
		}
	}
	if _, err := New("accounts/"+account, "locations/"+loc, sources.WithBaseURL("ftp://x")); !errors.Is(err, sources.ErrInvalidOption) {
		t.Errorf("bad base URL accepted: %v", err)
	}
	c, err := New("accounts/"+account, "locations/"+loc)
	if err != nil {
		t.Fatal(err)
	}
	if c.Name() != "google" {
		t.Errorf("Name() = %q", c.Name())
	}
}

// TestReviewsFixtures serves the two fixture pages in the documented shape
// and checks the requests and everything decoded.
func TestReviewsFixtures(t *testing.T) {
	t.Parallel()
	pages := map[string][]byte{
		"":               decodetest.Fixture(t, "google-reviews-page1.json"),
		"CAESBkVnSUlDZw": decodetest.Fixture(t, "google-reviews-page2.json"),
	}
	var reqs []*http.Request
	srv := sourcestest.NewServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		reqs = append(reqs, r)
		body, ok := pages[r.URL.Query().Get("pageToken")]
		if !ok || r.URL.Path != "/v4/accounts/"+account+"/locations/"+loc+"/reviews" {
			http.NotFound(w, r)
			return
		}
		w.Write(body)
	}))
	got, items, end := sourcestest.Collect(t, t.Context(), newClient(t, srv.URL), sources.Query{})
	if end != nil || len(items) != 0 {
		t.Fatalf("walk ended with %v, item errors %v", end, items)
	}
	want := append(append([]review.Review(nil), fixtureReviews["google-reviews-page1.json"]...), fixtureReviews["google-reviews-page2.json"]...)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("reviews (-want +got):\n%s", diff)
	}
	if len(reqs) != 2 {
		t.Fatalf("%d requests, want 2", len(reqs))
	}
	for _, r := range reqs {
		if got := r.Header.Get("Authorization"); got != "Bearer "+secret {
			t.Errorf("Authorization = %q", got)
		}
		if got := r.URL.Query().Get("pageSize"); got != "50" {
			t.Errorf("pageSize = %q, want 50 (the largest page)", got)
		}
		if strings.Contains(r.URL.RawQuery, secret) {
			t.Error("token in the URL")
		}
	}
}

func TestReviewsQuery(t *testing.T) {
	t.Parallel()
	rs := genReviews(120)
	srv := sourcestest.NewServer(t, sourcestest.NewGoogle(account, loc, rs...))
	c := newClient(t, srv.URL)

	// Max: see TestAdapter.
	// Since: reviews 0..9 are within 10 hours of the newest; the walk
	// stops after the first page.
	before := srv.Count()
	got, _, end := sourcestest.Collect(t, t.Context(), c, sources.Query{Since: rs[9].CreatedAt})
	if end != nil {
		t.Fatal(end)
	}
	if diff := cmp.Diff(sourcestest.ExternalIDs(rs[:10]), sourcestest.ExternalIDs(got)); diff != "" {
		t.Errorf("Since (-want +got):\n%s", diff)
	}
	if n := srv.Count() - before; n != 1 {
		t.Errorf("Since walk made %d requests, want 1", n)
	}
	// Another location of the account is unknown here: ErrNotFound.
	_, _, end = sourcestest.Collect(t, t.Context(), c, sources.Query{LocationID: "999"})
	if !errors.Is(end, sources.ErrNotFound) {
		t.Errorf("other location: %v, want ErrNotFound", end)
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
			fmt.Fprintf(w, `{"reviews":[{"reviewId":"only","starRating":"ONE","createTime":"2026-01-01T00:00:00Z"}],"nextPageToken":%q}`, tok)
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
	g := sourcestest.NewGoogle(account, loc, rs...)
	srv := sourcestest.NewServer(t, g)
	c := newClient(t, srv.URL)
	ctx := t.Context()

	const text = "Ačiū! Thank you — we fixed the size chart.  "
	if err := c.Reply(ctx, rs[1].ExternalID, text); err != nil {
		t.Fatal(err)
	}
	if err := c.Reply(ctx, rs[2].ID, "Second reply"); err != nil { // "google:<id>" works too
		t.Fatal(err)
	}
	got, _, end := sourcestest.Collect(t, t.Context(), c, sources.Query{})
	if end != nil {
		t.Fatal(end)
	}
	if got[1].Reply == nil || got[1].Reply.Body != text {
		t.Errorf("reply after round trip = %+v, want %q byte for byte", got[1].Reply, text)
	}
	if got[2].Reply == nil || got[2].Reply.Body != "Second reply" {
		t.Errorf("second reply = %+v", got[2].Reply)
	}
	var put *sourcestest.Request
	for _, r := range srv.Requests() {
		if r.Method == http.MethodPut {
			put = &r
			break
		}
	}
	if put == nil || put.Path != "/v4/accounts/"+account+"/locations/"+loc+"/reviews/"+rs[1].ExternalID+"/reply" {
		t.Fatalf("PUT request = %+v", put)
	}
	if want := `{"comment":"Ačiū! Thank you — we fixed the size chart.  "}`; string(put.Body) != want {
		t.Errorf("PUT body = %s, want %s", put.Body, want)
	}

	if err := c.DeleteReply(ctx, rs[1].ExternalID); err != nil {
		t.Fatal(err)
	}
	if g.Reviews()[1].Reply != nil {
		t.Error("reply still there after DeleteReply")
	}
	if err := c.Reply(ctx, "unknown", "x"); !errors.Is(err, sources.ErrNotFound) {
		t.Errorf("reply to unknown review: %v, want ErrNotFound", err)
	}
}

func TestReplyCheckedBeforeSending(t *testing.T) {
	t.Parallel()
	srv := sourcestest.NewServer(t, sourcestest.NewGoogle(account, loc, genReviews(1)...))
	c := newClient(t, srv.URL)
	long := strings.Repeat("ė", MaxReplyBytes/2+1) // 4098 bytes, 2049 runes
	err := c.Reply(t.Context(), "rv00000", long)
	if !errors.Is(err, sources.ErrReplyTooLong) {
		t.Fatalf("err = %v, want ErrReplyTooLong", err)
	}
	if rt, ok := errors.AsType[*ReplyTooLongError](err); !ok || rt.Length != 4098 || rt.Max != MaxReplyBytes {
		t.Errorf("err = %#v", err)
	}
	if err := c.Reply(t.Context(), "rv00000", ""); err == nil {
		t.Error("empty reply accepted")
	}
	if err := c.Reply(t.Context(), "a/b", "x"); err == nil {
		t.Error("review id with a slash accepted")
	}
	if n := len(srv.Requests()); n != 0 {
		t.Errorf("%d requests sent for replies that break the rules", n)
	}
	if err := c.Reply(t.Context(), "rv00000", strings.Repeat("a", MaxReplyBytes)); err != nil {
		t.Errorf("reply of exactly %d bytes: %v", MaxReplyBytes, err)
	}
}

func TestBatchReviews(t *testing.T) {
	t.Parallel()
	rs := genReviews(70)
	g := sourcestest.NewGoogle(account, loc, rs[:40]...)
	// 59 more locations, 30 of them with one review each: two groups.
	var locations []string
	want := map[string]string{} // review id -> location
	for _, rv := range rs[:40] {
		want[rv.ExternalID] = loc
	}
	locations = append(locations, "locations/"+loc)
	for k := range 59 {
		l := fmt.Sprintf("9%018d", k)
		locations = append(locations, l)
		var mine []review.Review
		if k < 30 {
			mine = append(mine, rs[40+k])
			want[rs[40+k].ExternalID] = l
		}
		g.AddLocation(l, mine...)
	}
	srv := sourcestest.NewServer(t, g)
	c := newClient(t, srv.URL)
	got := map[string]string{}
	for rv, err := range c.BatchReviews(t.Context(), locations, sources.Query{}) {
		if err != nil {
			t.Fatal(err)
		}
		if _, dup := got[rv.ExternalID]; dup {
			t.Errorf("review %s twice", rv.ExternalID)
		}
		got[rv.ExternalID] = rv.LocationID
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("review → location (-want +got):\n%s", diff)
	}
	var posts int
	for _, r := range srv.Requests() {
		if r.Method == http.MethodPost {
			posts++
		}
	}
	// Group one (the main location and 49 others, 70 reviews) takes two
	// pages of 50; group two (10 locations without reviews) one.
	if posts != 3 {
		t.Errorf("%d batch calls, want 3", posts)
	}
	// Max spans the groups.
	n := 0
	for _, err := range c.BatchReviews(t.Context(), locations, sources.Query{Max: 45}) {
		if err != nil {
			t.Fatal(err)
		}
		n++
	}
	if n != 45 {
		t.Errorf("Max 45: %d reviews", n)
	}
	// An unknown location ends the walk with ErrNotFound.
	var end error
	for _, err := range c.BatchReviews(t.Context(), []string{loc, "404"}, sources.Query{}) {
		end = err
	}
	if !errors.Is(end, sources.ErrNotFound) {
		t.Errorf("unknown location: %v, want ErrNotFound", end)
	}
	for _, err := range c.BatchReviews(t.Context(), []string{"a/b"}, sources.Query{}) {
		if !errors.Is(err, sources.ErrInvalidOption) {
			t.Errorf("bad location id: %v", err)
		}
	}
}
