package sources

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/reputekit/repute/review"
)

func rv(id string, created time.Time) review.Review {
	return review.Review{ID: review.Key("p", id), Source: "p", ExternalID: id, CreatedAt: created}
}

// pages serves fixed pages by index ("" = 0).
func pages(ps ...Page) PageFunc {
	return func(ctx context.Context, cursor string) (Page, error) {
		i := 0
		if cursor != "" {
			i, _ = strconv.Atoi(cursor)
		}
		if i >= len(ps) {
			return Page{}, fmt.Errorf("no page %d", i)
		}
		return ps[i], nil
	}
}

type item struct {
	ID  string
	Err string
}

func collect(seq func(func(review.Review, error) bool)) []item {
	var out []item
	for r, err := range seq {
		if err != nil {
			out = append(out, item{Err: err.Error()})
			continue
		}
		out = append(out, item{ID: r.ExternalID})
	}
	return out
}

func TestWalk(t *testing.T) {
	t.Parallel()
	t0 := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	a, b, c, d := rv("a", t0), rv("b", t0.Add(-time.Hour)), rv("c", t0.Add(-2*time.Hour)), rv("d", t0.Add(-3*time.Hour))
	bad := &DecodeError{Source: "p", ExternalID: "x", Page: "1", Item: 1, Err: errors.New("bad")}
	tests := []struct {
		name  string
		q     Query
		fetch PageFunc
		want  []item
	}{
		{"pages to the end", Query{}, pages(Page{Reviews: []review.Review{a, b}, Next: "1"}, Page{Reviews: []review.Review{c}}),
			[]item{{ID: "a"}, {ID: "b"}, {ID: "c"}}},
		{"shifted page de-duplicated", Query{}, pages(Page{Reviews: []review.Review{a, b}, Next: "1"}, Page{Reviews: []review.Review{b, c}, Next: "2"}, Page{Reviews: []review.Review{d}}),
			[]item{{ID: "a"}, {ID: "b"}, {ID: "c"}, {ID: "d"}}},
		{"bad item does not stop the walk", Query{}, pages(Page{Reviews: []review.Review{a}, Next: "1"}, Page{Reviews: []review.Review{b, c}, Errors: []*DecodeError{bad}, Next: "2"}, Page{Reviews: []review.Review{d}, Errors: []*DecodeError{bad}}),
			[]item{{ID: "a"}, {ID: "b"}, {ID: "c"}, {Err: bad.Error()}, {ID: "d"}}},
		{"bad copy of a review already read", Query{}, pages(Page{Reviews: []review.Review{a, b}, Next: "1"}, Page{Reviews: []review.Review{c}, Errors: []*DecodeError{{Source: "p", ExternalID: "b", Page: "1", Item: 0, Err: errors.New("bad")}}}),
			[]item{{ID: "a"}, {ID: "b"}, {ID: "c"}}},
		{"fetch error ends the walk", Query{}, pages(Page{Reviews: []review.Review{a}, Next: "9"}),
			[]item{{ID: "a"}, {Err: "no page 9"}}},
		{"max", Query{Max: 2}, pages(Page{Reviews: []review.Review{a, b}, Next: "1"}, Page{Reviews: []review.Review{c}}),
			[]item{{ID: "a"}, {ID: "b"}}},
		{"since and until", Query{Since: t0.Add(-90 * time.Minute), Until: t0}, pages(Page{Reviews: []review.Review{a, b}, Next: "1"}, Page{Reviews: []review.Review{c, d}}),
			[]item{{ID: "b"}}},
		{"resume at cursor", Query{Cursor: "1"}, pages(Page{Reviews: []review.Review{a}, Next: "1"}, Page{Reviews: []review.Review{c}}),
			[]item{{ID: "c"}}},
		{"repeated cursor", Query{}, pages(Page{Reviews: []review.Review{a}, Next: "1"}, Page{Reviews: []review.Review{b}, Next: "1"}),
			[]item{{ID: "a"}, {ID: "b"}, {Err: "sources: pagination loop: p: cursor repeated"}}},
		{"review without id", Query{}, pages(Page{Reviews: []review.Review{{Source: "p"}, a}}),
			[]item{{Err: "sources: p: decode page first item 0: review without an id"}, {ID: "a"}}},
	}
	for _, tt := range tests {
		got := collect(Walk(t.Context(), "p", tt.q, 0, tt.fetch))
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s (-want +got)\n%s", tt.name, diff)
		}
	}
}

func TestWalkGuardsEndlessPaging(t *testing.T) {
	t.Parallel()
	t0 := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	// A platform that always returns the same review with a new token.
	n := 0
	same := func(ctx context.Context, cursor string) (Page, error) {
		n++
		return Page{Reviews: []review.Review{rv("a", t0)}, Next: "t" + strconv.Itoa(n)}, nil
	}
	got := collect(Walk(t.Context(), "p", Query{}, 0, same))
	want := []item{{ID: "a"}, {Err: "sources: pagination loop: p: 3 pages in a row brought nothing new"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
	// Endless distinct reviews: the page cap ends it.
	m := 0
	endless := func(ctx context.Context, cursor string) (Page, error) {
		m++
		return Page{Reviews: []review.Review{rv(strconv.Itoa(m), t0)}, Next: strconv.Itoa(m)}, nil
	}
	var last error
	count := 0
	for _, err := range Walk(t.Context(), "p", Query{}, 5, endless) {
		if err != nil {
			last = err
		} else {
			count++
		}
	}
	if count != 5 || !errors.Is(last, ErrPaginationLoop) {
		t.Errorf("got %d reviews and %v, want 5 and ErrPaginationLoop", count, last)
	}
}

func TestWalkStopsOnBreakAndCancel(t *testing.T) {
	t.Parallel()
	t0 := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	calls := 0
	fetch := func(ctx context.Context, cursor string) (Page, error) {
		calls++
		return Page{Reviews: []review.Review{rv("a"+cursor, t0), rv("b"+cursor, t0)}, Next: cursor + "x"}, nil
	}
	for range Walk(t.Context(), "p", Query{}, 0, fetch) {
		break
	}
	if calls != 1 {
		t.Errorf("%d fetches after break, want 1", calls)
	}
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	got := 0
	var last error
	for _, err := range Walk(ctx, "p", Query{}, 0, fetch) {
		if err != nil {
			last = err
			continue
		}
		got++
		cancel()
	}
	if got != 2 || !errors.Is(last, context.Canceled) {
		t.Errorf("got %d reviews then %v, want the page's 2 then context.Canceled", got, last)
	}
}

func TestWalkObservesPages(t *testing.T) {
	t.Parallel()
	t0 := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	var evs []Event
	ctx := WithObserver(t.Context(), func(ev Event) { evs = append(evs, ev) })
	for range Walk(ctx, "p", Query{}, 0, pages(Page{Reviews: []review.Review{rv("a", t0), rv("b", t0)}, Next: "1"}, Page{Reviews: []review.Review{rv("c", t0)}})) {
	}
	want := []Event{{Kind: EventPage, Source: "p", Items: 2}, {Kind: EventPage, Source: "p", Items: 1}}
	if diff := cmp.Diff(want, evs); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
}

func TestDecodeItems(t *testing.T) {
	t.Parallel()
	type wire struct {
		ID    string `json:"id"`
		Stars int    `json:"stars"`
	}
	conv := func(w *wire) (review.Review, error) {
		if w.Stars < 1 || w.Stars > 5 {
			return review.Review{}, fmt.Errorf("stars %d", w.Stars)
		}
		return review.Review{ExternalID: w.ID, Rating: float64(w.Stars)}, nil
	}
	raws := []json.RawMessage{
		json.RawMessage(`{"id":"a","stars":5}`),
		json.RawMessage(`{"id":"b","stars":"five"}`),
		json.RawMessage(`{"id":"c","stars":9}`),
		json.RawMessage(`{"id":7,"stars":1}`),
		json.RawMessage(`[]`),
		json.RawMessage(`{"stars":2}`),
	}
	pg := DecodeItems("p", "3", raws, "id", conv)
	var ids []string
	for _, r := range pg.Reviews {
		ids = append(ids, r.ID)
	}
	if diff := cmp.Diff([]string{"p:a"}, ids); diff != "" {
		t.Errorf("reviews (-want +got)\n%s", diff)
	}
	var errs []string
	for _, de := range pg.Errors {
		errs = append(errs, fmt.Sprintf("%d %s", de.Item, de.ExternalID))
	}
	if diff := cmp.Diff([]string{"1 b", "2 c", "3 7", "4 ", "5 "}, errs); diff != "" {
		t.Errorf("errors (-want +got)\n%s", diff)
	}
}
