package sources

import (
	"context"
	"math/rand/v2"
	"time"
)

// WatchOptions configures Watch.
type WatchOptions struct {
	// Sync configures each round. Store nil means an in-memory store for
	// the life of the Watch; give a FileStore (or your own) to resume after
	// a restart without re-emitting what was already seen. Sync.OnChange is
	// ignored: changes go to the channel.
	Sync SyncOptions
	// Interval between the end of one round and the start of the next
	// (default 5 minutes).
	Interval time.Duration
	// Jitter spreads the rounds: each wait is Interval ± Jitter·Interval,
	// drawn uniformly (default 0.1; negative turns it off).
	Jitter float64
	// Buffer is the channel's capacity (default 0: unbuffered).
	Buffer int
	// OnRound, when set, receives the result of each round.
	OnRound func(*SyncResult, error)
}

// Watch polls the sources with Sync every Interval (with jitter) and sends
// new and edited reviews on the returned channel until ctx is done; then
// it closes the channel after its goroutines have exited. The first round
// starts at once. A change counts as seen (and is not sent again, even
// after a restart with the same Store) only once the receiver has taken
// it from the channel. Once ctx is done no new send starts; a receiver
// still draining may get the one change whose send was already under way,
// and that one counts as seen too.
func Watch(ctx context.Context, srcs []Source, opts WatchOptions) <-chan Change {
	if opts.Interval <= 0 {
		opts.Interval = 5 * time.Minute
	}
	if opts.Jitter == 0 {
		opts.Jitter = 0.1
	}
	if opts.Jitter < 0 {
		opts.Jitter = 0
	}
	if opts.Jitter > 1 {
		opts.Jitter = 1
	}
	if opts.Sync.Store == nil {
		opts.Sync.Store = &MemoryStore{}
	}
	ch := make(chan Change, max(0, opts.Buffer))
	so := opts.Sync
	so.OnChange = func(c Change) error {
		// A receiver still draining the channel after cancel must not
		// take (and so mark as seen) more changes: check ctx first, as a
		// select with both cases ready picks one at random.
		if err := ctx.Err(); err != nil {
			return err
		}
		select {
		case ch <- c:
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	go func() {
		defer close(ch)
		for {
			res, err := Sync(ctx, srcs, so)
			if opts.OnRound != nil && ctx.Err() == nil {
				opts.OnRound(res, err)
			}
			wait := opts.Interval
			if opts.Jitter > 0 {
				span := float64(opts.Interval) * opts.Jitter
				wait += time.Duration((rand.Float64()*2 - 1) * span)
			}
			t := time.NewTimer(wait)
			select {
			case <-ctx.Done():
				t.Stop()
				return
			case <-t.C:
			}
		}
	}()
	return ch
}
