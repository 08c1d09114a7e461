package stem

import "unicode/utf8"

// suffixSet is a trie of endings stored reversed (last rune first), so that
// the longest ending of a word can be found in one backward walk over the
// word's runes, without converting the word to []rune.
//
// Each ending carries a small tag (1..127) that the caller interprets, for
// example the Snowball "group" of a Russian ending.
type suffixSet struct {
	nodes []suffixNode
}

type suffixNode struct {
	edges []suffixEdge
	tag   int8 // 0: no ending ends here
}

type suffixEdge struct {
	r    rune
	next int32
}

// newSuffixSet builds a set; groups[i] are the endings that get tag i+1.
func newSuffixSet(groups ...[]string) *suffixSet {
	s := &suffixSet{nodes: make([]suffixNode, 1, 64)}
	for i, g := range groups {
		for _, e := range g {
			s.add(e, int8(i+1))
		}
	}
	return s
}

func (s *suffixSet) add(ending string, tag int8) {
	n := int32(0)
	for i := len(ending); i > 0; {
		r, size := utf8.DecodeLastRuneInString(ending[:i])
		i -= size
		next := s.child(n, r)
		if next < 0 {
			s.nodes = append(s.nodes, suffixNode{})
			next = int32(len(s.nodes) - 1)
			s.nodes[n].edges = append(s.nodes[n].edges, suffixEdge{r: r, next: next})
		}
		n = next
	}
	s.nodes[n].tag = tag
}

func (s *suffixSet) child(n int32, r rune) int32 {
	for _, e := range s.nodes[n].edges {
		if e.r == r {
			return e.next
		}
	}
	return -1
}

// longest returns the byte offset where the longest ending of w that lies
// entirely at or after byte offset limit starts, and its tag. It returns
// (-1, 0) when no ending matches. When fold is not nil every rune of w is
// passed through it before comparison.
func (s *suffixSet) longest(w string, limit int, fold func(rune) rune) (int, int8) {
	best, tag := -1, int8(0)
	n := int32(0)
	for i := len(w); i > limit; {
		r, size := utf8.DecodeLastRuneInString(w[:i])
		if i-size < limit {
			break
		}
		if fold != nil {
			r = fold(r)
		}
		n = s.child(n, r)
		if n < 0 {
			break
		}
		i -= size
		if t := s.nodes[n].tag; t != 0 {
			best, tag = i, t
		}
	}
	return best, tag
}
