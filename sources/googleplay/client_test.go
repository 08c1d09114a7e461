package googleplay

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
	pkg    = "com.example.shop"
	secret = "ya29.secret-access-token-value"
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
	c, err := New(pkg, fast(base, extra...)...)
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
		id := fmt.Sprintf("gp:rv%05d", i)
		rs[i] = review.Review{
			ID: review.Key(Name, id), Source: Name, ExternalID: id, ProductID: pkg,
			Author: review.Author{Name: "Reviewer " + id}, Rating: float64(1 + i%5), Lang: "en", Helpful: i % 3,
			Body:      fmt.Sprintf("Review number %d — text as the customer wrote it. ", i),
			CreatedAt: base.Add(-time.Duration(i) * time.Hour),
		}
	}
	return rs
}

// TestAdapter runs the checks every adapter shares (paging, faults,
// cancellation, token refresh, leaks) against the Google Play fake.
func TestAdapter(t *testing.T) {
	tooMany, unauthorized := string(decodetest.Fixture(t, "google-429.json")), string(decodetest.Fixture(t, "google-401.json"))
	sourcestest.TestAdapter(t, sourcestest.Harness{
		Name: Name,
		New: func(opts ...sources.Option) (sources.Source, error) {
			return New(pkg, auth(opts...)...)
		},
		Serve:      func(rs []review.Review) http.Handler { return sourcestest.NewGooglePlay(pkg, rs...) },
		Reviews:    genReviews,
		PageSize:   MaxPageSize,
		Total:      250,
		Requests:   3,
		SecondPage: sourcestest.OnPath("/reviews", "token", "Chs100"),
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
	for _, name := range []string{"", "a/b", "x?y", "x#y"} {
		if _, err := New(name); !errors.Is(err, sources.ErrInvalidOption) {
			t.Errorf("New(%q) error = %v, want ErrInvalidOption", name, err)
		}
	}
	if _, err := New(pkg, sources.WithBaseURL("ftp://x")); !errors.Is(err, sources.ErrInvalidOption) {
		t.Errorf("bad base URL accepted: %v", err)
	}
	c, err := New(pkg)
	if err != nil {
		t.Fatal(err)
	}
	if c.Name() != "googleplay" {
		t.Errorf("Name() = %q", c.Name())
	}
}

// TestReviewsFixtures serves the two fixture pages in the documented shape
// and checks the requests and everything decoded.
func TestReviewsFixtures(t *testing.T) {
	t.Parallel()
	pages := map[string][]byte{
		"":                                     decodetest.Fixture(t, "googleplay-reviews-page1.json"),
		"ChsKFzE3NzMzOTYwMDAwMDAjZXhhbXBsZRAC": decodetest.Fixture(t, "googleplay-reviews-page2.json"),
	}
	var reqs []*http.Request
	srv := sourcestest.NewServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		reqs = append(reqs, r)
		body, ok := pages[r.URL.Query().Get("token")]
		if !ok || r.URL.Path != "/androidpublisher/v3/applications/"+pkg+"/reviews" {
			http.NotFound(w, r)
			return
		}
		w.Write(body)
	}))
	got, items, end := sourcestest.Collect(t, t.Context(), newClient(t, srv.URL), sources.Query{})
	if end != nil || len(items) != 0 {
		t.Fatalf("walk ended with %v, item errors %v", end, items)
	}
	var want []review.Review
	for _, f := range []string{"googleplay-reviews-page1.json", "googleplay-reviews-page2.json"} {
		for _, rv := range fixtureReviews[f] {
			rv.ProductID = pkg
			want = append(want, rv)
		}
	}
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
		if got := r.URL.Query().Get("maxResults"); got != "100" {
			t.Errorf("maxResults = %q, want 100 (the largest page)", got)
		}
		if strings.Contains(r.URL.RawQuery, secret) {
			t.Error("token in the URL")
		}
	}
}

func TestReviewsQuery(t *testing.T) {
	t.Parallel()
	rs := genReviews(120)
	srv := sourcestest.NewServer(t, sourcestest.NewGooglePlay(pkg, rs...))
	c := newClient(t, srv.URL)

	// Max and Since: see TestAdapter.
	// Another package is unknown here: ErrNotFound, not an empty walk.
	_, _, end := sourcestest.Collect(t, t.Context(), c, sources.Query{ProductID: "com.other.app"})
	if !errors.Is(end, sources.ErrNotFound) {
		t.Errorf("other package: %v, want ErrNotFound", end)
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
			fmt.Fprintf(w, `{"reviews":[{"reviewId":"only","comments":[{"userComment":{"text":"x","starRating":1,"lastModified":{"seconds":"1773309600"}}}]}],"tokenPagination":{"nextPageToken":%q}}`, tok)
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
	p := sourcestest.NewGooglePlay(pkg, rs...)
	srv := sourcestest.NewServer(t, p)
	c := newClient(t, srv.URL)
	ctx := t.Context()

	const text = "Ačiū! Thank you — we fixed the crash.  "
	if err := c.Reply(ctx, rs[1].ExternalID, text); err != nil {
		t.Fatal(err)
	}
	if err := c.Reply(ctx, rs[2].ID, "Second reply"); err != nil { // "googleplay:<id>" works too
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
	post := srv.Requests()[0]
	if post.Method != http.MethodPost || post.Path != "/androidpublisher/v3/applications/"+pkg+"/reviews/"+rs[1].ExternalID+":reply" {
		t.Fatalf("reply request = %s %s", post.Method, post.Path)
	}
	if want := `{"replyText":"Ačiū! Thank you — we fixed the crash.  "}`; string(post.Body) != want {
		t.Errorf("reply body = %s, want %s", post.Body, want)
	}
	if err := c.Reply(ctx, "unknown", "x"); !errors.Is(err, sources.ErrNotFound) {
		t.Errorf("reply to unknown review: %v, want ErrNotFound", err)
	}
}

func TestReplyCheckedBeforeSending(t *testing.T) {
	t.Parallel()
	srv := sourcestest.NewServer(t, sourcestest.NewGooglePlay(pkg, genReviews(1)...))
	c := newClient(t, srv.URL)
	long := strings.Repeat("ė", MaxReplyChars+1) // 351 characters
	err := c.Reply(t.Context(), "gp:rv00000", long)
	if !errors.Is(err, sources.ErrReplyTooLong) {
		t.Fatalf("err = %v, want ErrReplyTooLong", err)
	}
	if rt, ok := errors.AsType[*ReplyTooLongError](err); !ok || rt.Length != 351 || rt.Max != MaxReplyChars {
		t.Errorf("err = %#v", err)
	}
	if err := c.Reply(t.Context(), "gp:rv00000", ""); err == nil {
		t.Error("empty reply accepted")
	}
	if err := c.Reply(t.Context(), "a/b", "x"); err == nil {
		t.Error("review id with a slash accepted")
	}
	if n := len(srv.Requests()); n != 0 {
		t.Errorf("%d requests sent for replies that break the rules", n)
	}
	// 350 characters of two bytes each: within the limit.
	if err := c.Reply(t.Context(), "gp:rv00000", strings.Repeat("ė", MaxReplyChars)); err != nil {
		t.Errorf("reply of exactly %d characters: %v", MaxReplyChars, err)
	}
}
