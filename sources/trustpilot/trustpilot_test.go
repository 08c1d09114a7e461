package trustpilot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/time/rate"

	"github.com/reputekit/repute/review"
	"github.com/reputekit/repute/sources"
	"github.com/reputekit/repute/sources/sourcestest"
)

const (
	bu     = "5f1c0a9e8d3b2c0001a1b2c3"
	apiKey = "tp-KEY-0123456789"
	token  = "tp-TOKEN-abcdefgh"
)

func fixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "specs", "fixtures", name))
	if err != nil {
		t.Skipf("fixture %s not available (../shared/specs/fixtures): %v", name, err)
	}
	return b
}

// fixtureItems returns the raw reviews of a fixture page.
func fixtureItems(t testing.TB, name string) []json.RawMessage {
	var wp wirePage
	if err := json.Unmarshal(fixture(t, name), &wp); err != nil {
		t.Fatal(err)
	}
	return wp.Reviews
}

func TestDecodeFixtures(t *testing.T) {
	t.Parallel()
	pg, more, err := DecodePage(fixture(t, "trustpilot-reviews-page1.json"), "1", 3)
	if err != nil || !more || len(pg.Errors) != 0 || len(pg.Reviews) != 3 {
		t.Fatalf("page 1: %d reviews, %d errors, more=%v, err=%v; want 3, 0, true, nil", len(pg.Reviews), len(pg.Errors), more, err)
	}
	// Texts must arrive byte for byte: compare them with the raw fixture.
	var raw struct {
		Reviews []struct {
			Title, Text  string
			CompanyReply *struct{ Text string }
		}
	}
	json.Unmarshal(fixture(t, "trustpilot-reviews-page1.json"), &raw)
	for i, rv := range pg.Reviews {
		if rv.Title != raw.Reviews[i].Title || rv.Body != raw.Reviews[i].Text {
			t.Errorf("review %d text changed in transit", i)
		}
	}
	got := pg.Reviews[1]
	got.Title, got.Body = "", ""
	want := review.Review{
		ID: "trustpilot:66a1f0c2b7e4a10001d0e002", Source: "trustpilot", ExternalID: "66a1f0c2b7e4a10001d0e002",
		URL:    "https://www.trustpilot.com/reviews/66a1f0c2b7e4a10001d0e002",
		Author: review.Author{Name: "Дмитрий", ID: "5e0b7a1f3c2d4e0001aa0002", ReviewCount: 1},
		Rating: 2, Lang: "ru", Verified: false, Helpful: 2,
		CreatedAt: time.Date(2026, 3, 13, 18, 40, 2, 0, time.UTC),
		UpdatedAt: time.Date(2026, 3, 13, 19, 5, 10, 0, time.UTC),
		Reply: &review.Reply{Body: raw.Reviews[1].CompanyReply.Text, Author: "5d9c1e2f3a4b5c0001bb0001",
			CreatedAt: time.Date(2026, 3, 14, 8, 0, 0, 0, time.UTC)},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("review 2 (-want +got)\n%s", diff)
	}
	type brief struct {
		ID       string
		Stars    int
		Lang     string
		Verified bool
		Replied  bool
		Valid    bool
	}
	var briefs []brief
	pg2, more2, err := DecodePage(fixture(t, "trustpilot-reviews-page2.json"), "2", 3)
	if err != nil || more2 {
		t.Fatalf("page 2: more=%v err=%v; want the last page", more2, err)
	}
	for _, rv := range append(pg.Reviews, pg2.Reviews...) {
		briefs = append(briefs, brief{rv.ExternalID, rv.Stars(), rv.Lang, rv.Verified, rv.Answered(), rv.Validate() == nil})
	}
	wantBriefs := []brief{
		{"66a1f0c2b7e4a10001d0e001", 1, "lt", true, false, true},
		{"66a1f0c2b7e4a10001d0e002", 2, "ru", false, true, true},
		{"66a1f0c2b7e4a10001d0e003", 5, "en", true, false, true},
		{"66a1f0c2b7e4a10001d0e004", 3, "lt", true, true, true},
	}
	if diff := cmp.Diff(wantBriefs, briefs); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
}

func TestDecodePageErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		body     string
		reviews  int
		itemErrs []string // "item id"
		pageErr  bool
	}{
		{"html", "<html>502</html>", 0, nil, true},
		{"truncated", `{"reviews":[{"id":"a"`, 0, nil, true},
		{"empty", ``, 0, nil, true},
		{"stars as text", `{"reviews":[{"id":"a","stars":"five","createdAt":"2026-03-01T00:00:00Z"},{"id":"b","stars":4,"createdAt":"2026-03-01T00:00:00Z"}]}`, 1, []string{"0 a"}, false},
		{"stars out of range", `{"reviews":[{"id":"a","stars":6,"createdAt":"2026-03-01T00:00:00Z"}]}`, 0, []string{"0 a"}, false},
		{"bad time", `{"reviews":[{"id":"a","stars":3,"createdAt":"yesterday"}]}`, 0, []string{"0 a"}, false},
		{"no id", `{"reviews":[{"stars":3,"createdAt":"2026-03-01T00:00:00Z"}]}`, 0, []string{"0 "}, false},
		{"null stars is unrated", `{"reviews":[{"id":"a","stars":null,"createdAt":"2026-03-01T00:00:00.123Z"}]}`, 1, nil, false},
	}
	for _, tt := range tests {
		pg, _, err := DecodePage([]byte(tt.body), "1", 20)
		if tt.pageErr {
			de, ok := errors.AsType[*sources.DecodeError](err)
			if !ok || de.Item != -1 {
				t.Errorf("%s: err = %v, want a page DecodeError", tt.name, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		var errs []string
		for _, de := range pg.Errors {
			errs = append(errs, fmt.Sprintf("%d %s", de.Item, de.ExternalID))
		}
		if len(pg.Reviews) != tt.reviews || !cmp.Equal(tt.itemErrs, errs) {
			t.Errorf("%s: %d reviews, errors %v; want %d, %v", tt.name, len(pg.Reviews), errs, tt.reviews, tt.itemErrs)
		}
	}
}

// setup starts an in-process Trustpilot imitation with n generated reviews
// (or the fixture reviews when n < 0) and a client on it.
func setup(t *testing.T, n int, opts ...sources.Option) (*Client, *sourcestest.Server, *sourcestest.Items) {
	t.Helper()
	var items *sourcestest.Items
	if n < 0 {
		items = sourcestest.NewItems(append(fixtureItems(t, "trustpilot-reviews-page1.json"), fixtureItems(t, "trustpilot-reviews-page2.json")...)...)
	} else {
		items = sourcestest.NewItems(sourcestest.TrustpilotItems(n, time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC))...)
	}
	srv := sourcestest.NewLocal(sourcestest.TrustpilotHandler(bu, items))
	all := append([]sources.Option{
		sources.WithBaseURL(srv.URL), sources.WithHTTPClient(&http.Client{Transport: srv.Transport()}),
		sources.WithAPIKey(apiKey), sources.WithRateLimit(rate.Inf, 0),
	}, opts...)
	c, err := New(bu, all...)
	if err != nil {
		t.Fatal(err)
	}
	return c, srv, items
}

// walk collects a walk: ids in order, and the errors.
func walk(ctx context.Context, c *Client, q sources.Query) (ids []string, errs []error) {
	for rv, err := range c.Reviews(ctx, q) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		ids = append(ids, rv.ExternalID)
	}
	return ids, errs
}

func allIDs(n int) []string {
	ids := make([]string, n)
	for k := range ids {
		ids[k] = sourcestest.TrustpilotID(k)
	}
	return ids
}

func TestWalkFixturesToTheEnd(t *testing.T) {
	t.Parallel()
	c, srv, _ := setup(t, -1, sources.WithPageSize(3))
	ids, errs := walk(t.Context(), c, sources.Query{})
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	want := []string{"66a1f0c2b7e4a10001d0e001", "66a1f0c2b7e4a10001d0e002", "66a1f0c2b7e4a10001d0e003", "66a1f0c2b7e4a10001d0e004"}
	if diff := cmp.Diff(want, ids); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
	var got []string
	for _, r := range srv.Requests() {
		got = append(got, fmt.Sprintf("%s %s page=%s perPage=%s orderBy=%s apikey=%v", r.Method, r.Path,
			r.Query.Get("page"), r.Query.Get("perPage"), r.Query.Get("orderBy"), r.Header.Get("apikey") == apiKey))
		if r.Query.Has("apikey") {
			t.Error("API key sent in the URL")
		}
	}
	path := "/v1/business-units/" + bu + "/reviews"
	wantReqs := []string{
		"GET " + path + " page=1 perPage=3 orderBy=createdat.desc apikey=true",
		// Reviews 2 and 3: review 2 again, so that a deletion on page 1
		// cannot pull review 3 back across the boundary unseen.
		"GET " + path + " page=2 perPage=2 orderBy=createdat.desc apikey=true",
		"GET " + path + " page=1 perPage=3 orderBy=createdat.desc apikey=true", // head re-check
	}
	if diff := cmp.Diff(wantReqs, got); diff != "" {
		t.Errorf("requests (-want +got)\n%s", diff)
	}
}

func refresher() func(context.Context, string) (string, error) {
	var mu sync.Mutex
	cur := token
	return func(_ context.Context, stale string) (string, error) {
		mu.Lock()
		defer mu.Unlock()
		if stale != "" {
			cur = token + "-2"
		}
		return cur, nil
	}
}

func TestOldestFirstAndMax(t *testing.T) {
	t.Parallel()
	c, srv, _ := setup(t, 60, WithOrder(OldestFirst), sources.WithPageSize(20))
	ids, errs := walk(t.Context(), c, sources.Query{Max: 25})
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	if diff := cmp.Diff(allIDs(25), ids); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
	// Reviews 0–19, then 15–29 (page 2 of 15), where the walk reaches 25.
	if srv.Count() != 2 {
		t.Errorf("%d requests, want 2", srv.Count())
	}
}

func TestSinceUntilSentInUTC(t *testing.T) {
	t.Parallel()
	c, srv, _ := setup(t, 5)
	vilnius := time.FixedZone("EET", 2*3600)
	since := time.Date(2026, 2, 28, 22, 0, 0, 0, vilnius)
	walk(t.Context(), c, sources.Query{Since: since, Until: since.Add(48 * time.Hour)})
	q := srv.Requests()[0].Query
	if got := q.Get("startDateTime") + " " + q.Get("endDateTime"); got != "2026-02-28T20:00:00 2026-03-02T20:00:00" {
		t.Errorf("window sent as %q", got)
	}
}

func TestUnknownBusinessUnitIsNotFound(t *testing.T) {
	t.Parallel()
	c, _, _ := setup(t, 5)
	c.bu = "000000000000000000000000"
	_, errs := walk(t.Context(), c, sources.Query{})
	if len(errs) != 1 || !errors.Is(errs[0], sources.ErrNotFound) {
		t.Errorf("errors %v, want one ErrNotFound", errs)
	}
}

func TestReplyRoundTrip(t *testing.T) {
	t.Parallel()
	c, srv, _ := setup(t, 3, sources.WithToken(token), WithAuthorID("5d9c1e2f3a4b5c0001bb0001"))
	id := sourcestest.TrustpilotID(1)
	if err := c.Reply(t.Context(), id, "Thank you, Marta!"); err != nil {
		t.Fatal(err)
	}
	replies := func() map[string]string {
		m := map[string]string{}
		for rv, err := range c.Reviews(t.Context(), sources.Query{}) {
			if err != nil {
				t.Fatal(err)
			}
			if rv.Reply != nil {
				m[rv.ExternalID] = rv.Reply.Author + ": " + rv.Reply.Body
			}
		}
		return m
	}
	if diff := cmp.Diff(map[string]string{id: "5d9c1e2f3a4b5c0001bb0001: Thank you, Marta!"}, replies()); diff != "" {
		t.Errorf("after Reply (-want +got)\n%s", diff)
	}
	reqs := srv.Requests()
	var body map[string]string
	json.Unmarshal(reqs[0].Body, &body)
	if reqs[0].Method != "POST" || reqs[0].Path != "/v1/private/reviews/"+id+"/reply" || body["message"] != "Thank you, Marta!" ||
		reqs[0].Header.Get("Authorization") != "Bearer "+token {
		t.Errorf("reply request = %s %s %v", reqs[0].Method, reqs[0].Path, body)
	}
	if err := c.DeleteReply(t.Context(), id); err != nil {
		t.Fatal(err)
	}
	if got := replies(); len(got) != 0 {
		t.Errorf("after DeleteReply: %v", got)
	}
	if err := c.Reply(t.Context(), "nope", "x"); !errors.Is(err, sources.ErrNotFound) {
		t.Errorf("reply to unknown review: %v", err)
	}
	// A POST is not retried: a 503 is the caller's to handle.
	srv.Script(sourcestest.Fault{Status: 503})
	before := srv.Count()
	if err := c.Reply(t.Context(), id, "again"); err == nil || srv.Count()-before != 1 {
		t.Errorf("POST after 503: err=%v after %d requests, want an error after 1", err, srv.Count()-before)
	}
	noAuthor, _, _ := setup(t, 1, sources.WithToken(token))
	if err := noAuthor.Reply(t.Context(), id, "x"); !errors.Is(err, sources.ErrInvalidOption) {
		t.Errorf("reply without author id: %v", err)
	}
}

func TestNewValidates(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		id   string
		opts []sources.Option
	}{
		{"empty id", "", []sources.Option{sources.WithAPIKey("k")}},
		{"no credentials", bu, nil},
		{"private without token", bu, []sources.Option{sources.WithAPIKey("k"), WithPrivate()}},
		{"bad order", bu, []sources.Option{sources.WithAPIKey("k"), WithOrder("stars.asc")}},
		{"empty author", bu, []sources.Option{sources.WithAPIKey("k"), WithAuthorID("")}},
		{"bad base url", bu, []sources.Option{sources.WithAPIKey("k"), sources.WithBaseURL("api.trustpilot.com")}},
	}
	for _, tt := range tests {
		if _, err := New(tt.id, tt.opts...); err == nil || !strings.HasPrefix(err.Error(), "trustpilot: ") {
			t.Errorf("%s: err = %v, want a trustpilot error", tt.name, err)
		}
	}
}

func FuzzDecodePage(f *testing.F) {
	for _, name := range []string{"trustpilot-reviews-page1.json", "trustpilot-reviews-page2.json"} {
		if b, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "specs", "fixtures", name)); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(`{"links":[{"rel":"next-page"}],"reviews":[{"id":"a","stars":"five"},{"id":"b","stars":3,"createdAt":"2026-01-01T00:00:00Z"}]}`))
	f.Add([]byte(`{"reviews":[null, 1, "x", {"id": 5}]}`))
	f.Add([]byte(`<html>`))
	f.Fuzz(func(t *testing.T, body []byte) {
		pg, _, err := DecodePage(body, "1", 20)
		if err != nil {
			if de, ok := errors.AsType[*sources.DecodeError](err); !ok || de.Item != -1 {
				t.Fatalf("page error %v is not a page DecodeError", err)
			}
			return
		}
		for _, rv := range pg.Reviews {
			if rv.ExternalID == "" || rv.ID != review.Key(Platform, rv.ExternalID) || rv.Source != Platform {
				t.Fatalf("bad identity %+v", rv)
			}
			if rv.Rating != 0 && (rv.Rating < 1 || rv.Rating > 5) {
				t.Fatalf("rating %v", rv.Rating)
			}
			if rv.CreatedAt.IsZero() {
				t.Fatal("review without creation time")
			}
		}
		for _, de := range pg.Errors {
			if de.Item < 0 || de.Source != Platform {
				t.Fatalf("bad item error %+v", de)
			}
		}
	})
}

func BenchmarkDecodePage100(b *testing.B) {
	items := sourcestest.TrustpilotItems(100, time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC))
	body, _ := json.Marshal(map[string]any{"links": []any{}, "reviews": items})
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		pg, _, err := DecodePage(body, "1", 100)
		if err != nil || len(pg.Reviews) != 100 {
			b.Fatal(err)
		}
	}
	// After the loop: b.Loop's first call resets the timer, which clears
	// metrics reported before it.
	b.ReportMetric(testing.AllocsPerRun(10, func() { DecodePage(body, "1", 100) })/100, "allocs/review")
}
