package sources

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"strconv"

	"github.com/reputekit/repute/review"
)

// PageFunc fetches the page named by cursor ("" = the first page). A
// returned error ends the walk; per-item decode failures go in Page.Errors.
type PageFunc func(ctx context.Context, cursor string) (Page, error)

// staleLimit is the number of consecutive non-empty pages without a single
// new review after which a walk gives up with ErrPaginationLoop.
const staleLimit = 3

// Walk turns a page fetcher into the iterator that Source.Reviews returns,
// with the guarantees of the Source contract:
//
//   - it starts at q.Cursor and follows Page.Next until it is "";
//   - each external id is yielded at most once (a review seen again on a
//     shifted page is dropped; so is a repeated bad item, and a bad copy
//     of a review that already arrived intact);
//   - reviews outside q.Since/q.Until are skipped (see Query) and the walk
//     ends after q.Max reviews;
//   - Page.Errors are yielded after the page's reviews and the walk goes on;
//     a fetch error is yielded once and ends it;
//   - a cursor seen twice, more than maxPages pages (0 = DefaultMaxPages),
//     or three pages in a row with nothing new end it with
//     ErrPaginationLoop;
//   - it stops as soon as yield returns false and checks ctx between pages.
//
// A review without ExternalID is yielded as a *DecodeError. Each page is
// reported to WithObserver as an EventPage.
func Walk(ctx context.Context, source string, q Query, maxPages int, fetch PageFunc) iter.Seq2[review.Review, error] {
	if maxPages <= 0 {
		maxPages = DefaultMaxPages
	}
	return func(yield func(review.Review, error) bool) {
		seen := make(map[string]struct{})
		badSeen := make(map[string]struct{})
		cursors := make(map[string]struct{})
		cursor := q.Cursor
		count, stale := 0, 0
		for pages := 0; ; pages++ {
			if err := ctx.Err(); err != nil {
				yield(review.Review{}, err)
				return
			}
			if pages >= maxPages {
				yield(review.Review{}, fmt.Errorf("%w: %s: more than %d pages", ErrPaginationLoop, source, maxPages))
				return
			}
			cursors[cursor] = struct{}{}
			pg, err := fetch(ctx, cursor)
			if err != nil {
				if cerr := ctx.Err(); cerr != nil && !errors.Is(err, cerr) {
					err = cerr
				}
				yield(review.Review{}, err)
				return
			}
			Observe(ctx, Event{Kind: EventPage, Source: source, Items: len(pg.Reviews) + len(pg.Errors)})
			fresh := 0
			for i := range pg.Reviews {
				rv := &pg.Reviews[i]
				if rv.ExternalID == "" {
					de := &DecodeError{Source: source, Page: pageLabel(cursor), Item: i, Err: errors.New("review without an id")}
					if !yield(review.Review{}, de) {
						return
					}
					continue
				}
				if _, dup := seen[rv.ExternalID]; dup {
					continue
				}
				seen[rv.ExternalID] = struct{}{}
				fresh++
				if !q.Match(rv) {
					continue
				}
				if !yield(*rv, nil) {
					return
				}
				count++
				if q.Max > 0 && count >= q.Max {
					return
				}
			}
			for _, de := range pg.Errors {
				if de.ExternalID != "" {
					// A bad copy of a review already read intact (an
					// overlapping or shifted page) says nothing new.
					if _, good := seen[de.ExternalID]; good {
						continue
					}
					if _, dup := badSeen[de.ExternalID]; dup {
						continue
					}
					badSeen[de.ExternalID] = struct{}{}
				}
				fresh++
				if !yield(review.Review{}, de) {
					return
				}
			}
			if pg.Next == "" {
				return
			}
			if len(pg.Reviews)+len(pg.Errors) > 0 && fresh == 0 {
				stale++
				if stale >= staleLimit {
					yield(review.Review{}, fmt.Errorf("%w: %s: %d pages in a row brought nothing new", ErrPaginationLoop, source, stale))
					return
				}
			} else {
				stale = 0
			}
			if _, again := cursors[pg.Next]; again {
				yield(review.Review{}, fmt.Errorf("%w: %s: cursor repeated", ErrPaginationLoop, source))
				return
			}
			cursor = pg.Next
		}
	}
}

// Walk is Walk with the Config's platform name and page cap.
func (c *Config) Walk(ctx context.Context, q Query, fetch PageFunc) iter.Seq2[review.Review, error] {
	return Walk(ctx, c.Platform, q, c.MaxPages, fetch)
}

func pageLabel(cursor string) string {
	if cursor == "" {
		return "first"
	}
	return cursor
}

// Match reports whether rv falls in the query's time window: changed (see
// Changed) at or after Since, and created before Until. Zero bounds are
// open. Filters other than time are the adapter's to apply.
func (q Query) Match(rv *review.Review) bool {
	if !q.Since.IsZero() && Changed(rv).Before(q.Since) {
		return false
	}
	if !q.Until.IsZero() && !rv.CreatedAt.Before(q.Until) {
		return false
	}
	return true
}

// DecodeItems decodes the raw items of one page one by one, so that a bad
// item becomes a *DecodeError in Page.Errors and the others still arrive.
// conv maps a decoded wire item to a review; DecodeItems then fills Source
// and ID (review.Key) when conv left them empty. idField names the wire
// field holding the item's id, read (string or number) to label errors.
func DecodeItems[T any](source, page string, raws []json.RawMessage, idField string, conv func(*T) (review.Review, error)) Page {
	pg := Page{Reviews: make([]review.Review, 0, len(raws))}
	for i, raw := range raws {
		var item T
		err := json.Unmarshal(raw, &item)
		var rv review.Review
		if err == nil {
			rv, err = conv(&item)
		}
		if err == nil && rv.ExternalID == "" {
			err = errors.New("review without an id")
		}
		if err != nil {
			pg.Errors = append(pg.Errors, &DecodeError{Source: source, ExternalID: ItemID(raw, idField), Page: page, Item: i, Err: err})
			continue
		}
		if rv.Source == "" {
			rv.Source = source
		}
		if rv.ID == "" {
			rv.ID = review.Key(rv.Source, rv.ExternalID)
		}
		pg.Reviews = append(pg.Reviews, rv)
	}
	return pg
}

// ItemID reads the string or number field named field of a JSON object,
// "" when it is missing or raw is not an object. It never fails.
func ItemID(raw json.RawMessage, field string) string {
	var m map[string]json.RawMessage
	if json.Unmarshal(raw, &m) != nil {
		return ""
	}
	v, ok := m[field]
	if !ok {
		return ""
	}
	var s string
	if json.Unmarshal(v, &s) == nil {
		return s
	}
	var n json.Number
	if json.Unmarshal(v, &n) == nil {
		if _, err := strconv.ParseFloat(n.String(), 64); err == nil {
			return n.String()
		}
	}
	return ""
}
