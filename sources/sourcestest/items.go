package sourcestest

import (
	"encoding/json"
	"sync"
)

// Items is the ordered list of raw platform items (newest first) that a
// platform handler pages over. Tests change it while a walk runs (a review
// inserted at the top mid-sync, an edit, a deletion). Safe for concurrent
// use.
type Items struct {
	mu    sync.Mutex
	items []json.RawMessage
}

// NewItems returns a list holding raws in order.
func NewItems(raws ...json.RawMessage) *Items {
	return &Items{items: append([]json.RawMessage(nil), raws...)}
}

// InsertTop puts raws before every item (newest first order).
func (it *Items) InsertTop(raws ...json.RawMessage) {
	it.mu.Lock()
	defer it.mu.Unlock()
	it.items = append(append([]json.RawMessage(nil), raws...), it.items...)
}

// Append adds raws after every item.
func (it *Items) Append(raws ...json.RawMessage) {
	it.mu.Lock()
	defer it.mu.Unlock()
	it.items = append(it.items, raws...)
}

// Set replaces item i (an edit); out-of-range i is ignored.
func (it *Items) Set(i int, raw json.RawMessage) {
	it.mu.Lock()
	defer it.mu.Unlock()
	if i >= 0 && i < len(it.items) {
		it.items[i] = raw
	}
}

// Remove deletes item i; out-of-range i is ignored.
func (it *Items) Remove(i int) {
	it.mu.Lock()
	defer it.mu.Unlock()
	if i >= 0 && i < len(it.items) {
		it.items = append(it.items[:i:i], it.items[i+1:]...)
	}
}

// Update calls f on every item under the lock; f returns the new item.
func (it *Items) Update(f func(i int, raw json.RawMessage) json.RawMessage) {
	it.mu.Lock()
	defer it.mu.Unlock()
	for i, raw := range it.items {
		it.items[i] = f(i, raw)
	}
}

// Len returns the number of items.
func (it *Items) Len() int {
	it.mu.Lock()
	defer it.mu.Unlock()
	return len(it.items)
}

// Slice returns a copy of up to limit items from offset (none past the end).
func (it *Items) Slice(offset, limit int) []json.RawMessage {
	it.mu.Lock()
	defer it.mu.Unlock()
	if offset < 0 || offset >= len(it.items) || limit <= 0 {
		return nil
	}
	end := min(len(it.items), offset+limit)
	return append([]json.RawMessage(nil), it.items[offset:end]...)
}

// All returns a copy of every item.
func (it *Items) All() []json.RawMessage { return it.Slice(0, it.Len()) }
