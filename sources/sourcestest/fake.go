package sourcestest

import (
	"context"
	"fmt"
	"iter"
	"strconv"
	"sync"
	"time"

	"github.com/reputekit/repute/review"
	"github.com/reputekit/repute/sources"
)

// entry is one item of a fake source: a review or an undecodable item.
type entry struct {
	rv  review.Review
	bad error
}

// Source is an in-memory sources.Source (also a sources.Pager and a
// sources.Replier) for tests that need no HTTP at all. Reviews are kept
// newest first and served in pages of PageSize. Errors can be scripted.
// Safe for concurrent use.
type Source struct {
	name string

	mu       sync.Mutex
	entries  []entry
	pageSize int
	failAt   map[int]error // page index → error, consumed once
	pages    int
	replies  map[string]string
}

var (
	_ sources.Source  = (*Source)(nil)
	_ sources.Pager   = (*Source)(nil)
	_ sources.Replier = (*Source)(nil)
)

// NewSource returns a fake source named name holding rs (newest first).
// Each review gets Source = name and ID = review.Key(name, ExternalID).
func NewSource(name string, rs ...review.Review) *Source {
	s := &Source{name: name, pageSize: 50, failAt: map[int]error{}, replies: map[string]string{}}
	s.Append(rs...)
	return s
}

// Name returns the source's name.
func (s *Source) Name() string { return s.name }

// SetPageSize sets the reviews per page (default 50; values < 1 mean 1).
func (s *Source) SetPageSize(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pageSize = max(1, n)
}

func (s *Source) own(rv review.Review) review.Review {
	rv.Source = s.name
	rv.ID = review.Key(s.name, rv.ExternalID)
	return rv
}

// Append adds reviews after the existing ones (older).
func (s *Source) Append(rs ...review.Review) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, rv := range rs {
		s.entries = append(s.entries, entry{rv: s.own(rv)})
	}
}

// InsertTop adds reviews before the existing ones (newer), shifting every
// page: what a platform does when reviews arrive during a walk.
func (s *Source) InsertTop(rs ...review.Review) {
	s.mu.Lock()
	defer s.mu.Unlock()
	add := make([]entry, 0, len(rs)+len(s.entries))
	for _, rv := range rs {
		add = append(add, entry{rv: s.own(rv)})
	}
	s.entries = append(add, s.entries...)
}

// AppendBad adds an item that fails to decode, with the given id.
func (s *Source) AppendBad(externalID string, cause error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.entries = append(s.entries, entry{rv: review.Review{ExternalID: externalID}, bad: cause})
}

// Edit changes the review with the given external id and reports whether
// it exists.
func (s *Source) Edit(externalID string, f func(*review.Review)) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := range s.entries {
		if s.entries[i].bad == nil && s.entries[i].rv.ExternalID == externalID {
			f(&s.entries[i].rv)
			s.entries[i].rv = s.own(s.entries[i].rv)
			return true
		}
	}
	return false
}

// FailPage makes the next fetch of page index page (0-based) fail with err,
// once.
func (s *Source) FailPage(page int, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failAt[page] = err
}

// Pages returns how many pages have been served.
func (s *Source) Pages() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.pages
}

// Replies returns the replies sent through Reply, by review id.
func (s *Source) Replies() map[string]string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[string]string, len(s.replies))
	for k, v := range s.replies {
		out[k] = v
	}
	return out
}

// Page returns the page that q.Cursor names (a 0-based page index).
func (s *Source) Page(ctx context.Context, q sources.Query) (sources.Page, error) {
	if err := ctx.Err(); err != nil {
		return sources.Page{}, err
	}
	idx := 0
	if q.Cursor != "" {
		n, err := strconv.Atoi(q.Cursor)
		if err != nil || n < 0 {
			return sources.Page{}, fmt.Errorf("sourcestest: bad cursor %q", q.Cursor)
		}
		idx = n
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err, ok := s.failAt[idx]; ok {
		delete(s.failAt, idx)
		return sources.Page{}, err
	}
	s.pages++
	var pg sources.Page
	lo := idx * s.pageSize
	hi := min(len(s.entries), lo+s.pageSize)
	for i := lo; i < hi; i++ {
		e := s.entries[i]
		if e.bad != nil {
			pg.Errors = append(pg.Errors, &sources.DecodeError{Source: s.name, ExternalID: e.rv.ExternalID, Page: strconv.Itoa(idx), Item: i - lo, Err: e.bad})
			continue
		}
		rv := e.rv
		if rv.Reply != nil {
			cp := *rv.Reply
			rv.Reply = &cp
		}
		pg.Reviews = append(pg.Reviews, rv)
	}
	if hi < len(s.entries) {
		pg.Next = strconv.Itoa(idx + 1)
	}
	return pg, nil
}

// Reviews returns a single-use iterator over the reviews, built with
// sources.Walk, so it keeps the Source contract (de-duplication, Query
// window, Max, per-item errors).
func (s *Source) Reviews(ctx context.Context, q sources.Query) iter.Seq2[review.Review, error] {
	return sources.Walk(ctx, s.name, q, 0, func(ctx context.Context, cursor string) (sources.Page, error) {
		qq := q
		qq.Cursor = cursor
		return s.Page(ctx, qq)
	})
}

// Reply stores body as the reply to the review with the given id.
func (s *Source) Reply(ctx context.Context, reviewID, body string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := range s.entries {
		if s.entries[i].bad == nil && s.entries[i].rv.ExternalID == reviewID {
			s.replies[reviewID] = body
			now := s.entries[i].rv.CreatedAt.Add(time.Hour)
			s.entries[i].rv.Reply = &review.Reply{Body: body, CreatedAt: now}
			return nil
		}
	}
	return fmt.Errorf("sourcestest: reply to %q: %w", reviewID, sources.ErrNotFound)
}

// Generate returns n invented reviews for source, newest first, one hour
// apart ending at newest, with ids "r<n-1>" … "r0" and ratings cycling 1–5.
func Generate(source string, n int, newest time.Time) []review.Review {
	out := make([]review.Review, n)
	for i := range out {
		k := n - 1 - i
		id := "r" + strconv.Itoa(k)
		out[i] = review.Review{
			ID: review.Key(source, id), Source: source, ExternalID: id,
			Author:    review.Author{Name: "Customer " + strconv.Itoa(k)},
			Rating:    float64(k%5 + 1),
			Title:     "Order " + strconv.Itoa(k),
			Body:      "Generated review number " + strconv.Itoa(k) + ".",
			Lang:      "en",
			CreatedAt: newest.Add(-time.Duration(i) * time.Hour).UTC(),
		}
	}
	return out
}
