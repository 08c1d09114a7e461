package reply

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// Pattern syntax (see rules/README.md): words separated by spaces; a word
// ending in '*' matches any token that starts with it, a word starting
// with '*' any token that ends with it, a lone '*' any one token, ".." up
// to three tokens; a line starting with '!' is an exception that cancels
// the list's matches it overlaps.

type pkind uint8

const (
	pLit pkind = iota
	pPrefix
	pSuffix
	pAny
	pGap
)

type ptok struct {
	kind pkind
	s    string
}

type phrase struct {
	text   string // the line as written
	toks   []ptok
	except bool
	tag    string // the section a tagged set took it from
	key    string // the list ("file:section") it belongs to in a combined set
	kid    int    // the list's id (Checker.keys)
}

// parsePhrase compiles one line of a phrase list.
func parsePhrase(line string) (*phrase, error) {
	ph := &phrase{text: line}
	line = strings.TrimSpace(line)
	if strings.HasPrefix(line, "!") {
		ph.except = true
		line = strings.TrimSpace(line[1:])
	}
	for _, w := range strings.Fields(line) {
		switch {
		case w == "*":
			ph.toks = append(ph.toks, ptok{kind: pAny})
			continue
		case w == "..":
			ph.toks = append(ph.toks, ptok{kind: pGap})
			continue
		}
		kind := pLit
		if strings.HasSuffix(w, "*") {
			kind = pPrefix
			w = strings.TrimSuffix(w, "*")
		} else if strings.HasPrefix(w, "*") {
			kind = pSuffix
			w = strings.TrimPrefix(w, "*")
		}
		sub := tokenize(w).toks
		if len(sub) == 0 {
			return nil, fmt.Errorf("reply: phrase %q: %q has no letters or digits", ph.text, w)
		}
		for k, t := range sub {
			pk := pLit
			if kind == pPrefix && k == len(sub)-1 {
				pk = pPrefix
			}
			if kind == pSuffix && k == 0 {
				pk = pSuffix
			}
			ph.toks = append(ph.toks, ptok{kind: pk, s: t.text})
		}
	}
	if len(ph.toks) == 0 {
		return nil, fmt.Errorf("reply: phrase %q is empty", ph.text)
	}
	if k := ph.toks[0].kind; k != pLit && k != pPrefix {
		return nil, fmt.Errorf("reply: phrase %q must start with a word or a word*", ph.text)
	}
	if ph.toks[len(ph.toks)-1].kind == pGap {
		return nil, fmt.Errorf("reply: phrase %q must not end with a gap (..)", ph.text)
	}
	return ph, nil
}

type trieNode struct {
	keys   []rune // sorted; kids[i] follows keys[i]
	kids   []*trieNode
	exact  []*phrase // phrases whose first token is this word
	prefix []*phrase // phrases whose first token is this prefix
	// exactNext[i] is the wordKey of the word exact[i] needs as its
	// second token, or 0 when its second token is not a plain word: a
	// cheap test that skips most of the phrases starting with a common
	// word ("we", "and").
	exactNext  []uint64
	prefixNext []uint64
}

// nextWord returns the wordKey of the plain word a phrase needs as its
// second token, or 0.
func nextWord(ph *phrase) uint64 {
	if len(ph.toks) > 1 && ph.toks[1].kind == pLit {
		return wordKey(ph.toks[1].s)
	}
	return 0
}

// wordKey packs a word's length and first seven bytes: equal words have
// equal keys, and a non-empty word's key is not 0.
func wordKey(s string) uint64 {
	k := uint64(min(len(s), 255)) << 56
	for i := 0; i < len(s) && i < 7; i++ {
		k |= uint64(s[i]) << (8 * i)
	}
	return k
}

// child returns the node after r, or nil. Most nodes have a handful of
// children, where a scan beats a map.
func (n *trieNode) child(r rune) *trieNode {
	if len(n.keys) <= 8 {
		for i, k := range n.keys {
			if k == r {
				return n.kids[i]
			}
		}
		return nil
	}
	i := sort.Search(len(n.keys), func(i int) bool { return n.keys[i] >= r })
	if i < len(n.keys) && n.keys[i] == r {
		return n.kids[i]
	}
	return nil
}

// addChild returns the child after r, creating it.
func (n *trieNode) addChild(r rune) *trieNode {
	if c := n.child(r); c != nil {
		return c
	}
	i := sort.Search(len(n.keys), func(i int) bool { return n.keys[i] >= r })
	c := &trieNode{}
	n.keys = slices.Insert(n.keys, i, r)
	n.kids = slices.Insert(n.kids, i, c)
	return c
}

// phraseSet is a compiled, immutable phrase list.
type phraseSet struct {
	root   trieNode
	n      int
	except bool // has exceptions
}

func (ps *phraseSet) add(ph *phrase) {
	n := &ps.root
	for _, r := range ph.toks[0].s {
		n = n.addChild(r)
	}
	if ph.toks[0].kind == pPrefix {
		n.prefix = append(n.prefix, ph)
		n.prefixNext = append(n.prefixNext, nextWord(ph))
	} else {
		n.exact = append(n.exact, ph)
		n.exactNext = append(n.exactNext, nextWord(ph))
	}
	ps.n++
	if ph.except {
		ps.except = true
	}
}

// compileSet compiles phrase lines into a set.
func compileSet(lines []string) (*phraseSet, error) {
	ps := &phraseSet{}
	for _, l := range lines {
		ph, err := parsePhrase(l)
		if err != nil {
			return nil, err
		}
		ps.add(ph)
	}
	return ps, nil
}

// matches holds the matches of a combined set grouped by list: the
// matches of list id k are all[off[k]:off[k+1]], in text order.
type matches struct {
	all []match
	off []int32
}

// group sorts ms by list id (stably, so text order is kept within a
// list) with a counting sort, in b's buffers (b.all, b.off, b.next); nkeys
// is the number of list ids and ms must not be b.all.
func (b *docBuf) group(ms []match, nkeys int) matches {
	if cap(b.all) < len(ms) {
		b.all = make([]match, len(ms), max(len(ms), 16))
	}
	if cap(b.off) < nkeys+1 {
		b.off = make([]int32, nkeys+1)
		b.next = make([]int32, nkeys)
	}
	g := matches{all: b.all[:len(ms)], off: b.off[:nkeys+1]}
	clear(g.off)
	for _, m := range ms {
		g.off[m.ph.kid+1]++
	}
	for k := 1; k <= nkeys; k++ {
		g.off[k] += g.off[k-1]
	}
	next := b.next[:nkeys]
	copy(next, g.off[:nkeys])
	for _, m := range ms {
		g.all[next[m.ph.kid]] = m
		next[m.ph.kid]++
	}
	return g
}

// list returns the matches of list id k (nil for an unknown id).
func (g matches) list(k int) []match {
	if k < 0 || k+1 >= len(g.off) {
		return nil
	}
	return g.all[g.off[k]:g.off[k+1]]
}

// match is a phrase found at tokens [i, j).
type match struct {
	ph   *phrase
	i, j int
}

func tokMatches(p ptok, t *token) bool {
	switch p.kind {
	case pLit:
		return t.text == p.s
	case pPrefix:
		return strings.HasPrefix(t.text, p.s)
	case pSuffix:
		return strings.HasSuffix(t.text, p.s)
	case pAny:
		return true
	}
	return false
}

// matchRest matches pattern tokens ps against toks from k, all within
// sentence sent; it returns the end index or -1.
func matchRest(ps []ptok, toks []token, k, sent int) int {
	if len(ps) == 0 {
		return k
	}
	p := ps[0]
	if p.kind == pGap {
		for g := 0; g <= 3; g++ {
			if k+g > len(toks) {
				break
			}
			if g > 0 && toks[k+g-1].sent != sent {
				break
			}
			if e := matchRest(ps[1:], toks, k+g, sent); e >= 0 {
				return e
			}
		}
		return -1
	}
	if k >= len(toks) || toks[k].sent != sent || !tokMatches(p, &toks[k]) {
		return -1
	}
	return matchRest(ps[1:], toks, k+1, sent)
}

// find returns every match of the set in toks, exceptions applied: a
// match that overlaps an exception's match is dropped. Results are in
// order of start token.
func (ps *phraseSet) find(toks []token, out []match) []match {
	out, _ = ps.findExc(toks, out, nil)
	return out
}

// findExc is find with a buffer for the exceptions' matches; it returns
// the matches and the buffer (to be reused).
func (ps *phraseSet) findExc(toks []token, out, exc []match) ([]match, []match) {
	if ps == nil || ps.n == 0 {
		return out, exc
	}
	if out == nil {
		out = make([]match, 0, 8+len(toks)/8)
	}
	base := len(out)
	exc = exc[:0]
	for i := range toks {
		t := &toks[i]
		n := &ps.root
		s := t.text
		// next is the key of the word after t in its sentence (0 when
		// there is none: a phrase that needs one then fails).
		var next uint64
		if i+1 < len(toks) && toks[i+1].sent == t.sent {
			next = wordKey(toks[i+1].text)
		}
		for len(s) > 0 {
			r, w := utf8.DecodeRuneInString(s)
			n = n.child(r)
			if n == nil {
				break
			}
			s = s[w:]
			for x, ph := range n.prefix {
				if w := n.prefixNext[x]; w != 0 && w != next {
					continue
				}
				if e := matchRest(ph.toks[1:], toks, i+1, t.sent); e >= 0 {
					if ph.except {
						exc = append(exc, match{ph, i, e})
					} else {
						out = append(out, match{ph, i, e})
					}
				}
			}
		}
		if n != nil && len(s) == 0 {
			for x, ph := range n.exact {
				if w := n.exactNext[x]; w != 0 && w != next {
					continue
				}
				if e := matchRest(ph.toks[1:], toks, i+1, t.sent); e >= 0 {
					if ph.except {
						exc = append(exc, match{ph, i, e})
					} else {
						out = append(out, match{ph, i, e})
					}
				}
			}
		}
	}
	if len(exc) == 0 {
		return out, exc
	}
	kept := out[:base]
	for _, m := range out[base:] {
		drop := false
		for _, x := range exc {
			if m.ph.key == x.ph.key && m.i < x.j && x.i < m.j {
				drop = true
				break
			}
		}
		if !drop {
			kept = append(kept, m)
		}
	}
	return kept, exc
}

// disjoint keeps non-overlapping matches, preferring the earliest and
// then the longest; ms must be ordered by start.
func disjoint(ms []match) []match {
	var out []match
	end := -1
	for k := 0; k < len(ms); k++ {
		m := ms[k]
		// pick the longest among matches starting at the same token
		for k+1 < len(ms) && ms[k+1].i == m.i {
			k++
			if ms[k].j > m.j {
				m = ms[k]
			}
		}
		if m.i < end {
			continue
		}
		out = append(out, m)
		end = m.j
	}
	return out
}
