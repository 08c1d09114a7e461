package sources_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"golang.org/x/time/rate"

	"github.com/reputekit/repute/review"
	"github.com/reputekit/repute/sources"
	"github.com/reputekit/repute/sources/sourcestest"
	"github.com/reputekit/repute/sources/trustpilot"
)

var t0 = time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)

// recorder collects changes.
type recorder struct {
	mu      sync.Mutex
	changes []string // "added fake:r1"
}

func (r *recorder) onChange(c sources.Change) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.changes = append(r.changes, c.Kind.String()+" "+c.Review.ID)
	return nil
}

func (r *recorder) sorted() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := slices.Clone(r.changes)
	sort.Strings(out)
	return out
}

func added(source string, from, to int) []string {
	var out []string
	for k := from; k < to; k++ {
		out = append(out, fmt.Sprintf("added %s:r%d", source, k))
	}
	return out
}

func sortedStrings(parts ...[]string) []string {
	var out []string
	for _, p := range parts {
		out = append(out, p...)
	}
	sort.Strings(out)
	return out
}

func TestSyncAddsUpdatesAndDeduplicates(t *testing.T) {
	sourcestest.CheckGoroutines(t)
	a := sourcestest.NewSource("alpha", sourcestest.Generate("alpha", 120, t0)...)
	b := sourcestest.NewSource("beta", sourcestest.Generate("beta", 80, t0)...)
	// A second "alpha" source that sees 50 of the same reviews (the public
	// and the private list of one account, say).
	a2 := sourcestest.NewSource("alpha", sourcestest.Generate("alpha", 50, t0)...)
	for _, s := range []*sourcestest.Source{a, b, a2} {
		s.SetPageSize(20)
	}
	store := &sources.MemoryStore{}
	var rec recorder
	res, err := sources.Sync(t.Context(), []sources.Source{a, b, a2}, sources.SyncOptions{Store: store, OnChange: rec.onChange, Concurrency: 2})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(sortedStrings(added("alpha", 0, 120), added("beta", 0, 80)), rec.sorted()); diff != "" {
		t.Errorf("first sync changes (-want +got)\n%s", diff)
	}
	tot := res.Totals()
	if got := [4]int{tot.Added, tot.Updated, tot.Duplicates, tot.Reviews}; got != [4]int{200, 0, 50, 250} {
		t.Errorf("first sync totals added/updated/dups/reviews = %v", got)
	}
	keys := []string{res.Sources[0].Source, res.Sources[1].Source, res.Sources[2].Source}
	if diff := cmp.Diff([]string{"alpha", "beta", "alpha#2"}, keys); diff != "" {
		t.Errorf("checkpoint keys (-want +got)\n%s", diff)
	}

	// Edits, a reply and new reviews; then sync again.
	a.Edit("r105", func(rv *review.Review) { rv.Body += " Edited." })
	a.Edit("r106", func(rv *review.Review) { rv.Rating = 1 })
	b.Edit("r7", func(rv *review.Review) { rv.Reply = &review.Reply{Body: "Sorry!", CreatedAt: t0} })
	b.Edit("r8", func(rv *review.Review) { rv.UpdatedAt = rv.CreatedAt.Add(time.Minute) }) // no visible change
	b.InsertTop(review.Review{ExternalID: "n1", CreatedAt: t0.Add(time.Hour), Rating: 5})
	rec = recorder{}
	res, err = sources.Sync(t.Context(), []sources.Source{a, b, a2}, sources.SyncOptions{Store: store, OnChange: rec.onChange})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"added beta:n1", "updated alpha:r105", "updated alpha:r106", "updated beta:r7"}
	if diff := cmp.Diff(want, rec.sorted()); diff != "" {
		t.Errorf("second sync changes (-want +got)\n%s", diff)
	}
	tot = res.Totals()
	if got := [4]int{tot.Added, tot.Updated, tot.Unchanged, tot.Duplicates}; got != [4]int{1, 3, 197, 50} {
		t.Errorf("second sync added/updated/unchanged/dups = %v", got)
	}
	// A third sync reports nothing.
	rec = recorder{}
	if _, err := sources.Sync(t.Context(), []sources.Source{a, b, a2}, sources.SyncOptions{Store: store, OnChange: rec.onChange}); err != nil || len(rec.changes) != 0 {
		t.Errorf("third sync: %v, %v; want nothing", rec.changes, err)
	}
}

func TestSyncFailingSourceDoesNotStopOthers(t *testing.T) {
	sourcestest.CheckGoroutines(t)
	boom := errors.New("platform exploded")
	a := sourcestest.NewSource("alpha", sourcestest.Generate("alpha", 60, t0)...)
	b := sourcestest.NewSource("beta", sourcestest.Generate("beta", 60, t0)...)
	c := sourcestest.NewSource("gamma", sourcestest.Generate("gamma", 60, t0)...)
	c.AppendBad("broken", errors.New("stars: five"))
	for _, s := range []*sourcestest.Source{a, b, c} {
		s.SetPageSize(20)
	}
	b.FailPage(1, boom) // page 0 (20 reviews) arrives, then the walk fails
	store := &sources.MemoryStore{}
	var rec recorder
	res, err := sources.Sync(t.Context(), []sources.Source{a, b, c}, sources.SyncOptions{Store: store, OnChange: rec.onChange})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want the failure joined", err)
	}
	failed := res.Failed()
	if len(failed) != 1 || failed[0].Source != "beta" || !errors.Is(failed[0].Err, boom) {
		t.Fatalf("failed = %+v, want beta with its error", failed)
	}
	got := []int{res.Sources[0].Added, res.Sources[1].Added, res.Sources[2].Added, res.Sources[2].ItemErrors}
	if diff := cmp.Diff([]int{60, 20, 60, 1}, got); diff != "" {
		t.Errorf("added per source and item errors (-want +got)\n%s", diff)
	}
	if cp, _ := store.Load(t.Context(), "beta"); len(cp.Seen) != 20 || !cp.LastSync.IsZero() || !cp.HighWater.IsZero() {
		t.Errorf("failed source checkpoint: %d seen, last sync %v, high water %v; want 20 and no progress marks", len(cp.Seen), cp.LastSync, cp.HighWater)
	}
	// The retry reports only what beta has not reported yet.
	rec = recorder{}
	if _, err := sources.Sync(t.Context(), []sources.Source{a, b, c}, sources.SyncOptions{Store: store, OnChange: rec.onChange}); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(added("beta", 0, 40), rec.sorted(), cmpopts.SortSlices(func(x, y string) bool { return x < y })); diff != "" {
		t.Errorf("retry changes (-want +got)\n%s", diff)
	}
}

func TestSyncProgressAndConcurrency(t *testing.T) {
	sourcestest.CheckGoroutines(t)
	var srcs []sources.Source
	for i := range 6 {
		s := sourcestest.NewSource(fmt.Sprintf("s%d", i), sourcestest.Generate(fmt.Sprintf("s%d", i), 45, t0)...)
		s.SetPageSize(10)
		srcs = append(srcs, &gated{Source: s})
	}
	var inCallback atomic.Int32
	last := map[string]sources.Progress{}
	var calls int
	opts := sources.SyncOptions{Concurrency: 2, OnProgress: func(p sources.Progress) {
		if inCallback.Add(1) != 1 {
			t.Error("OnProgress called concurrently")
		}
		calls++
		last[p.Source] = p
		inCallback.Add(-1)
	}}
	res, err := sources.Sync(t.Context(), srcs, opts)
	if err != nil {
		t.Fatal(err)
	}
	if maxActive.Load() > 2 {
		t.Errorf("%d walks at once, want at most 2", maxActive.Load())
	}
	for _, r := range res.Sources {
		want := sources.Progress{Source: r.Source, Pages: 5, Reviews: 45, Added: 45, Done: true}
		if diff := cmp.Diff(want, last[r.Source], cmpopts.EquateErrors()); diff != "" {
			t.Errorf("last progress of %s (-want +got)\n%s", r.Source, diff)
		}
		if diff := cmp.Diff(want, r.Progress, cmpopts.EquateErrors()); diff != "" {
			t.Errorf("result of %s (-want +got)\n%s", r.Source, diff)
		}
	}
	if calls < 6*(5+45+1) {
		t.Errorf("%d progress calls, want one per page, review and end", calls)
	}
}

var active, maxActive atomic.Int32

// gated counts walks in flight.
type gated struct{ *sourcestest.Source }

func (g *gated) Reviews(ctx context.Context, q sources.Query) iter.Seq2[review.Review, error] {
	return func(yield func(review.Review, error) bool) {
		n := active.Add(1)
		defer active.Add(-1)
		for {
			m := maxActive.Load()
			if n <= m || maxActive.CompareAndSwap(m, n) {
				break
			}
		}
		time.Sleep(time.Millisecond) // let other walks start if the limit allowed
		for rv, err := range g.Source.Reviews(ctx, q) {
			if !yield(rv, err) {
				return
			}
		}
	}
}

func TestSyncCountsRetriesOverHTTP(t *testing.T) {
	sourcestest.CheckGoroutines(t)
	items := sourcestest.NewItems(sourcestest.TrustpilotItems(120, t0)...)
	srv := sourcestest.NewServer(t, sourcestest.TrustpilotHandler("bu", items))
	srv.ScriptFor(sourcestest.OnPath("/reviews", "page", "2"), sourcestest.Times(2, sourcestest.Fault{Status: 503, RetryAfter: "0"})...)
	tr := &http.Transport{}
	t.Cleanup(tr.CloseIdleConnections)
	c, err := trustpilot.New("bu", sources.WithAPIKey("k"), sources.WithBaseURL(srv.URL),
		sources.WithHTTPClient(&http.Client{Transport: tr}), sources.WithRateLimit(rate.Inf, 0))
	if err != nil {
		t.Fatal(err)
	}
	res, err := sources.Sync(t.Context(), []sources.Source{c}, sources.SyncOptions{})
	if err != nil {
		t.Fatal(err)
	}
	p := res.Sources[0].Progress
	// Pages: 1, 2, then the head re-check of page 1.
	if got := [4]int{p.Pages, p.Retries, p.Added, p.Duplicates}; got != [4]int{3, 2, 120, 0} {
		t.Errorf("pages/retries/added/dups = %v, want [3 2 120 0]", got)
	}
}

func TestFileStore(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "checkpoints.json")
	st, err := sources.NewFileStore(path)
	if err != nil {
		t.Fatal(err)
	}
	cp := sources.Checkpoint{Source: "trustpilot", LastSync: t0, HighWater: t0.Add(-time.Hour), Seen: map[string]string{"trustpilot:a": "01", "trustpilot:b": "02"}}
	if err := st.Save(t.Context(), cp); err != nil {
		t.Fatal(err)
	}
	if err := st.Save(t.Context(), sources.Checkpoint{Source: "etsy"}); err != nil {
		t.Fatal(err)
	}
	cp.Seen["trustpilot:c"] = "03" // the store holds its own copy
	reopened, err := sources.NewFileStore(path)
	if err != nil {
		t.Fatal(err)
	}
	got, err := reopened.Load(t.Context(), "trustpilot")
	if err != nil {
		t.Fatal(err)
	}
	want := sources.Checkpoint{Source: "trustpilot", LastSync: t0, HighWater: t0.Add(-time.Hour), Seen: map[string]string{"trustpilot:a": "01", "trustpilot:b": "02"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
	if none, _ := reopened.Load(t.Context(), "yelp"); none.Source != "yelp" || none.Seen != nil {
		t.Errorf("unknown source: %+v", none)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("directory holds %d files, want only the store (no temp files left)", len(entries))
	}
	var doc map[string]any
	b, _ := os.ReadFile(path)
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Errorf("store file is not JSON: %v", err)
	}
	os.WriteFile(path, []byte("{half"), 0o600)
	if _, err := sources.NewFileStore(path); err == nil {
		t.Error("a corrupt store file was accepted")
	}
	// Saving into a directory that is gone fails and keeps the old state.
	gone := filepath.Join(dir, "gone", "cp.json")
	st2, _ := sources.NewFileStore(gone)
	if err := st2.Save(t.Context(), sources.Checkpoint{Source: "x"}); err == nil {
		t.Error("save into a missing directory succeeded")
	}
}

func TestSyncWithFileStoreResumes(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "cp.json")
	a := sourcestest.NewSource("alpha", sourcestest.Generate("alpha", 30, t0)...)
	st, _ := sources.NewFileStore(path)
	if _, err := sources.Sync(t.Context(), []sources.Source{a}, sources.SyncOptions{Store: st}); err != nil {
		t.Fatal(err)
	}
	a.InsertTop(review.Review{ExternalID: "new", CreatedAt: t0.Add(time.Hour), Rating: 3})
	st2, _ := sources.NewFileStore(path) // a restart
	var rec recorder
	if _, err := sources.Sync(t.Context(), []sources.Source{a}, sources.SyncOptions{Store: st2, OnChange: rec.onChange, Incremental: true}); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"added alpha:new"}, rec.sorted()); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
}

func TestWatch(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		a := sourcestest.NewSource("alpha", sourcestest.Generate("alpha", 10, t0)...)
		store := &sources.MemoryStore{}
		ctx, cancel := context.WithCancel(t.Context())
		var rounds atomic.Int32
		ch := sources.Watch(ctx, []sources.Source{a}, sources.WatchOptions{
			Sync: sources.SyncOptions{Store: store}, Interval: time.Minute,
			OnRound: func(*sources.SyncResult, error) { rounds.Add(1) },
		})
		var got []string
		for range 10 {
			c := recv(t, ch)
			got = append(got, c.Kind.String()+" "+c.Review.ID)
		}
		synctest.Wait()
		a.InsertTop(review.Review{ExternalID: "n1", CreatedAt: t0.Add(time.Hour), Rating: 4})
		a.Edit("r3", func(rv *review.Review) { rv.Body = "changed" })
		start := time.Now()
		for range 2 {
			c := recv(t, ch)
			got = append(got, c.Kind.String()+" "+c.Review.ID)
		}
		waited := time.Since(start)
		synctest.Wait() // let the round finish
		if waited < 54*time.Second || waited > 66*time.Second {
			t.Errorf("second round after %v, want the 1m interval ± 10%% jitter", waited)
		}
		cancel()
		if _, open := <-ch; open {
			t.Error("channel still open after cancel")
		}
		want := sortedStrings(added("alpha", 0, 10), []string{"added alpha:n1", "updated alpha:r3"})
		sort.Strings(got)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("(-want +got)\n%s", diff)
		}
		if rounds.Load() != 2 {
			t.Errorf("%d rounds, want 2", rounds.Load())
		}
	})
}

// A change the receiver never took is sent again after a restart; the ones
// it took are not.
func TestWatchResumesWithoutReemitting(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		a := sourcestest.NewSource("alpha", sourcestest.Generate("alpha", 10, t0)...)
		store := &sources.MemoryStore{}
		ctx, cancel := context.WithCancel(t.Context())
		ch := sources.Watch(ctx, []sources.Source{a}, sources.WatchOptions{Sync: sources.SyncOptions{Store: store}})
		var first []string
		for range 4 {
			first = append(first, recv(t, ch).Review.ID)
		}
		cancel()
		synctest.Wait() // the sender has seen the cancel before anyone drains
		for range ch {
			t.Error("change after cancel")
		}
		ctx2, cancel2 := context.WithCancel(t.Context())
		defer cancel2()
		ch2 := sources.Watch(ctx2, []sources.Source{a}, sources.WatchOptions{Sync: sources.SyncOptions{Store: store}})
		var second []string
		for range 6 {
			second = append(second, recv(t, ch2).Review.ID)
		}
		synctest.Wait()
		select {
		case c := <-ch2:
			t.Errorf("re-emitted %s", c.Review.ID)
		default:
		}
		all := append(first, second...)
		sort.Strings(all)
		var want []string
		for _, r := range sourcestest.Generate("alpha", 10, t0) {
			want = append(want, r.ID)
		}
		sort.Strings(want)
		if diff := cmp.Diff(want, all); diff != "" {
			t.Errorf("(-want +got)\n%s", diff)
		}
	})
}

// TestWatchNoGoroutineLeak runs Watch for real (no synctest bubble to catch
// strays) over an HTTP adapter and a fake source for a few rounds, cancels
// it and checks that every goroutine it started is gone once the channel
// is closed. (Not parallel: it counts goroutines.)
func TestWatchNoGoroutineLeak(t *testing.T) {
	sourcestest.CheckGoroutines(t)
	items := sourcestest.NewItems(sourcestest.TrustpilotItems(120, t0)...)
	srv := sourcestest.NewServer(t, sourcestest.TrustpilotHandler("bu", items))
	tr := &http.Transport{}
	t.Cleanup(tr.CloseIdleConnections)
	c, err := trustpilot.New("bu", sources.WithAPIKey("k"), sources.WithBaseURL(srv.URL),
		sources.WithHTTPClient(&http.Client{Transport: tr}), sources.WithRateLimit(rate.Inf, 0))
	if err != nil {
		t.Fatal(err)
	}
	fake := sourcestest.NewSource("alpha", sourcestest.Generate("alpha", 30, t0)...)
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	var rounds atomic.Int32
	ch := sources.Watch(ctx, []sources.Source{c, fake}, sources.WatchOptions{
		Interval: 5 * time.Millisecond, Jitter: -1,
		OnRound: func(*sources.SyncResult, error) { rounds.Add(1) },
	})
	for range 150 {
		<-ch
	}
	for rounds.Load() < 3 {
		time.Sleep(time.Millisecond)
	}
	cancel()
	for range ch { // closed only after Watch's goroutines have exited
	}
}

// recv takes one change from ch, failing the test when none comes within an
// hour of (synctest) time, rather than letting Watch poll forever.
func recv(t *testing.T, ch <-chan sources.Change) sources.Change {
	t.Helper()
	select {
	case c, ok := <-ch:
		if !ok {
			t.Fatal("channel closed early")
		}
		return c
	case <-time.After(time.Hour):
		t.Fatal("no change within an hour of polling")
	}
	return sources.Change{}
}

func TestFingerprint(t *testing.T) {
	t.Parallel()
	base := review.Review{ID: "x:1", Rating: 4, Title: "t", Body: "b", CreatedAt: t0}
	same := base
	same.UpdatedAt = t0.Add(time.Hour)
	same.Helpful = 9
	changes := []func(*review.Review){
		func(r *review.Review) { r.Rating = 3 },
		func(r *review.Review) { r.Body = "b2" },
		func(r *review.Review) { r.Title, r.Body = "tb", "" }, // no field-boundary confusion
		func(r *review.Review) { r.Status = review.Hidden },
		func(r *review.Review) { r.Reply = &review.Reply{Body: ""} },
		func(r *review.Review) { r.Reply = &review.Reply{Body: "hi"} },
	}
	if sources.Fingerprint(&base) != sources.Fingerprint(&same) {
		t.Error("an invisible change moved the fingerprint")
	}
	seen := map[string]int{sources.Fingerprint(&base): -1}
	for i, f := range changes {
		r := base
		f(&r)
		fp := sources.Fingerprint(&r)
		if j, dup := seen[fp]; dup {
			t.Errorf("change %d has the fingerprint of %d", i, j)
		}
		seen[fp] = i
	}
}
