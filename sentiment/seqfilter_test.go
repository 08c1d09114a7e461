package sentiment

import "testing"

// TestSeqFilters checks that the filters that let the scorer skip seqs
// never reject a token that can be a seq's second element: for every
// multi-word entry of the embedded lexicons, a token that matches its
// second element passes langEnt's next/hb test (markSentence) and
// mayContinue (matchAt), and a token that matches its third element
// passes info.third (thirdMay) and info.secondThird (bestSeq).
func TestSeqFilters(t *testing.T) {
	a := New()
	for _, lx := range []*lexicon{a.en, a.ru, a.lt} {
		infos := append([]*info{lx.neg, lx.negAsp}, lx.infos...)
		for _, in := range infos {
			if len(in.seqs) == 0 {
				continue
			}
			next := in.nextBits()
			for k := range in.seqs {
				e := in.seqs[k].rest[0]
				toks := elemTokens(e)
				for i := range toks {
					nt := &toks[i]
					if next&nt.le.hb == 0 {
						t.Errorf("%s: seq %d of an info (element %q, kind %d): next %x misses token bits %x", lx.lang, k, e.key, e.kind, next, nt.le.hb)
					}
					if !in.mayContinue(hashBits(nt), nt) {
						t.Errorf("%s: seq %d of an info (element %q, kind %d): mayContinue rejects the token", lx.lang, k, e.key, e.kind)
					}
				}
				if len(in.seqs[k].rest) < 2 {
					if in.third != ^uint32(0) {
						t.Errorf("%s: seq %d of an info is two words long, but third is %x", lx.lang, k, in.third)
					}
					continue
				}
				e3 := in.seqs[k].rest[1]
				for _, nt := range elemTokens(e3) {
					if in.third&nt.le.hb == 0 {
						t.Errorf("%s: seq %d of an info (third element %q, kind %d): third %x misses token bits %x", lx.lang, k, e3.key, e3.kind, in.third, nt.le.hb)
					}
					if in.secondThird != nil {
						if h3 := in.secondThird[k]; h3 != 0 && h3 != nt.le.sh|1 && h3 != nt.le.nh|1 {
							t.Errorf("%s: seq %d of an info (third element %q, kind %d): secondThird %x rejects the token", lx.lang, k, e3.key, e3.kind, h3)
						}
					}
				}
			}
		}
	}
}

// elemTokens returns prepared tokens that match e (as elemMatch tests).
func elemTokens(e elem) []token {
	var toks []token
	switch e.kind {
	case elemStem:
		// as the token's stem, and as its norm
		toks = append(toks, token{kind: tkWord}, token{kind: tkWord})
		toks[0].le.sh, toks[0].le.nh = hash16(e.key), hash16(e.key+"x")
		toks[1].le.sh, toks[1].le.nh = hash16(e.key+"x"), hash16(e.key)
	case elemNeg:
		toks = append(toks, token{kind: tkWord, le: langEnt{bits: bNeg}})
	case elemNum:
		toks = append(toks, token{kind: tkNum}, token{kind: tkWord, le: langEnt{bits: bNumWord}})
	case elemPrefix:
		toks = append(toks, token{kind: tkWord})
	}
	for i := range toks {
		nt := &toks[i]
		if nt.kind != tkWord {
			nt.le = langEnt{bits: otherBits(nt)}
		}
		nt.le.hb = seqBits(nt)
	}
	return toks
}

// TestRootFilter checks that prefixHeads, which lets prep skip the
// lookups of `*` roots, passes every word that starts with a root.
func TestRootFilter(t *testing.T) {
	a := New()
	for _, lx := range []*lexicon{a.en, a.ru, a.lt} {
		for k := range lx.prefixes {
			for _, w := range []string{k, k + "s", k + "ing"} {
				if !lx.mayHaveRoot(w) {
					t.Errorf("%s: mayHaveRoot(%q) is false, but %q is a root", lx.lang, w, k)
				}
			}
		}
	}
}
