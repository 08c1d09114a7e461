package trustpilot

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/reputekit/repute/review"
	"github.com/reputekit/repute/sources"
	"github.com/reputekit/repute/sources/sourcestest"
)

// fake is the Trustpilot handler over raw items, with the Prepend and
// Remove that TestAdapter uses to change the list mid-walk.
type fake struct {
	http.Handler
	items *sourcestest.Items
}

// item returns rv in Trustpilot's wire shape; items are made once (the
// harness serves the same reviews often, and encoding is much of its work).
func item(rv review.Review) json.RawMessage {
	key := fmt.Sprint(rv.ExternalID, rv.Rating, rv.CreatedAt.UnixNano(), rv.Title, rv.Body, rv.Lang)
	if raw, ok := wireItems.Load(key); ok {
		return raw.(json.RawMessage)
	}
	raw := sourcestest.TrustpilotItem(rv.ExternalID, int(rv.Rating), rv.CreatedAt, rv.Title, rv.Body, rv.Lang)
	wireItems.Store(key, raw)
	return raw
}

var wireItems sync.Map // key → json.RawMessage

func serve(rs []review.Review) http.Handler {
	items := sourcestest.NewItems()
	for _, rv := range rs {
		items.Append(item(rv))
	}
	return fake{sourcestest.TrustpilotHandler(bu, items), items}
}

func (f fake) Prepend(rv review.Review) { f.items.InsertTop(item(rv)) }

func (f fake) Remove(id string) {
	for i, raw := range f.items.All() {
		var w struct{ ID string }
		if json.Unmarshal(raw, &w) == nil && w.ID == id {
			f.items.Remove(i)
			return
		}
	}
}

// invent returns n reviews as the adapter decodes TrustpilotItems(n):
// review i has id TrustpilotID(n-1-i). Lists are made once per n (the
// harness asks for the same ones often, and decoding is most of its work).
func invent(n int) []review.Review {
	invented.Lock()
	defer invented.Unlock()
	rs, ok := invented.m[n]
	if !ok {
		items := sourcestest.TrustpilotItems(n, time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC))
		body, _ := json.Marshal(map[string]any{"reviews": items})
		pg, _, err := DecodePage(body, "1", n)
		if err != nil || len(pg.Errors) != 0 || len(pg.Reviews) != n {
			panic("trustpilot: invented reviews do not decode")
		}
		rs = pg.Reviews
		invented.m[n] = rs
	}
	return append([]review.Review(nil), rs...)
}

var invented = struct {
	sync.Mutex
	m map[int][]review.Review
}{m: map[int][]review.Review{}}

func TestAdapter(t *testing.T) {
	sourcestest.TestAdapter(t, harness(false))
}

// TestAdapterPrivate runs the same checks on the private list, read with a
// bearer token, and refreshes a token that expires mid-walk.
func TestAdapterPrivate(t *testing.T) {
	sourcestest.TestAdapter(t, harness(true))
}

func harness(private bool) sourcestest.Harness {
	const n = 250
	page2 := sourcestest.OnPath("/reviews", "page", "2")
	own := []sources.Option{sources.WithAPIKey(apiKey)}
	if private {
		own = append(own, WithPrivate(), sources.WithToken(token))
	}
	h := sourcestest.Harness{
		Name: Platform,
		New: func(opts ...sources.Option) (sources.Source, error) {
			return New(bu, append(own, opts...)...)
		},
		Serve:      serve,
		Reviews:    invent,
		PageSize:   MaxPageSize,
		Total:      n,
		Requests:   4, // pages 1, 2 and 3, and page 1 again for reviews that arrived meanwhile
		SecondPage: page2,
		Spoil:      "stars",
		Secrets:    []string{apiKey, token},
		Bearer:     private,
		Faults: []sourcestest.FaultCase{
			{Name: "inserted at the top, caught by the head re-check", Script: func(s *sourcestest.Server, p http.Handler, _ []review.Review) {
				newest := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
				s.ScriptFor(page2, sourcestest.Fault{Before: func() {
					p.(fake).items.InsertTop(
						sourcestest.TrustpilotItem("ffffffffffffffffffff0001", 5, newest, "New", "Arrived during the walk.", "en"),
						sourcestest.TrustpilotItem("ffffffffffffffffffff0002", 4, newest.Add(time.Minute), "New", "Also new.", "en"))
				}})
			}, Extra: []string{"ffffffffffffffffffff0001", "ffffffffffffffffffff0002"}},
			{Name: "deleted from page 2 before page 3", Script: func(s *sourcestest.Server, p http.Handler, rs []review.Review) {
				// The list shifts up by three, which the overlap of page 3
				// re-reads. (Deletions on page 1 are caught by the re-read
				// from the head at the end; these would not be.)
				s.ScriptFor(sourcestest.OnPath("/reviews", "page", "3"), sourcestest.Fault{Before: func() {
					for _, i := range []int{150, 120, 110} {
						p.(fake).Remove(rs[i].ExternalID)
					}
				}})
			}},
			{Name: "malformed review in the list", Script: func(_ *sourcestest.Server, p http.Handler, _ []review.Review) {
				items := p.(fake).items
				items.Set(150, sourcestest.SetJSONField(items.All()[150], "stars", "five"))
			}, Bad: []string{sourcestest.TrustpilotID(99)}, Check: func(t *testing.T, _ []review.Review, items []*sources.DecodeError, _ error) {
				// Page 2 holds reviews 95–189 (perPage 95).
				if len(items) != 1 || items[0].Page != "2" || items[0].Item != 55 {
					t.Errorf("item errors %v, want one for item 55 of page 2", items)
				}
			}},
		},
	}
	if private {
		h.Faults = append(h.Faults, sourcestest.FaultCase{
			Name:    "token expired mid-walk and refreshed",
			Options: []sources.Option{sources.WithTokenFunc(refresher())},
			Script: func(s *sourcestest.Server, _ http.Handler, _ []review.Review) {
				s.AcceptTokens(token, token+"-2")
				s.ScriptFor(page2, sourcestest.Fault{Before: func() { s.ExpireToken(token) }})
			},
		}, sourcestest.FaultCase{
			Name: "token expired mid-walk",
			Script: func(s *sourcestest.Server, _ http.Handler, _ []review.Review) {
				s.AcceptTokens(token)
				s.ScriptFor(page2, sourcestest.Fault{Before: func() { s.ExpireToken(token) }})
			},
			End: sources.ErrUnauthorized, Lost: n - MaxPageSize,
		})
	}
	return h
}
