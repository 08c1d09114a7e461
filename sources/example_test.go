package sources_test

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/reputekit/repute/review"
	"github.com/reputekit/repute/sources"
	"github.com/reputekit/repute/sources/sourcestest"
)

func ExampleSync() {
	newest := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	shop := sourcestest.NewSource("shop", sourcestest.Generate("shop", 3, newest)...)
	app := sourcestest.NewSource("app", sourcestest.Generate("app", 2, newest)...)
	broken := sourcestest.NewSource("broken", sourcestest.Generate("broken", 2, newest)...)
	broken.FailPage(0, errors.New("503 for an hour"))

	store := &sources.MemoryStore{} // or sources.NewFileStore("checkpoints.json")
	opts := sources.SyncOptions{
		Store: store,
		OnChange: func(c sources.Change) error {
			fmt.Println(c.Kind, c.Review.ID)
			return nil
		},
		Concurrency: 1, // one at a time keeps this example's output in order
	}
	res, err := sources.Sync(context.Background(), []sources.Source{shop, app, broken}, opts)
	fmt.Println("failed:", len(res.Failed()), err)

	// Later: one review edited, one new. Only those are reported.
	shop.Edit("r1", func(rv *review.Review) { rv.Rating = 4 })
	app.InsertTop(review.Review{ExternalID: "r9", Rating: 5, CreatedAt: newest.Add(time.Hour)})
	res, _ = sources.Sync(context.Background(), []sources.Source{shop, app}, opts)
	t := res.Totals()
	fmt.Println("added", t.Added, "updated", t.Updated, "unchanged", t.Unchanged)
	// Output:
	// added shop:r2
	// added shop:r1
	// added shop:r0
	// added app:r1
	// added app:r0
	// failed: 1 sources: sync broken: 503 for an hour
	// updated shop:r1
	// added app:r9
	// added 1 updated 1 unchanged 4
}

func ExampleWatch() {
	newest := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	src := sourcestest.NewSource("shop", sourcestest.Generate("shop", 2, newest)...)
	ctx, cancel := context.WithCancel(context.Background())
	changes := sources.Watch(ctx, []sources.Source{src}, sources.WatchOptions{Interval: time.Minute})
	for range 2 {
		c := <-changes
		fmt.Println(c.Kind, c.Review.ID)
	}
	cancel()
	for range changes { // drained and closed once Watch has stopped
	}
	// Output:
	// added shop:r1
	// added shop:r0
}
