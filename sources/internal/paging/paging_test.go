package paging

import "testing"

const overlap = 5

func TestWindow(t *testing.T) {
	t.Parallel()
	tests := []struct{ next, size, page, limit int }{
		{0, 250, 1, 250},
		{250, 250, 2, 245}, // reads 245–489: 5 again
		{490, 250, 3, 242}, // 484–725
		{100, 100, 2, 95},  // 95–189
		{2, 2, 2, 2},       // pages of 2 leave no room for an overlap
		{1, 3, 1, 3},       // 0–2: the one item read, again
	}
	for _, tt := range tests {
		p, l := Window(tt.next, tt.size, overlap)
		if p != tt.page || l != tt.limit {
			t.Errorf("Window(%d, %d) = %d, %d; want %d, %d", tt.next, tt.size, p, l, tt.page, tt.limit)
		}
	}
	if p, l := Window(250, 250, 0); p != 2 || l != 250 {
		t.Errorf("Window without overlap = %d, %d; want 2, 250", p, l)
	}
}

// TestWindowDeepWalk follows the page windows of a walk over a million
// items: every page must start at or before the first item not read yet
// and reach past it, and at the usual sizes re-read the full overlap.
// (An earlier window rule stopped making progress after about 62,000
// items in pages of 250, and the walk ended with ErrPaginationLoop.)
func TestWindowDeepWalk(t *testing.T) {
	t.Parallel()
	const total = 1_000_000
	for _, size := range []int{250, 100, 50, 20, 10, 3, 2, 1} {
		next, pages := 0, 0
		for next < total {
			p, l := Window(next, size, overlap)
			start, end := (p-1)*l, p*l
			pages++
			if l < 1 || l > size || start > next || end <= next {
				t.Fatalf("size %d: Window(%d) = page %d × %d reads %d–%d", size, next, p, l, start, end-1)
			}
			if size >= 50 && start > next-min(overlap, next) {
				t.Fatalf("size %d: Window(%d) starts at %d: less than %d items again", size, next, start, overlap)
			}
			next = end
		}
		if ideal := total / size; size >= 100 && pages > ideal*6/5 {
			t.Errorf("size %d: %d pages, more than 1.2 × %d", size, pages, ideal)
		}
	}
}
