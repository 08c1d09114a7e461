package etsy

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
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
	shop   = "31415926"
	secret = "etsy-keystring-0123456789abcdef"
)

// auth returns the test credentials, then extra.
func auth(extra ...sources.Option) []sources.Option {
	return append([]sources.Option{sources.WithAPIKey(secret)}, extra...)
}

// fast are the options every test client gets: the credentials, no
// pacing, tiny backoff.
func fast(base string, extra ...sources.Option) []sources.Option {
	return sourcestest.Options(base, auth(extra...)...)
}

func newClient(t *testing.T, base string, extra ...sources.Option) *Client {
	t.Helper()
	c, err := New(shop, fast(base, extra...)...)
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
			ID: review.Key(Name, id), Source: Name, ExternalID: id, OrderID: id, ProductID: strconv.Itoa(1587654321 + i%7),
			Rating: float64(1 + i%5), Lang: "en", Verified: true,
			Body:      fmt.Sprintf("Review number %d — text as the customer wrote it. ", i),
			CreatedAt: base.Add(-time.Duration(i) * time.Hour),
		}
	}
	return rs
}

func genID(i int) string { return strconv.Itoa(4012345678 + i) }

// TestAdapter runs the checks every adapter shares (paging, faults,
// cancellation, leaks) against the Etsy fake, with Etsy's own faults: a
// daily quota and a broken copy of a review in the overlap.
func TestAdapter(t *testing.T) {
	tooMany := string(decodetest.Fixture(t, "etsy-429.json"))
	page2 := sourcestest.OnPath("/reviews", "offset", "95")
	sourcestest.TestAdapter(t, sourcestest.Harness{
		Name: Name,
		New: func(opts ...sources.Option) (sources.Source, error) {
			return New(shop, auth(opts...)...)
		},
		Serve: func(rs []review.Review) http.Handler {
			e := sourcestest.NewEtsy(shop, rs...)
			e.APIKey = secret
			return e
		},
		Reviews:    genReviews,
		PageSize:   MaxPageSize,
		Total:      250,
		Requests:   3, // offsets 0, 95, 190
		SecondPage: page2,
		Spoil:      "rating",
		Secrets:    []string{secret},
		ErrorBodies: map[int]string{
			http.StatusTooManyRequests: tooMany,
			http.StatusUnauthorized:    `{"error":"Invalid API key"}`,
		},
		Faults: []sourcestest.FaultCase{
			{Name: "malformed second copy of a review", Script: func(s *sourcestest.Server, _ http.Handler, _ []review.Review) {
				// Review 99 arrived intact on page 1; its copy in the
				// overlap of page 2 is broken: nothing to report.
				s.ScriptFor(page2, sourcestest.Fault{Mutate: func(b []byte) []byte { return sourcestest.SpoilReview(b, genID(99), "rating") }})
			}},
			{Name: "daily quota exhausted", Script: func(s *sourcestest.Server, _ http.Handler, _ []review.Review) {
				s.ScriptFor(page2, sourcestest.Fault{Status: 429, Header: http.Header{"X-Remaining-Today": {"0"}}, Body: tooMany})
			}, End: sources.ErrQuotaExhausted, Lost: 150},
		},
	})
}

func TestNewValidates(t *testing.T) {
	t.Parallel()
	for _, id := range []string{"", "a/b", "x?y"} {
		if _, err := New(id); !errors.Is(err, sources.ErrInvalidOption) {
			t.Errorf("New(%q) error = %v, want ErrInvalidOption", id, err)
		}
	}
	c, err := New(shop)
	if err != nil {
		t.Fatal(err)
	}
	if c.Name() != "etsy" {
		t.Errorf("Name() = %q", c.Name())
	}
}

func TestNextOffset(t *testing.T) {
	t.Parallel()
	tests := []struct {
		offset, n, limit, count int
		want                    string
	}{
		{0, 100, 100, 1000, "95"},
		{95, 100, 100, 1000, "190"},
		{950, 50, 100, 1000, ""},
		{0, 0, 100, 1000, ""},
		{0, 2, 2, 3, "1"},
		{0, 1, 1, 3, "1"}, // never backwards or in place
		{0, 100, 100, 0, "95"},
		{0, 40, 100, 0, ""},
	}
	for _, tt := range tests {
		if got := nextOffset(tt.offset, tt.n, tt.limit, tt.count); got != tt.want {
			t.Errorf("nextOffset(%d, %d, %d, %d) = %q, want %q", tt.offset, tt.n, tt.limit, tt.count, got, tt.want)
		}
	}
}

// TestReviewsFixtures serves the fixture pages (limit 2) and checks the
// requests and everything decoded. With the overlap the second request
// reads from offset 1, so it gets the last review of page 1 again and the
// one of page 2.
func TestReviewsFixtures(t *testing.T) {
	t.Parallel()
	var p1, p2 struct {
		Count   int               `json:"count"`
		Results []json.RawMessage `json:"results"`
	}
	if err := json.Unmarshal(decodetest.Fixture(t, "etsy-reviews-page1.json"), &p1); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(decodetest.Fixture(t, "etsy-reviews-page2.json"), &p2); err != nil {
		t.Fatal(err)
	}
	all := append(p1.Results, p2.Results...)
	var reqs []*http.Request
	srv := sourcestest.NewServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		reqs = append(reqs, r)
		if r.URL.Path != "/v3/application/shops/"+shop+"/reviews" {
			http.NotFound(w, r)
			return
		}
		off, _ := strconv.Atoi(r.URL.Query().Get("offset"))
		lim, _ := strconv.Atoi(r.URL.Query().Get("limit"))
		json.NewEncoder(w).Encode(map[string]any{"count": len(all), "results": all[off:min(len(all), off+lim)]})
	}))
	got, items, end := sourcestest.Collect(t, t.Context(), newClient(t, srv.URL, sources.WithPageSize(2)), sources.Query{})
	if end != nil || len(items) != 0 {
		t.Fatalf("walk ended with %v, item errors %v", end, items)
	}
	want := append(append([]review.Review(nil), fixtureReviews["etsy-reviews-page1.json"]...), fixtureReviews["etsy-reviews-page2.json"]...)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("reviews (-want +got):\n%s", diff)
	}
	var offsets []string
	for _, r := range reqs {
		offsets = append(offsets, r.URL.Query().Get("offset"))
		if got := r.Header.Get("x-api-key"); got != secret {
			t.Errorf("x-api-key = %q", got)
		}
		if r.Header.Get("Authorization") != "" {
			t.Error("Authorization sent without a token")
		}
		if strings.Contains(r.URL.RawQuery, secret) {
			t.Error("key in the URL")
		}
	}
	if diff := cmp.Diff([]string{"0", "1"}, offsets); diff != "" {
		t.Errorf("offsets (-want +got):\n%s", diff)
	}
}

func TestReviewsQuery(t *testing.T) {
	t.Parallel()
	rs := genReviews(120)
	srv := sourcestest.NewServer(t, sourcestest.NewEtsy(shop, rs...))
	c := newClient(t, srv.URL)

	// Since and Until become min_created and max_created.
	got, _, end := sourcestest.Collect(t, t.Context(), c, sources.Query{Since: rs[19].CreatedAt, Until: rs[9].CreatedAt})
	if end != nil {
		t.Fatal(end)
	}
	if diff := cmp.Diff(sourcestest.ExternalIDs(rs[10:20]), sourcestest.ExternalIDs(got)); diff != "" {
		t.Errorf("Since/Until (-want +got):\n%s", diff)
	}
	q := srv.Requests()[0].Query
	if q.Get("limit") != "100" {
		t.Errorf("limit = %q, want 100 (the largest page)", q.Get("limit"))
	}
	if q.Get("min_created") != strconv.FormatInt(rs[19].CreatedAt.Unix(), 10) || q.Get("max_created") != strconv.FormatInt(rs[9].CreatedAt.Unix(), 10) {
		t.Errorf("query = %v", q)
	}
	// ProductID reads one listing.
	got, _, end = sourcestest.Collect(t, t.Context(), c, sources.Query{ProductID: "1587654323"})
	if end != nil {
		t.Fatal(end)
	}
	var want []string
	for _, rv := range rs {
		if rv.ProductID == "1587654323" {
			want = append(want, rv.ExternalID)
		}
	}
	if diff := cmp.Diff(want, sourcestest.ExternalIDs(got)); diff != "" {
		t.Errorf("listing (-want +got):\n%s", diff)
	}
	// An unknown shop is ErrNotFound, not an empty walk.
	other, err := New("999", fast(srv.URL)...)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, end = sourcestest.Collect(t, t.Context(), other, sources.Query{}); !errors.Is(end, sources.ErrNotFound) {
		t.Errorf("unknown shop: %v, want ErrNotFound", end)
	}
}

// TestWithoutOverlapDeletionsHide shows why the overlap is there: the same
// deletions, read by plain offset paging, hide reviews.
func TestWithoutOverlapDeletionsHide(t *testing.T) {
	t.Parallel()
	rs := genReviews(250)
	e := sourcestest.NewEtsy(shop, rs...)
	srv := sourcestest.NewServer(t, e)
	c := newClient(t, srv.URL)
	ctx := t.Context()
	first, err := c.Page(ctx, sources.Query{})
	if err != nil {
		t.Fatal(err)
	}
	e.Remove(genID(3))
	e.Remove(genID(40))
	e.Remove(genID(77))
	plain, err := c.Page(ctx, sources.Query{Cursor: "100"})
	if err != nil {
		t.Fatal(err)
	}
	overlapped, err := c.Page(ctx, sources.Query{Cursor: first.Next})
	if err != nil {
		t.Fatal(err)
	}
	if plain.Reviews[0].ExternalID != genID(103) {
		t.Errorf("plain paging starts at %s; want %s (100–102 hidden)", plain.Reviews[0].ExternalID, genID(103))
	}
	found := map[string]bool{}
	for _, rv := range overlapped.Reviews {
		found[rv.ExternalID] = true
	}
	for _, i := range []int{100, 101, 102} {
		if !found[genID(i)] {
			t.Errorf("overlapped page misses %s", genID(i))
		}
	}
}

func TestEndlessPagesGuard(t *testing.T) {
	t.Parallel()
	// A server that claims a huge count and sends the same review on
	// every page.
	var n atomic.Int32
	srv := sourcestest.NewServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		fmt.Fprint(w, `{"count":1000000,"results":[{"transaction_id":1,"rating":1,"create_timestamp":1773100000},{"transaction_id":2,"rating":1,"create_timestamp":1773100000}]}`)
	}))
	got, _, end := sourcestest.Collect(t, t.Context(), newClient(t, srv.URL, sources.WithPageSize(2)), sources.Query{})
	if !errors.Is(end, sources.ErrPaginationLoop) {
		t.Errorf("end = %v, want ErrPaginationLoop", end)
	}
	if len(got) != 2 {
		t.Errorf("%d reviews, want 2", len(got))
	}
	if n.Load() > 10 {
		t.Errorf("%d requests before giving up", n.Load())
	}
}

func TestWrongKey(t *testing.T) {
	t.Parallel()
	e := sourcestest.NewEtsy(shop, genReviews(3)...)
	e.APIKey = "the-right-key"
	srv := sourcestest.NewServer(t, e)
	_, _, end := sourcestest.Collect(t, t.Context(), newClient(t, srv.URL), sources.Query{})
	if !errors.Is(end, sources.ErrUnauthorized) {
		t.Errorf("end = %v, want ErrUnauthorized", end)
	}
	if end != nil && strings.Contains(end.Error(), secret) {
		t.Errorf("error text carries the key: %v", end)
	}
}
