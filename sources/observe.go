package sources

import (
	"context"
	"time"
)

// EventKind says what an Event reports.
type EventKind uint8

const (
	// EventPage: a page of Items items arrived.
	EventPage EventKind = iota + 1
	// EventRetry: an attempt failed and will be retried after Wait.
	EventRetry
)

// Event is a progress report from deep inside a walk: a page fetched or a
// retry scheduled. Sync turns them into per-source Progress; callers that
// walk a Source themselves can watch them with WithObserver.
type Event struct {
	Kind    EventKind
	Source  string
	Items   int           // EventPage: items on the page (good and bad)
	Attempt int           // EventRetry: the attempt that failed, from 1
	Wait    time.Duration // EventRetry: the wait before the next attempt
	Status  int           // EventRetry: the HTTP status, 0 for a transport error
}

type observerKey struct{}

// WithObserver returns a context whose walks report events to f. f is
// called synchronously from the walking goroutine and must be quick and
// safe for concurrent use when the context is shared.
func WithObserver(ctx context.Context, f func(Event)) context.Context {
	if f == nil {
		return ctx
	}
	if prev, ok := ctx.Value(observerKey{}).(func(Event)); ok {
		g := f
		f = func(ev Event) { prev(ev); g(ev) }
	}
	return context.WithValue(ctx, observerKey{}, f)
}

// Observe reports ev to the observers of ctx, if any. Adapters and
// internal/httpx call it; callers do not need to.
func Observe(ctx context.Context, ev Event) {
	if f, ok := ctx.Value(observerKey{}).(func(Event)); ok {
		f(ev)
	}
}
