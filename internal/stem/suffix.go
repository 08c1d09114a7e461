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
	fold  func(rune) rune // nil: endings are compared exactly
}

type suffixNode struct {
	edges []suffixEdge
	tag   int8 // 0: no ending ends here
	// forms are the endings, as written, that fold to the path of this
	// node, each with its own tag; only folded sets have them.
	forms []suffixForm
}

type suffixForm struct {
	ending string
	tag    int8
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

// newFoldedSuffixSet builds a set whose endings are found through fold:
// the trie is keyed by folded runes, and a match is confirmed by
// foldedMatch against the endings as written. Groups are tagged as in
// newSuffixSet.
func newFoldedSuffixSet(fold func(rune) rune, groups ...[]string) *suffixSet {
	s := &suffixSet{nodes: make([]suffixNode, 1, 64), fold: fold}
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
		if s.fold != nil {
			r = s.fold(r)
		}
		next := s.child(n, r)
		if next < 0 {
			s.nodes = append(s.nodes, suffixNode{})
			next = int32(len(s.nodes) - 1)
			s.nodes[n].edges = append(s.nodes[n].edges, suffixEdge{r: r, next: next})
		}
		n = next
	}
	s.nodes[n].tag = tag
	if s.fold != nil {
		s.nodes[n].forms = append(s.nodes[n].forms, suffixForm{ending, tag})
	}
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
// (-1, 0) when no ending matches.
//
// In a folded set a letter of w matches the same letter of an ending, and a
// letter that fold leaves alone (a plain letter) also matches every ending
// letter that folds to it: "a" in the word matches "ą" in an ending, but
// "ą" in the word matches only "ą".
func (s *suffixSet) longest(w string, limit int) (int, int8) {
	fold := s.fold
	best, tag := -1, int8(0)
	n := int32(0)
	for i := len(w); i > limit; {
		r, size := lastRune(w[:i])
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
			if fold != nil {
				t = s.confirm(n, w[i:])
			}
			if t != 0 {
				best, tag = i, t
			}
		}
	}
	return best, tag
}

// confirm returns the tag of the first ending written at node n that
// matches suffix under the folding rule of longest, or 0.
func (s *suffixSet) confirm(n int32, suffix string) int8 {
	for _, f := range s.nodes[n].forms {
		if foldedMatch(suffix, f.ending, s.fold) {
			return f.tag
		}
	}
	return 0
}

// foldedMatch compares word letters with ending letters: equal letters
// match, and a plain word letter (one fold leaves alone) also matches an
// ending letter that folds to it.
func foldedMatch(word, ending string, fold func(rune) rune) bool {
	i, j := 0, 0
	for i < len(word) && j < len(ending) {
		wr, ws := firstRune(word[i:])
		er, es := firstRune(ending[j:])
		if wr != er && (fold(wr) != wr || fold(er) != wr) {
			return false
		}
		i += ws
		j += es
	}
	return i == len(word) && j == len(ending)
}

// lastRune decodes the last rune of s like utf8.DecodeLastRuneInString,
// with a fast path for the one- and two-byte sequences that Cyrillic and
// Lithuanian letters use.
func lastRune(s string) (rune, int) {
	n := len(s)
	if n == 0 {
		return utf8.RuneError, 0
	}
	b := s[n-1]
	if b < utf8.RuneSelf {
		return rune(b), 1
	}
	if n >= 2 && b&0xC0 == 0x80 {
		if a := s[n-2]; a >= 0xC2 && a <= 0xDF { // valid lead of a 2-byte sequence
			return rune(a&0x1F)<<6 | rune(b&0x3F), 2
		}
	}
	return utf8.DecodeLastRuneInString(s)
}

// firstRune is the forward counterpart of lastRune.
func firstRune(s string) (rune, int) {
	if len(s) == 0 {
		return utf8.RuneError, 0
	}
	a := s[0]
	if a < utf8.RuneSelf {
		return rune(a), 1
	}
	if len(s) >= 2 && a >= 0xC2 && a <= 0xDF {
		if b := s[1]; b&0xC0 == 0x80 {
			return rune(a&0x1F)<<6 | rune(b&0x3F), 2
		}
	}
	return utf8.DecodeRuneInString(s)
}
