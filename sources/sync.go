package sources

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/reputekit/repute/review"
)

// ChangeKind says whether a review is new or edited.
type ChangeKind uint8

const (
	// Added: a review not seen before.
	Added ChangeKind = iota + 1
	// Updated: a review seen before whose rating, text, status or reply
	// changed (see Fingerprint).
	Updated
)

// String returns "added" or "updated".
func (k ChangeKind) String() string {
	switch k {
	case Added:
		return "added"
	case Updated:
		return "updated"
	}
	return "ChangeKind(" + strconv.Itoa(int(k)) + ")"
}

// Change is a new or edited review found by Sync or Watch.
type Change struct {
	Kind   ChangeKind
	Review review.Review
	// Source is the checkpoint key of the source that yielded it.
	Source string
}

// Progress is the running tally of one source in a Sync.
type Progress struct {
	// Source is the checkpoint key: Name(), "#2"... for repeated names.
	Source string
	// Pages fetched and retries made (as the adapter reports them).
	Pages, Retries int
	// Reviews yielded by the walk, and of those: Added, Updated, Unchanged
	// (seen before, same fingerprint) and Duplicates (already yielded in
	// this Sync, by this source or another).
	Reviews, Added, Updated, Unchanged, Duplicates int
	// ItemErrors counts reviews that failed to decode.
	ItemErrors int
	// Done is set once the source's walk is over; Err says why it failed.
	Done bool
	Err  error
}

// SourceResult is how one source fared in a Sync.
type SourceResult struct {
	Progress
	// Checkpoint is the checkpoint as saved at the end.
	Checkpoint Checkpoint
	// ItemErrorList holds the first 100 per-item decode errors.
	ItemErrorList []error
}

// SyncResult reports a Sync, one entry per source in the order given.
type SyncResult struct {
	Sources []SourceResult
}

// Failed returns the sources whose walk ended with an error.
func (r *SyncResult) Failed() []SourceResult {
	var out []SourceResult
	for _, s := range r.Sources {
		if s.Err != nil {
			out = append(out, s)
		}
	}
	return out
}

// Totals sums the progress of every source (Source is empty).
func (r *SyncResult) Totals() Progress {
	var t Progress
	for _, s := range r.Sources {
		t.Pages += s.Pages
		t.Retries += s.Retries
		t.Reviews += s.Reviews
		t.Added += s.Added
		t.Updated += s.Updated
		t.Unchanged += s.Unchanged
		t.Duplicates += s.Duplicates
		t.ItemErrors += s.ItemErrors
	}
	return t
}

// SyncOptions configures Sync. The zero value walks every source in full,
// four at a time, persists nothing and reports nothing.
type SyncOptions struct {
	// Store keeps checkpoints between runs. nil: nothing is remembered,
	// so every review is new.
	Store CheckpointStore
	// Concurrency is the number of sources walked at once (default 4).
	Concurrency int
	// Query is the base query of every walk (Max, filters).
	Query Query
	// Incremental sets each walk's Query.Since to the source's checkpoint
	// HighWater minus Overlap (default one hour), so only recent reviews
	// are fetched. Platforms that filter by creation time then miss edits
	// of older reviews; a full walk (the default) sees them.
	Incremental bool
	Overlap     time.Duration
	// OnChange receives every new or edited review. A review counts as
	// reported (in the checkpoint) only when OnChange returns nil; an
	// error ends that source's walk. Never called concurrently.
	OnChange func(Change) error
	// OnProgress receives a source's tally after each page, retry and
	// change, and once with Done set. Never called concurrently (nor with
	// OnChange).
	OnProgress func(Progress)
}

// Sync walks the sources concurrently (errgroup, SetLimit), de-duplicates
// by review ID across walks and sources, reports new and edited reviews
// through OnChange and keeps a checkpoint per source. A failing source
// does not stop the others: its SourceResult carries the error, and Sync
// returns all such errors joined (nil when every source finished). A
// checkpoint is saved for every source, failed or not, so reported reviews
// are not reported again; only a walk that reached its end moves HighWater
// and LastSync.
func Sync(ctx context.Context, srcs []Source, opts SyncOptions) (*SyncResult, error) {
	s := &syncer{opts: opts, known: map[string]string{}, claimed: map[string]struct{}{}}
	if s.opts.Concurrency <= 0 {
		s.opts.Concurrency = 4
	}
	if s.opts.Overlap <= 0 {
		s.opts.Overlap = time.Hour
	}
	res := &SyncResult{Sources: make([]SourceResult, len(srcs))}
	keys := sourceKeys(srcs)
	cps := make([]Checkpoint, len(srcs))
	loadErr := make([]error, len(srcs))
	for i, k := range keys {
		cps[i] = Checkpoint{Source: k}
		if opts.Store != nil {
			cp, err := opts.Store.Load(ctx, k)
			if err != nil {
				loadErr[i] = fmt.Errorf("sources: sync %s: load checkpoint: %w", k, err)
				continue
			}
			cp.Source = k
			cps[i] = cp
		}
		for id, fp := range cps[i].Seen {
			s.known[id] = fp
		}
	}
	var g errgroup.Group
	g.SetLimit(s.opts.Concurrency)
	for i, src := range srcs {
		if loadErr[i] != nil {
			res.Sources[i] = SourceResult{Progress: Progress{Source: keys[i], Done: true, Err: loadErr[i]}}
			continue
		}
		g.Go(func() error {
			res.Sources[i] = s.one(ctx, src, cps[i])
			return nil
		})
	}
	g.Wait()
	var errs []error
	for _, r := range res.Sources {
		if r.Err != nil {
			errs = append(errs, r.Err)
		}
	}
	return res, errors.Join(errs...)
}

// sourceKeys names each source for its checkpoint: Name(), then Name()#2...
func sourceKeys(srcs []Source) []string {
	keys := make([]string, len(srcs))
	count := map[string]int{}
	for i, src := range srcs {
		n := src.Name()
		count[n]++
		keys[i] = n
		if c := count[n]; c > 1 {
			keys[i] = n + "#" + strconv.Itoa(c)
		}
	}
	return keys
}

type syncer struct {
	opts    SyncOptions
	mu      sync.Mutex
	known   map[string]string   // review ID → fingerprint, across sources
	claimed map[string]struct{} // review IDs yielded in this Sync
	cbMu    sync.Mutex          // serialises the callbacks
}

func (s *syncer) progress(p Progress) {
	if s.opts.OnProgress == nil {
		return
	}
	s.cbMu.Lock()
	defer s.cbMu.Unlock()
	s.opts.OnProgress(p)
}

func (s *syncer) one(ctx context.Context, src Source, cp Checkpoint) SourceResult {
	key := cp.Source
	r := SourceResult{Progress: Progress{Source: key}}
	var pmu sync.Mutex // guards r.Progress against observer events
	snapshot := func(f func(p *Progress)) {
		pmu.Lock()
		f(&r.Progress)
		p := r.Progress
		pmu.Unlock()
		s.progress(p)
	}
	wctx := WithObserver(ctx, func(ev Event) {
		switch ev.Kind {
		case EventPage:
			snapshot(func(p *Progress) { p.Pages++ })
		case EventRetry:
			snapshot(func(p *Progress) { p.Retries++ })
		}
	})
	q := s.opts.Query
	if s.opts.Incremental && !cp.HighWater.IsZero() {
		q.Since = cp.HighWater.Add(-s.opts.Overlap)
	}
	if cp.Seen == nil {
		cp.Seen = map[string]string{}
	}
	var high time.Time
	var fatal error
	for rv, err := range src.Reviews(wctx, q) {
		if err != nil {
			if IsItemError(err) {
				snapshot(func(p *Progress) { p.ItemErrors++ })
				if len(r.ItemErrorList) < 100 {
					r.ItemErrorList = append(r.ItemErrorList, err)
				}
				continue
			}
			fatal = err
			break
		}
		id := rv.ID
		if id == "" {
			id = review.Key(rv.Source, rv.ExternalID)
		}
		fp := Fingerprint(&rv)
		if t := Changed(&rv); t.After(high) {
			high = t
		}
		s.mu.Lock()
		_, dup := s.claimed[id]
		prev, known := s.known[id]
		if !dup {
			s.claimed[id] = struct{}{}
		}
		s.mu.Unlock()
		var kind ChangeKind
		switch {
		case dup:
			snapshot(func(p *Progress) { p.Reviews++; p.Duplicates++ })
			continue
		case !known:
			kind = Added
		case prev != fp:
			kind = Updated
		default:
			cp.Seen[id] = fp
			snapshot(func(p *Progress) { p.Reviews++; p.Unchanged++ })
			continue
		}
		if s.opts.OnChange != nil {
			s.cbMu.Lock()
			err := s.opts.OnChange(Change{Kind: kind, Review: rv, Source: key})
			s.cbMu.Unlock()
			if err != nil {
				fatal = err
				break
			}
		}
		s.mu.Lock()
		s.known[id] = fp
		s.mu.Unlock()
		cp.Seen[id] = fp
		snapshot(func(p *Progress) {
			p.Reviews++
			if kind == Added {
				p.Added++
			} else {
				p.Updated++
			}
		})
	}
	if fatal == nil {
		if err := ctx.Err(); err != nil {
			fatal = err
		}
	}
	if fatal == nil {
		cp.LastSync = time.Now().UTC()
		if high.After(cp.HighWater) {
			cp.HighWater = high.UTC()
		}
	}
	if s.opts.Store != nil {
		// Save even when the context is done: what was reported must not
		// be reported again.
		if err := s.opts.Store.Save(context.WithoutCancel(ctx), cp); err != nil && fatal == nil {
			fatal = fmt.Errorf("save checkpoint: %w", err)
		}
	}
	r.Checkpoint = cp
	pmu.Lock()
	r.Done = true
	if fatal != nil {
		r.Err = fmt.Errorf("sources: sync %s: %w", key, fatal)
	}
	p := r.Progress
	pmu.Unlock()
	s.progress(p)
	return r
}
