// Package paging holds the page arithmetic that adapters of platforms
// with page-number paging share. It is internal: nothing here is part of
// the sources API.
package paging

// Window returns the page number and limit (at most size) of the page
// that re-reads up to overlap items before offset next, the first one
// not read yet, and reaches furthest past it.
//
// Page-number paging shifts while items arrive or disappear; re-reading
// the end of the page before means that up to overlap deletions cannot
// pull an item back across a page boundary unseen. Page numbers index
// pages of the same limit, so a window starts at a multiple of its limit;
// limits from size down to size/2 give enough starting points that the
// full overlap fits at the usual page sizes. When none of them reaches
// past next with the full overlap (small pages), the overlap shrinks,
// down to none: every page brings at least one item not read before.
func Window(next, size, overlap int) (pageNo, limit int) {
	if next <= 0 {
		return 1, size
	}
	for ov := min(overlap, next); ov >= 0; ov-- {
		target := next - ov
		bestEnd, bestStart := -1, -1
		for l := size; l >= max(1, size/2); l-- {
			k := target / l // full pages before the window: it starts at k·l ≤ target
			start, end := k*l, (k+1)*l
			if end > bestEnd || (end == bestEnd && start > bestStart) {
				bestEnd, bestStart, pageNo, limit = end, start, k+1, l
			}
		}
		if bestEnd > next {
			return pageNo, limit
		}
	}
	return next/size + 1, size // not reached: ov 0, l size reaches past next
}
