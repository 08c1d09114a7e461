package sentiment

import (
	"errors"
	"fmt"
	"math"
	"math/bits"
	"slices"
	"strings"
	"sync"
)

// Analyzer scores texts with the embedded lexicons (plus any WithLexicon
// entries). It is immutable after [New] and safe for concurrent use by
// multiple goroutines. The zero value is not usable; call New.
type Analyzer struct {
	lex        map[Lang]*lexicon
	en, ru, lt *lexicon // lex, unpacked for the hot path
	lang       Lang
	err        error
}

// New returns an Analyzer with the embedded English, Russian and Lithuanian
// lexicons, modified by opts. New never fails; problems with lexicon data
// (embedded or given with WithLexicon) are reported by [Analyzer.Err] and the
// offending lines are skipped.
func New(opts ...Option) *Analyzer {
	var c config
	for _, o := range opts {
		if o != nil {
			o(&c)
		}
	}
	base, err := defaultLexicons()
	a := &Analyzer{lex: base, lang: c.lang}
	errs := []error{err}
	if len(c.extra) > 0 {
		byLang := map[Lang][][]byte{}
		for _, x := range c.extra {
			if x.err != nil {
				errs = append(errs, x.err)
				continue
			}
			if x.lang != EN && x.lang != RU && x.lang != LT {
				errs = append(errs, fmt.Errorf("sentiment: WithLexicon: unknown language %q", x.lang))
				continue
			}
			byLang[x.lang] = append(byLang[x.lang], x.data)
		}
		if len(byLang) > 0 {
			a.lex = map[Lang]*lexicon{}
			for l, lx := range base {
				a.lex[l] = lx
			}
			for l, data := range byLang {
				lx, err := buildLexicon(l, lexiconFS, "lexicon/"+l, data)
				a.lex[l] = lx
				var le *LexiconError
				for _, e := range unjoin(err) {
					if errors.As(e, &le) && strings.HasPrefix(le.File, "WithLexicon") {
						errs = append(errs, e)
					}
				}
			}
		}
	}
	a.en, a.ru, a.lt = a.lex[EN], a.lex[RU], a.lex[LT]
	a.err = errors.Join(errs...)
	return a
}

func unjoin(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

// Err reports lexicon lines that could not be used (as *LexiconError values
// joined with errors.Join) and unreadable WithLexicon input; nil when all
// data loaded.
func (a *Analyzer) Err() error { return a.err }

var scratchPool = sync.Pool{New: func() any {
	return &scratch{toks: make([]token, 0, 64), sents: make([]sentRec, 0, 8), ev: make([]evRec, 0, 32), asp: make([]AspectMention, 0, 8)}
}}

func getScratch() *scratch { return scratchPool.Get().(*scratch) }

func putScratch(sc *scratch) {
	if cap(sc.toks) > 1<<14 || cap(sc.buf) > 1<<18 {
		return // let unusually large buffers go
	}
	scratchPool.Put(sc)
}

// Modifier constants (see the package documentation).
const (
	negPositive   = -0.75 // factor on a negated positive term
	negNegative   = -0.5  // factor on a negated negative term
	capsFactor    = 1.4
	elongFactor   = 1.2
	exclBonus     = 0.3
	exclMax       = 4
	questionScale = 0.4
	// questionNegScale weighs the negative part of a question: a question
	// with a clearly negative word is mostly a complaint ("Who names this
	// crap?", "Why is it so slow?").
	questionNegScale = 0.7
	alpha            = 15.0
	negScope         = 4
	// closingToneFactor weighs contributions whose sign differs from an
	// emoticon or emoji that closes the text.
	closingToneFactor = 0.5
)

// squash maps a sum into [-1, 1]. It needs no clamp: the rounded
// x*x+alpha is at least the rounded x*x, whose correctly rounded square
// root is at least |x|, so the quotient is at most 1 in magnitude (and
// NaN stays NaN, as it would through min and max).
func squash(x float64) float64 {
	if x == 0 {
		return 0
	}
	return x / math.Sqrt(x*x+alpha)
}

// Analyze scores text. It never fails: empty or unreadable text gets a
// neutral zero Score. The Score's slices are its own (one allocation per
// call); to score many texts without allocating, see [Analyzer.AnalyzeInto].
func (a *Analyzer) Analyze(text string) (out Score) {
	// out is named and filled in place: the compiler then writes the
	// caller's result directly. A local Score copied out at return was
	// read back with 16-byte loads from the 8-byte stores result had just
	// made; those loads cannot be forwarded from the store buffer, so each
	// call waited for all earlier stores to reach the cache, including the
	// ones into the freshly allocated result block (about 4% of a call).
	sc := getScratch()
	a.run(sc, text)
	sc.result(&out, text)
	putScratch(sc) // not deferred: after a panic the scratch is dropped, not reused
	return out
}

// AnalyzeInto is Analyze writing into *dst, for scoring many texts with
// no allocation: it reuses the memory of dst's Sentences, Evidence and
// Aspects, so a Score passed again and again stops allocating once its
// slices have grown to fit the longest text so far. Every field of *dst is
// overwritten, and the elements of its previous slices are overwritten in
// place: copy whatever must outlive the next call (Analyze, whose Score
// owns fresh slices, is the simpler choice when results are kept). A copy
// of the Score shares its slices, so the next AnalyzeInto overwrites
// what the copy sees too. Where a text has no sentence, evidence or
// aspect, the slice is empty (nil if dst's was nil). Apart from that,
// *dst ends up equal to what Analyze returns. dst must not be nil.
//
// A Score must not be used by two goroutines at once; the Analyzer itself
// may be, as with Analyze.
func (a *Analyzer) AnalyzeInto(dst *Score, text string) {
	sc := getScratch()
	a.run(sc, text)
	sc.resultInto(dst, text)
	putScratch(sc)
}

type runResult struct {
	sum, neg, pos float64
	lang          Lang
}

// run does the analysis into sc (the text's sums in sc.rr). The sums stay
// in the scratch rather than being returned: a returned runResult was
// spilled and copied with loads the store buffer cannot forward (see
// Analyze).
func (a *Analyzer) run(sc *scratch, text string) {
	sc.tokenize(text)
	sc.ev = sc.ev[:0]
	sc.asp = sc.asp[:0]
	textLang := a.assignLangs(sc)
	mixedCase := sc.caps > 0 && sc.lower > 0 // counted by word()
	// A text that closes with an emoticon or emoji shows how its words are
	// meant ("angry birds will do it for you :D", "great, another delay :("):
	// contributions of the other sign count half.
	sc.tone, sc.toneTok = 0, -1
	if n := len(sc.toks); n > 1 && sc.toks[n-1].kind == tkEmoji {
		sc.toneTok = n - 1
		sc.tone = sc.toks[n-1].emo
	}
	for si := range sc.sents {
		s := &sc.sents[si]
		mark := len(sc.ev)
		a.scoreSentence(sc, si, mixedCase, s.lang)
		if s.lang == "" && s.negSum == 0 && s.posSum == 0 {
			// No language signal and nothing English in it: try Lithuanian.
			sc.ev = sc.ev[:mark]
			a.scoreSentence(sc, si, mixedCase, LT)
			if s.negSum != 0 || s.posSum != 0 {
				s.lang = LT // a Lithuanian word the English lexicon did not know
			} else {
				sc.ev = sc.ev[:mark]
				a.scoreSentence(sc, si, mixedCase, "")
			}
		}
	}
	// Contrast across sentences: a sentence that opens with a contrast word
	// discounts everything before it.
	r := &sc.rr
	*r = runResult{lang: textLang}
	if r.lang == "" && a.lang == "" {
		for si := range sc.sents {
			if sc.sents[si].lang != "" {
				r.lang = sc.sents[si].lang
				break
			}
		}
	}
	if len(sc.sents) > 1 {
		mult := 1.0
		for si := len(sc.sents) - 1; si >= 0; si-- {
			s := &sc.sents[si]
			s.weight = mult
			if s.t0 < s.t1 {
				if t := &sc.toks[s.t0]; t.le.bits&bContrast != 0 && t.flags&fUsed == 0 {
					// the lexicon the sentence was scored with last
					mult *= a.lexFor(s.lang).info(t.le.in).before
				}
			}
		}
		for si := range sc.sents {
			s := &sc.sents[si]
			r.sum += s.sum * s.weight
			r.neg += s.negSum * s.weight
			r.pos += s.posSum * s.weight
		}
	} else if len(sc.sents) == 1 {
		// One sentence (most texts): its weight is 1.
		s := &sc.sents[0]
		s.weight = 1
		r.sum, r.neg, r.pos = s.sum, s.negSum, s.posSum
	}
	a.findAspects(sc)
}

// assignLangs sets each sentence's language and returns the text's.
func (a *Analyzer) assignLangs(sc *scratch) Lang {
	if a.lang != "" {
		for i := range sc.sents {
			sc.sents[i].lang = a.lang
		}
		return a.lang
	}
	if len(sc.sents) == 1 {
		// The text's votes are the sentence's: both decide the same.
		s := &sc.sents[0]
		if s.votes.cyr == 0 && s.votes.lane(latinLane) == 0 {
			s.votes = s.hvotes
		}
		s.lang = s.votes.decide()
		return s.lang
	}
	var total langVotes
	for i := range sc.sents {
		s := &sc.sents[i]
		if s.votes.cyr == 0 && s.votes.lane(latinLane) == 0 {
			s.votes = s.hvotes // hashtags speak only for a sentence without other words
		}
		v := s.votes.wide()
		total.plus(&v)
	}
	textLang := total.decide()
	for i := range sc.sents {
		s := &sc.sents[i]
		l := s.votes.decide()
		if l != RU && textLang != RU && textLang != "" && (l == "" || s.votes.lane(latinLane) < 4 && s.votes.lane(ltDiacLane) == 0 && !s.votes.clear()) {
			l = textLang
		}
		if l == "" {
			l = textLang
		}
		s.lang = l
	}
	return textLang
}

func (a *Analyzer) lexFor(l Lang) *lexicon {
	switch l {
	case RU:
		return a.ru
	case LT:
		return a.lt
	}
	return a.en
}

// prep fills a word token's lexicon data (normalised form, stem, infos),
// from the word cache when it can.
func (sc *scratch) prep(t *token, lx *lexicon, stemf func(string) string) {
	t.val = 0
	t.flags &^= fUsed | fComplaint
	t.ev = -1
	if t.kind != tkWord {
		t.le, t.spill = langEnt{bits: otherBits(t)}, nil
		t.le.hb = seqBits(t)
		return
	}
	var le *langEnt
	var key strRef
	if e := sc.cache.at(t.ce); e != nil {
		key = e.key
		le = &e.le
		if le.ready && le.lex == lx.id {
			t.le = *le
			return
		}
	}
	norm := sc.low(t)
	if lx.lang == LT && t.flags&fLtDiac != 0 {
		norm = sc.foldLt(norm)
	}
	in, stem, sin := lookup(norm, lx, stemf)
	if t.flags&fElong != 0 && !in.known() && !sin.known() {
		orig := norm
		for _, n := range [2]int{2, 1} {
			norm = sc.unelongate(orig, n)
			in, stem, sin = lookup(norm, lx, stemf)
			if in.known() || sin.known() {
				break
			}
		}
	}
	var pin *info
	if lx.mayHaveRoot(norm) {
		for _, l := range lx.prefixLens {
			if l <= len(norm) {
				if p := lx.prefixes[norm[:l]]; p != nil {
					pin = p
					break
				}
			}
		}
	}
	t.le = langEnt{lex: lx.id, sh: hash16(stem), nh: hash16(norm), in: in.ref(), sin: sin.ref(), pin: pin.ref(), bits: bitsOf(norm, lx.lang, in, sin, pin)}
	t.le.hb = seqBits(t)
	if t.le.bits&bAnyVal != 0 {
		for _, x := range [3]*info{in, sin, pin} {
			if x != nil {
				t.le.next |= x.nextBits()
			}
		}
	}
	if le != nil && len(norm) <= 0xffff && len(stem) <= 0xffff {
		if nref, ok := sc.cache.keep(norm, key); ok {
			if st, ok := sc.cache.keep(stem, nref); ok {
				t.le.normOff, t.le.normN = nref.off, uint16(nref.n)
				t.le.stemOff, t.le.stemN = st.off, uint16(st.n)
				t.le.ready = true
				*le = t.le
				return
			}
		}
	}
	t.spill = &[2]string{norm, stem} // the cache is full
}

// mayHaveRoot reports whether a key of lx.prefixes may be a prefix of w,
// as far as prefixHeads tells.
func (lx *lexicon) mayHaveRoot(w string) bool {
	n := len(lx.prefixLens)
	if n == 0 || len(w) < lx.prefixLens[n-1] {
		return false
	}
	h := hash16(w[:lx.prefixLens[n-1]]) & 1023
	return lx.prefixHeads[h>>6]&(1<<(h&63)) != 0
}

// norm returns the normalised form of a token prepared by prep: low, with
// Lithuanian diacritics folded in lt sentences.
func (sc *scratch) norm(t *token) string {
	if t.le.ready {
		return sc.cache.str(t.le.normRef())
	}
	if t.spill != nil {
		return t.spill[0]
	}
	return sc.low(t)
}

// stem returns the stem of a token's normalised form ("" for a token that
// is not a word).
func (sc *scratch) stem(t *token) string {
	if t.le.ready {
		return sc.cache.str(t.le.stemRef())
	}
	if t.spill != nil {
		return t.spill[1]
	}
	return ""
}

// lookup returns the lexicon infos of a normalised word and of its stem.
func lookup(norm string, lx *lexicon, stemf func(string) string) (in *info, stem string, sin *info) {
	in = lx.words[norm]
	stem = stemf(norm)
	switch {
	case stem == norm:
		sin = in
	case lx.lang == EN && !enInflection(norm, stem):
		// Porter2 also strips derivations (retardant → retard, reasonable →
		// reason); an English token meets a stem entry only through an
		// inflection.
		sin = nil
	default:
		sin = lx.words[stem]
	}
	return in, stem, sin
}

// bitsOf summarises a word's lexicon entries (see wordBits): norm is its
// normalised form, in, sin and pin the infos of norm, its stem and its root.
func bitsOf(norm string, lang Lang, in, sin, pin *info) wordBits {
	var b wordBits
	for _, x := range [3]*info{in, sin, pin} {
		if x == nil {
			continue
		}
		if x.anyVal {
			b |= bAnyVal
		}
		if x.hasVal {
			b |= bOwnVal
		}
		if x.anyAsp {
			b |= bAnyAsp
		}
		if x.anyTox {
			b |= bAnyTox
		}
		if len(x.seqs) > 0 {
			b |= bSeqs
		}
	}
	if excessive(norm, lang) {
		b |= bExcess
	}
	if in != nil && in.neg || lang == EN && strings.HasSuffix(norm, "n't") {
		b |= bNeg
	}
	if in != nil && in.contrast {
		b |= bContrast
	}
	if in != nil && in.intens != 0 {
		b |= bIntens
	}
	if in.known() || sin.known() {
		b |= bKnown
	}
	if b&(bNeg|bKnown) == 0 {
		// what scoreSentence looks at in a word the lexicon does not know
		if fusedPrefix(norm) {
			b |= bUnkFused
		}
		if len(norm) > 2 && !(in != nil && in.function) {
			b |= bUnkLong
		}
	}
	if b&(bNeg|bOwnVal|bUnkFused) != 0 {
		b |= bCand
	}
	if in != nil && in.hasVal {
		b |= bInVal
	}
	if in != nil && in.aspect != "" {
		b |= bInAsp
	}
	if numberWords[norm] {
		b |= bNumWord
	}
	return b
}

// otherBits are the bits of a token that is not a word: bCand for an
// emoji, which the scorer always looks at.
func otherBits(t *token) wordBits {
	if t.kind == tkEmoji {
		return bCand
	}
	return 0
}

func (in *info) known() bool {
	return in != nil && (in.hasVal || in.neg || in.intens != 0 || in.contrast || in.aspect != "" || len(in.seqs) > 0)
}

// numberWords are number words that "<num>" in a lexicon entry also matches.
var numberWords = map[string]bool{
	"one": true, "two": true, "three": true, "four": true, "five": true, "six": true, "seven": true, "eight": true,
	"nine": true, "ten": true, "eleven": true, "twelve": true, "few": true, "couple": true, "several": true, "many": true,
	"один": true, "одна": true, "одну": true, "два": true, "две": true, "три": true, "четыре": true, "пять": true, "шесть": true,
	"семь": true, "восемь": true, "девять": true, "десять": true, "несколько": true, "пару": true, "пара": true,
	"vienas": true, "viena": true, "vieną": true, "du": true, "dvi": true, "trys": true, "tris": true, "keturi": true,
	"keturias": true, "penki": true, "penkias": true, "sesi": true, "septyni": true, "astuoni": true, "devyni": true,
	"desimt": true, "kelis": true, "kelias": true, "keli": true, "kelios": true, "pora": true, "porą": true, "pora dienu": true,
}

func (sc *scratch) elemMatch(e elem, t *token) bool {
	switch e.kind {
	case elemNeg:
		return t.le.bits&bNeg != 0
	case elemNum:
		return t.kind == tkNum || t.kind == tkWord && t.le.bits&bNumWord != 0
	case elemPrefix:
		return t.kind == tkWord && strings.HasPrefix(sc.norm(t), e.key)
	}
	return t.kind == tkWord && (sc.stem(t) == e.key || sc.norm(t) == e.key)
}

// bestSeq returns the longest entry of in's seqs that matches at toks[i]
// and satisfies want, with its length in tokens, if longer than bestN.
func (sc *scratch) bestSeq(in *info, i, end int, want wantKind, best *seq, bestN int) (*seq, int) {
	toks := sc.toks
	if in == nil || len(in.seqs) == 0 || i+1 >= end {
		return best, bestN
	}
	nt := &toks[i+1]
	if in.nextTab == nil {
		sh, nh := nt.le.sh|1, nt.le.nh|1
		if !in.wild && in.secondSet&(1<<(sh>>10)|1<<(nh>>10)) == 0 {
			return best, bestN // no seq's second element can be the next token
		}
		for k, h := range in.second {
			if h != 0 && h != sh && h != nh {
				continue
			}
			// The third token's hashes too, before the call: most seqs
			// that fail do so on it ("in the" continues "in the trash"
			// up to the third token). A seq with a third stem element
			// cannot fit at the end.
			if h3 := in.secondThird[k]; h3 != 0 && (i+2 >= end || h3 != toks[i+2].le.sh|1 && h3 != toks[i+2].le.nh|1) {
				continue
			}
			if sc.seqMatch(&in.seqs[k], i, end, want, bestN) {
				best, bestN = &in.seqs[k], 1+len(in.seqs[k].rest)
			}
		}
		return best, bestN
	}
	// A token that is no word matches no stem element (see seqMatch).
	if nt.kind == tkWord {
		stem, norm := sc.stem(nt), sc.norm(nt)
		for _, k := range in.nextSeqs(stem, nt.le.sh) {
			if sc.seqMatch(&in.seqs[k], i, end, want, bestN) {
				best, bestN = &in.seqs[k], 1+len(in.seqs[k].rest)
			}
		}
		if norm != stem {
			for _, k := range in.nextSeqs(norm, nt.le.nh) {
				if sc.seqMatch(&in.seqs[k], i, end, want, bestN) {
					best, bestN = &in.seqs[k], 1+len(in.seqs[k].rest)
				}
			}
		}
	}
	for _, k := range in.other {
		if sc.seqMatch(&in.seqs[k], i, end, want, bestN) {
			best, bestN = &in.seqs[k], 1+len(in.seqs[k].rest)
		}
	}
	return best, bestN
}

// seqMatch reports whether s, longer than bestN tokens and satisfying want,
// matches at toks[i] before end.
func (sc *scratch) seqMatch(s *seq, i, end int, want wantKind, bestN int) bool {
	n := 1 + len(s.rest)
	if n <= bestN || i+n > end || !s.payload.has(want) {
		return false
	}
	toks := sc.toks[i+1 : i+n]
	// The hashes of all stem elements first: most seqs that fail do so on
	// a hash ("in the" continues "in the trash" up to the third token),
	// and then no string is compared.
	for j, e := range s.rest {
		if t := &toks[j]; e.kind == elemStem && (t.kind != tkWord || e.h != t.le.sh && e.h != t.le.nh) {
			return false
		}
	}
	for j, e := range s.rest {
		t := &toks[j]
		if e.kind == elemStem {
			// elemMatch's commonest case, inline
			if sc.stem(t) != e.key && sc.norm(t) != e.key {
				return false
			}
			continue
		}
		if !sc.elemMatch(e, t) {
			return false
		}
	}
	return true
}

// thirdMay reports whether one of the seqs of in, sin and pin (any may be
// nil) may match at toks[i], before end, as far as the token two after i
// tells (see info.third).
func thirdMay(in, sin, pin *info, toks []token, i, end int) bool {
	var m uint32
	if in != nil {
		m = in.third
	}
	if sin != nil {
		m |= sin.third
	}
	if pin != nil {
		m |= pin.third
	}
	return m == ^uint32(0) || i+2 < end && m&toks[i+2].le.hb != 0
}

// hashBits is the token's stem and norm hashes as bits of a secondSet.
func hashBits(t *token) uint64 {
	return 1<<(t.le.sh>>10) | 1<<(t.le.nh>>10)
}

// langEnt.next and langEnt.hb say, in 32 bits, which tokens can be the
// second element of a word's seqs: bits 0 to 28 for the hashes of stem
// elements (fold29), and one bit for each other element kind that
// elemMatch tests (a word after "to" continues "to no avail" only when it
// is a negator).
const (
	sbNeg    = 1 << 29 // elemNeg: a negator
	sbNum    = 1 << 30 // elemNum: a number or number word
	sbPrefix = 1 << 31 // elemPrefix: a word
)

// fold29 maps a bit index of a secondSet (0 to 63) to one of 0 to 28.
func fold29(b uint16) uint32 { return uint32(b) * 29 >> 6 }

// seqBits is langEnt.hb of a prepared token: what it can be as a seq's
// second element.
func seqBits(t *token) uint32 {
	var b uint32
	if t.kind == tkWord {
		b = 1<<fold29(t.le.sh>>10) | 1<<fold29(t.le.nh>>10) | sbPrefix
		if t.le.bits&bNumWord != 0 {
			b |= sbNum
		}
	}
	if t.kind == tkNum {
		b |= sbNum
	}
	if t.le.bits&bNeg != 0 {
		b |= sbNeg
	}
	return b
}

// nextBits is in's part of langEnt.next: a token whose seqBits miss it
// cannot be the second element of any of in's seqs.
func (in *info) nextBits() uint32 {
	if in.nextTab != nil {
		return ^uint32(0) // a long list: not worth the filter
	}
	var b uint32
	for set := in.secondSet; set != 0; set &= set - 1 {
		b |= 1 << fold29(uint16(bits.TrailingZeros64(set)))
	}
	if in.wildKinds&(1<<elemNeg) != 0 {
		b |= sbNeg
	}
	if in.wildKinds&(1<<elemNum) != 0 {
		b |= sbNum
	}
	if in.wildKinds&(1<<elemPrefix) != 0 {
		b |= sbPrefix
	}
	return b
}

// matchAt finds the payload for the token at i: the longest multi-word entry
// starting there, else the word itself, else a `*` root.
func (sc *scratch) matchAt(lx *lexicon, i, end int, want wantKind) (*payload, int) {
	toks := sc.toks
	t := &toks[i]
	if t.kind != tkWord {
		return nil, 0
	}
	if t.le.bits&(bNeg|wantBit[want]) == 0 {
		return nil, 0
	}
	var best *seq
	n := 0
	// An info's seqs can only match here when the next token can be their
	// second element (see mayContinue): bestSeq's own first checks, taken
	// here so that most infos skip the call. hb is 0 at the end of the
	// range, where no seq fits.
	var hb uint64
	var nt *token
	if i+1 < end {
		nt = &toks[i+1]
		hb = hashBits(nt)
	}
	if t.le.bits&bNeg != 0 && lx.neg.mayContinue(hb, nt) {
		best, n = sc.bestSeq(lx.neg, i, end, want, best, n)
	}
	in, sin, pin := lx.info(t.le.in), lx.info(t.le.sin), lx.info(t.le.pin)
	if t.le.bits&bSeqs != 0 && hb != 0 && thirdMay(in, sin, pin, toks, i, end) {
		if sin != nil && sin.mayContinue(hb, nt) {
			best, n = sc.bestSeq(sin, i, end, want, best, n)
		}
		if in != sin && in != nil && in.mayContinue(hb, nt) {
			best, n = sc.bestSeq(in, i, end, want, best, n)
		}
		if pin != nil && pin.mayContinue(hb, nt) {
			best, n = sc.bestSeq(pin, i, end, want, best, n)
		}
	}
	if best != nil {
		return &best.payload, n
	}
	if in != nil && in.payload.has(want) {
		return &in.payload, 1
	}
	if sin != nil && sin.payload.has(want) {
		return &sin.payload, 1
	}
	if pin != nil && pin.payload.has(want) {
		return &pin.payload, 1
	}
	return nil, 0
}

// mayContinue reports whether token nt, with hash bits hb (0 when there
// is no next token), can be the second element of one of in's seqs: its
// hashes meet hashMask or keySet (for an elemStem element), or it is of a
// kind in wildKinds (see elemMatch), tested only for the few infos with
// such elements.
func (in *info) mayContinue(hb uint64, nt *token) bool {
	// The hashMask test inline (most infos have short lists and no wild
	// elements), the rest in mayContinueMore.
	return hb != 0 && (in.hashMask&hb != 0 || in.more && in.mayContinueMore(nt))
}

// mayContinueMore is mayContinue's test of wildKinds and keySet.
func (in *info) mayContinueMore(nt *token) bool {
	if in.wildKinds&elemKinds(nt) != 0 {
		return true
	}
	if ks := in.keySet; ks != nil {
		s, n := nt.le.sh>>8, nt.le.nh>>8
		return ks[s>>6]&(1<<(s&63)) != 0 || ks[n>>6]&(1<<(n&63)) != 0
	}
	return false
}

// negAspMay reports whether one of the lexicon's multi-word entries that
// start with a negator and have an aspect may match at toks[i], a negator,
// as far as the next token tells (see mayContinue). For a negator without
// bAnyAsp they are all that matchAt could find an aspect in.
func negAspMay(lx *lexicon, toks []token, i int) bool {
	if i+1 >= len(toks) {
		return false
	}
	nt := &toks[i+1]
	return lx.negAsp.mayContinue(hashBits(nt), nt)
}

// elemKinds is the set of element kinds other than elemStem (bit 1<<kind)
// that t can match: elemNeg, elemNum and elemPrefix as elemMatch tests
// them, but for the prefix itself.
func elemKinds(t *token) uint8 {
	var k uint8
	if t.le.bits&bNeg != 0 {
		k |= 1 << elemNeg
	}
	if t.kind == tkNum || t.kind == tkWord && t.le.bits&bNumWord != 0 {
		k |= 1 << elemNum
	}
	if t.kind == tkWord {
		k |= 1 << elemPrefix
	}
	return k
}

var wantBit = [...]wordBits{wantVal: bAnyVal, wantAspect: bAnyAsp, wantToxic: bAnyTox}

// wantKind selects what a match is for.
type wantKind uint8

const (
	wantVal wantKind = iota
	wantAspect
	wantToxic
)

// has reports whether p carries what want asks for: a valence, an aspect
// or a toxic term (a bit test, so that the CPU does not mispredict a
// switch on want, whose callers alternate).
func (p *payload) has(want wantKind) bool { return p.wants&(1<<want) != 0 }

// setWants sets p.wants from its fields (see has).
func (p *payload) setWants() {
	p.wants = 0
	if p.hasVal {
		p.wants |= 1 << wantVal
	}
	if p.aspect != "" {
		p.wants |= 1 << wantAspect
	}
	if p.toxKind != "" {
		p.wants |= 1 << wantToxic
	}
}

// fusedNegation looks a word up without a negating prefix (lt ne-/nebe-,
// ru не-, en un-); it returns the valence of the remainder. Most words fail
// the first two bytes, so those are checked before anything else.
func (sc *scratch) fusedNegation(t *token, lx *lexicon, stemf func(string) string) (float64, bool) {
	w := sc.norm(t)
	if len(w) < 2 {
		return 0, false
	}
	switch lx.lang {
	case EN:
		if w[0] == 'u' && w[1] == 'n' {
			return fusedRest(w[2:], 4, lx, stemf)
		}
	case LT:
		if w[0] == 'n' && w[1] == 'e' {
			if strings.HasPrefix(w, "nebe") {
				if v, ok := fusedRest(w[4:], 3, lx, stemf); ok {
					return v, true
				}
			}
			return fusedRest(w[2:], 3, lx, stemf)
		}
	case RU:
		if strings.HasPrefix(w, "не") {
			return fusedRest(w[len("не"):], 6, lx, stemf) // three Cyrillic letters
		}
	}
	return 0, false
}

// fusedPrefix reports whether w starts like one of fusedNegation's
// prefixes ("un", "ne", "не"), so that most words skip the call.
func fusedPrefix(w string) bool {
	return len(w) >= 2 && (w[0] == 'u' && w[1] == 'n' || w[0] == 'n' && w[1] == 'e' || w[0] == "не"[0] && w[1] == "не"[1])
}

// fusedRest is the valence of what follows a negating prefix, when it is at
// least minRest bytes long and the lexicon knows it (or its stem).
func fusedRest(rest string, minRest int, lx *lexicon, stemf func(string) string) (float64, bool) {
	if len(rest) < minRest {
		return 0, false
	}
	if in := lx.words[rest]; in != nil && in.hasVal {
		return in.val, true
	}
	if in := lx.words[stemf(rest)]; in != nil && in.hasVal {
		return in.val, true
	}
	return 0, false
}

// tooValence is the valence of an unknown word after an excess marker.
const tooValence = -1.0

// excess markers per language ("too" + an unknown word complains).
func excessive(norm string, lang Lang) bool {
	switch lang {
	case EN:
		return norm == "too"
	case RU:
		return norm == "слишком" || norm == "чересчур"
	case LT:
		return norm == "per" || norm == "pernelyg" || norm == "perdaug"
	}
	return false
}

// fusedSurface reports whether a Russian or Lithuanian word carries the
// negation prefix itself (не-, ne-/nebe-). Both languages have negative
// concord: "niekada nesigailėjau" (never regretted) negates once, so a
// negator does not flip such a word again when its entry is already
// positive; a negative ne-word is still flipped ("jokių nepatogumų", no
// inconvenience).
func fusedSurface(norm string, lang Lang) bool {
	switch lang {
	case RU:
		return len(norm) > 8 && strings.HasPrefix(norm, "не")
	case LT:
		return len(norm) > 4 && strings.HasPrefix(norm, "ne")
	}
	return false
}

// negationBlocked reports whether the negator at toks[neg] leaves the term
// of n tokens at toks[i] as it is (negation.tsv names the words):
//   - the term is itself a lone negator ("No and no.");
//   - the term is an interjection said for its own sake ("not the latter
//     lol");
//   - a cessation verb stands between them ("never stops being cute",
//     "не перестаёт радовать": not stopping keeps the term);
//   - a prepositional negator ("without", "без", "be") reaches only the two
//     tokens after it;
//   - the sentence is a question whose clause opens with a negated
//     auxiliary and a subject pronoun ("Isn't it lovely?", "Don't you hate
//     it when ...?"): it asks for agreement rather than denying;
//   - a Russian or Lithuanian concord word ("никаких", "jokių") does not
//     negate what carries its own negation: an entry that starts with a
//     negator ("никакого ответа не получил") or a ne- word farther than
//     right after it ("jokio atsakymo negavau"; "jokių nepatogumų" is
//     still flipped).
func (sc *scratch) negationBlocked(s *sentRec, neg, i, n int, lx *lexicon) bool {
	toks := sc.toks
	lang := lx.lang
	t, tn := &toks[i], &toks[neg]
	if n == 1 && t.le.bits&bNeg != 0 {
		return true
	}
	if lx.info(t.le.in).has(nsInterjection) || lx.info(t.le.sin).has(nsInterjection) {
		return true
	}
	for k := neg + 1; k < i; k++ {
		if lx.info(toks[k].le.in).has(nsCessation) || lx.info(toks[k].le.sin).has(nsCessation) {
			return true
		}
	}
	tnIn := lx.info(tn.le.in)
	if tnIn.has(nsPreposition) && i-neg > 2 {
		return true
	}
	if s.question > 0 && neg+1 < i && lx.info(toks[neg+1].le.in).has(nsPronoun) && (strings.HasSuffix(sc.norm(tn), "nt") || strings.HasSuffix(sc.norm(tn), "n't")) {
		sc.numberClauses(s) // only here are clauses looked at
		if neg == s.t0 || toks[neg-1].clause != tn.clause || tn.flags&fTitle != 0 {
			return true
		}
	}
	if tnIn.has(nsConcord) && (n > 1 && t.le.bits&bNeg != 0 || i-neg > 1 && fusedSurface(sc.norm(t), lang)) {
		return true
	}
	return false
}

func negate(v float64) float64 {
	if v > 0 {
		return v * negPositive
	}
	return v * negNegative
}

// evRec is an Evidence item while scoring: its span, rule and weight,
// without pointers (Term is text[start:end], the rule a ruleID), so that
// appending and changing one stores no pointer (no write barrier) and
// result builds the Evidence in the Score's block directly.
type evRec struct {
	start, end int
	weight     float64
	rule       ruleID
}

// ruleID is an Evidence rule while scoring: the index of its name in ruleNames.
type ruleID uint8

const (
	ruleLexicon ruleID = iota
	ruleNegation
	ruleContrast
	ruleIntensifier
	ruleCaps
	ruleExclamation
	ruleEmoji
	ruleComplaint
	ruleSarcasm
	ruleQuestion
	ruleElongation
)

// ruleNames has 16 entries so that ruleNames[r&15] needs no bounds check.
var ruleNames = [16]string{
	ruleLexicon:     RuleLexicon,
	ruleNegation:    RuleNegation,
	ruleContrast:    RuleContrast,
	ruleIntensifier: RuleIntensifier,
	ruleCaps:        RuleCaps,
	ruleExclamation: RuleExclamation,
	ruleEmoji:       RuleEmoji,
	ruleComplaint:   RuleComplaint,
	ruleSarcasm:     RuleSarcasm,
	ruleQuestion:    RuleQuestion,
	ruleElongation:  RuleElongation,
}

func (sc *scratch) addEv(t0, t1 *token, rule ruleID, w float64) int32 {
	sc.ev = append(sc.ev, evRec{start: t0.start, end: t1.end, rule: rule, weight: w})
	return int32(len(sc.ev) - 1)
}

// prepSentence prepares the tokens of s (see prep); it sets s.bits and
// returns the indices (from s.t0) of the tokens the scoring loop looks at
// (see markSentence), which also lists every token the scoring gives a
// valence. The lists of markSentence stay in the sentence's part of
// sc.cand (two entries per token) for sentCand and aspectCand.
func (sc *scratch) prepSentence(s *sentRec, lx *lexicon, stemf func(string) string) []int32 {
	toks := sc.toks[s.t0:s.t1]
	if s.scored {
		// Scored before (run tries another language): reset what the
		// scoring set. The tokenizer leaves tokens so.
		for i := range toks {
			t := &toks[i]
			t.val, t.ev = 0, -1
			t.flags &^= fUsed | fComplaint
		}
	}
	s.scored = true
	if prepHits(toks, sc.cache.slots, lx) {
		// Some words missed the cache: prepare them.
		for i := range toks {
			if t := &toks[i]; t.clause < 0 {
				t.clause = 0
				sc.prep(t, lx, stemf)
			}
		}
	}
	if len(sc.cand) < 2*len(sc.toks) {
		sc.cand = append(sc.cand, make([]int32, max(2*len(sc.toks)-len(sc.cand), 128))...)
	}
	bits, nc, na := markSentence(toks, sc.cand[2*s.t0:2*s.t1])
	s.bits, s.ncand, s.nasp, s.clauses = bits, int32(nc), int32(na), false
	return sc.sentCand(s)
}

// numberClauses numbers the clauses of a prepared sentence's tokens
// (token.clause), once per preparation: a break or a contrast word starts
// a new one. Only a few rules look at clauses, so most sentences skip this.
func (sc *scratch) numberClauses(s *sentRec) {
	if s.clauses {
		return
	}
	s.clauses = true
	toks := sc.toks[s.t0:s.t1]
	clause := int32(0)
	for i := range toks {
		t := &toks[i]
		// Both bits shifted to bit 0 and added without a branch: two
		// branches were mispredicted often, and a test and a
		// conditional move take more instructions.
		clause += int32((uint32(t.flags)>>fBreakShift | uint32(t.le.bits)>>bContrastShift) & 1)
		t.clause = clause
	}
}

// The bit positions of fBreak and bContrast, for numberClauses.
const (
	fBreakShift    = 2
	bContrastShift = 3
)

// Array lengths that are negative, a compile error, unless the shifts
// name the bits.
var (
	_ [fBreak - 1<<fBreakShift]struct{}
	_ [1<<fBreakShift - fBreak]struct{}
	_ [bContrast - 1<<bContrastShift]struct{}
	_ [1<<bContrastShift - bContrast]struct{}
)

// sentCand is the list of prepSentence for s.
func (sc *scratch) sentCand(s *sentRec) []int32 {
	return sc.cand[2*s.t0:][:s.ncand]
}

// aspectCand is markSentence's list of the tokens of s that matchAt may
// find an aspect for, last first.
func (sc *scratch) aspectCand(s *sentRec) []int32 {
	return sc.cand[2*s.t1-int(s.nasp) : 2*s.t1]
}

// prepHits is prep for the tokens that are not words and the words whose
// cache slot holds lx's data (most words: prep's cache hit, inline), but
// for the scoring state (val, ev, fUsed, fComplaint: see prepSentence); it
// marks the other words with clause -1 and reports them with miss. It
// makes no call, so that its state stays in registers.
func prepHits(toks []token, slots []cacheSlot, lx *lexicon) (miss bool) {
	id := lx.id
	for i := range toks {
		t := &toks[i]
		if t.kind != tkWord {
			// prep's case for other tokens
			t.le, t.spill = langEnt{bits: otherBits(t)}, nil
			t.le.hb = seqBits(t)
			continue
		}
		// A slot's le.lex is 0 until prep fills it (and sets le.ready);
		// lexicon ids are never 0.
		ce := int(t.ce)
		if uint(ce) >= uint(len(slots)) || slots[ce].le.lex != id {
			miss = true
			t.clause = -1
			continue
		}
		t.le = slots[ce].le
	}
	return miss
}

// markSentence lists in cand (twice as long as toks), from its start, the
// indices (in toks) of the tokens that the scoring loop of scoreSentence
// does anything with: an emoji, a word that matchAt may find an entry for,
// an unknown word that a fused negation or a preceding excess marker
// scores; and from its end backwards those that matchAt may find an aspect
// for (what findAspects would otherwise test for every token). It returns
// the union of the tokens' bits and the lengths of the lists. (cand is
// filled by index rather than appended to, so that the loop's state stays
// in registers.)
func markSentence(toks []token, cand []int32) (bits wordBits, nc, na int) {
	back := len(cand) - 1
	var seqNext uint32 // the previous word's langEnt.next, for this token's hashes
	var prev wordBits  // the previous token's bits
	for i := range toks {
		t := &toks[i]
		b := t.le.bits
		bits |= b
		// Listed without a branch, which the CPU would mispredict often:
		// the entry is written for every token and kept for some.
		cand[back] = int32(i)
		if b&(bAnyAsp|bNeg) != 0 {
			back--
		}
		if seqNext&t.le.hb != 0 {
			// matchAt finds nothing for a word that is no negator, has
			// no valence of its own and starts no seq that the next
			// token can continue (most words with bAnyVal: "the", "it").
			cand[nc] = int32(i - 1)
			nc++
		}
		seqNext = t.le.next
		if b&bCand != 0 || prev&bExcess != 0 && b&bUnkLong != 0 && t.flags&fBreak == 0 {
			cand[nc] = int32(i)
			nc++
			seqNext = 0 // listed already
		}
		prev = b
	}
	return bits, nc, len(cand) - 1 - back
}

// wordCount is the number of word tokens in toks.
func wordCount(toks []token) int {
	n := 0
	for i := range toks {
		if toks[i].kind == tkWord {
			n++
		}
	}
	return n
}

func (a *Analyzer) scoreSentence(sc *scratch, si int, mixedCase bool, lang Lang) {
	s := &sc.sents[si]
	lx := a.lexFor(lang)
	stemf := stemFor(lx.lang)
	toks := sc.toks
	cand := sc.prepSentence(s, lx, stemf)
	complaints := false
	next := s.t0 // the tokens before next are scored or consumed
	for _, ci := range cand {
		i := s.t0 + int(ci)
		if i < next {
			continue
		}
		next = i + 1
		t := &toks[i]
		if t.flags&fUsed != 0 {
			continue
		}
		if t.kind == tkEmoji {
			t.val = t.emo
			t.ev = sc.addEv(t, t, ruleEmoji, t.val)
			continue
		}
		var p *payload
		var n int
		if t.kind == tkWord && t.le.bits&(bNeg|bAnyVal) != 0 {
			if t.le.bits&(bNeg|bSeqs|bInVal) == bInVal {
				// matchAt's answer, without the call, for most words
				// with a valence ("great", "broke")
				p, n = &lx.info(t.le.in).payload, 1
			} else {
				p, n = sc.matchAt(lx, i, s.t1, wantVal)
			}
		}
		rule := ruleLexicon
		var v float64
		complaint := false
		switch {
		case p != nil:
			v = p.val
			complaint = p.complaint
			if complaint {
				rule = ruleComplaint
			}
		case t.kind == tkWord && t.le.bits&(bNeg|bKnown) == 0:
			var ok bool
			if v, rule, ok = sc.unknownWord(s, i, lx, stemf); !ok {
				continue
			}
			complaint = rule == ruleComplaint
			n = 1
		default:
			continue
		}
		last := &toks[i+n-1]
		for k := i + 1; k < i+n; k++ {
			toks[k].flags |= fUsed
		}
		if n > 1 && toks[i].le.bits&bNeg != 0 {
			t.flags |= fUsed // the negator belongs to the entry
		}
		next = i + n
		if v == 0 { // a neutral entry ("looks like") only shields its words
			continue
		}
		if s.bits&(bNeg|bIntens) != 0 && modifierBefore(toks, s.t0, i) {
			// Negators and intensifiers before it (in a sentence that
			// has any: s.bits is the union of its tokens' bits; and
			// only when one is within reach, for most terms are not
			// modified even there).
			v = sc.lookBack(s, lx, i, n, v, rule)
		}
		// A positive word right after a negative one is what the negative
		// word judges ("poor reliability", "bad quality"): it adds nothing.
		if v > 0 && i > s.t0 && toks[i-1].val < 0 && t.flags&fBreak == 0 && toks[i-1].flags&fComplaint == 0 {
			continue
		}
		if t.flags&(fCaps|fElong) != 0 {
			v = sc.emphasis(t, v, mixedCase)
		}
		t.val = v
		if complaint {
			t.flags |= fComplaint
			complaints = complaints || v < 0
		}
		t.ev = sc.addEv(t, last, rule, v)
	}
	if s.bits&bContrast != 0 {
		sc.contrast(s, lx, cand)
	}
	if complaints || si > 0 && wordCount(toks[s.t0:s.t1]) == 1 { // the only cases sarcasm looks at
		a.sarcasm(sc, si, cand)
	}
	if sc.tone != 0 {
		sc.toneDown(s.t0, cand)
	}
	sum, neg, pos := sentenceSums(toks[s.t0:], cand)
	if sum != sum {
		neg, pos = sum, sum // see sentenceSums
	}
	if (s.question > 0 || s.excl > 0) && sum != 0 {
		sum, neg, pos = sc.punctuation(s, sum, neg, pos)
	}
	s.sum, s.negSum, s.posSum = sum, neg, pos
}

// punctuation returns a sentence's sums (not 0) as its terminator changes
// them: a question scales them down, exclamation marks add to them.
func (sc *scratch) punctuation(s *sentRec, sum, neg, pos float64) (float64, float64, float64) {
	if s.question > 0 && s.excl == 0 && s.question < 2 {
		neg *= questionNegScale
		pos *= questionScale
		sum = pos - neg
		sc.ev = append(sc.ev, evRec{start: s.term, end: s.end, rule: ruleQuestion})
	}
	if s.excl > 0 && sum != 0 {
		b := exclBonus * float64(min(s.excl, exclMax))
		if sum < 0 {
			b = -b
			neg -= b
		} else {
			pos += b
		}
		sum += b
		sc.ev = append(sc.ev, evRec{start: s.term, end: s.end, rule: ruleExclamation, weight: b})
	}
	return sum, neg, pos
}

// unknownWord scores toks[i], a word the lexicon does not know, from a
// fused negation ("unhappy", "неплохой") or a preceding excess marker
// ("too plastic", "слишком мягкий", "per trumpas": excess is a
// complaint); ok is false when neither applies.
func (sc *scratch) unknownWord(s *sentRec, i int, lx *lexicon, stemf func(string) string) (v float64, rule ruleID, ok bool) {
	toks := sc.toks
	t := &toks[i]
	if t.le.bits&bUnkFused != 0 {
		if fv, ok := sc.fusedNegation(t, lx, stemf); ok {
			return negate(fv), ruleNegation, true
		}
	}
	if i > s.t0 && t.flags&fBreak == 0 && t.le.bits&bUnkLong != 0 && toks[i-1].le.bits&bExcess != 0 {
		return tooValence, ruleComplaint, true
	}
	return 0, 0, false
}

// emphasis returns the valence v of t raised for capitals (in a
// text that mixes cases) and for elongation, with their evidence.
func (sc *scratch) emphasis(t *token, v float64, mixedCase bool) float64 {
	if mixedCase && t.flags&fCaps != 0 {
		v *= capsFactor
		sc.addEv(t, t, ruleCaps, 0)
	}
	if t.flags&fElong != 0 {
		v *= elongFactor
		sc.addEv(t, t, ruleElongation, 0)
	}
	return v
}

// modifierBefore reports whether one of the negScope tokens before toks[i]
// (from t0, the sentence's first) is a negator or an intensifier: without
// one, lookBack finds nothing to apply.
func modifierBefore(toks []token, t0, i int) bool {
	if i <= t0 {
		return false
	}
	// The four tokens, or the first of the sentence repeated in place of
	// those before it: a fixed number of loads rather than a loop, whose
	// varying length the CPU mispredicts.
	b := toks[max(t0, i-4)].le.bits | toks[max(t0, i-3)].le.bits | toks[max(t0, i-2)].le.bits | toks[i-1].le.bits
	return b&(bNeg|bIntens) != 0
}

// modifierBefore reads four tokens: a negative array length, a compile
// error, unless negScope is 4.
var (
	_ [negScope - 4]struct{}
	_ [4 - negScope]struct{}
)

// lookBack applies to the valence v of the term of n tokens at toks[i]
// (scored by rule) the negator and the intensifiers before it in the same
// clause, and returns the new valence. scoreSentence calls it only when
// one of the four tokens before the term is a negator or an intensifier
// (modifierBefore).
func (sc *scratch) lookBack(s *sentRec, lx *lexicon, i, n int, v float64, rule ruleID) float64 {
	toks := sc.toks
	t := &toks[i]
	factor := 1.0
	negIdx := -1
	for j := i - 1; j >= s.t0 && j >= i-negScope; j-- {
		if toks[j+1].flags&fBreak != 0 {
			break
		}
		tj := &toks[j]
		if tj.flags&fUsed != 0 && tj.val == 0 || tj.le.bits&bContrast != 0 {
			break
		}
		if tj.le.bits&bNeg != 0 {
			negIdx = j
			break
		}
		if tj.le.bits&bIntens != 0 && j >= i-2 {
			factor *= lx.info(tj.le.in).intens
			if tj.val != 0 && sc.norm(tj) != sc.norm(t) { // "damn good": the intensifier's own valence gives way (not in "damn damn")
				sc.ev[tj.ev].weight, sc.ev[tj.ev].rule = 0, ruleIntensifier
				tj.val = 0
			} else if tj.ev < 0 {
				tj.ev = sc.addEv(tj, tj, ruleIntensifier, 0)
			}
		}
	}
	if negIdx >= 0 && (rule != ruleNegation || negIdx == i-1) && !(v > 0 && fusedSurface(sc.norm(t), lx.lang)) && !sc.negationBlocked(s, negIdx, i, n, lx) {
		if factor > 1 {
			factor = 1
		}
		v = negate(v * factor)
		tn := &toks[negIdx]
		if tn.val != 0 { // a negator with a valence of its own ("no", "lacks") only negates here
			sc.ev[tn.ev].weight, sc.ev[tn.ev].rule = 0, ruleNegation
			tn.val = 0
		} else {
			sc.addEv(tn, tn, ruleNegation, 0)
		}
	} else {
		v *= factor
	}
	return v
}

// contrast splits a sentence at its last contrast word (one that no entry
// consumed and that has no valence of its own): the valences before it
// and after it are weighted with the word's before and after. cand is the
// sentence's list from prepSentence, which holds every token with a
// valence. scoreSentence calls it only for a sentence with a contrast word.
func (sc *scratch) contrast(s *sentRec, lx *lexicon, cand []int32) {
	toks := sc.toks
	for k := s.t1 - 1; k >= s.t0; k-- {
		t := &toks[k]
		if t.le.bits&bContrast == 0 || t.flags&fUsed != 0 || t.val != 0 {
			continue
		}
		in := lx.info(t.le.in)
		for _, cj := range cand { // the tokens with a valence are among them
			j := s.t0 + int(cj)
			w := in.after
			if j < k {
				w = in.before
			}
			tj := &toks[j]
			if tj.val != 0 && w != 1 {
				tj.val *= w
				sc.ev[tj.ev].weight = tj.val
			}
		}
		sc.addEv(t, t, ruleContrast, 0)
		break
	}
}

// toneDown halves the valences of a sentence's tokens whose sign differs
// from the closing tone (see run); only texts with a tone call it. t0 is
// the sentence's first token and cand its list from prepSentence, which
// holds every token with a valence.
func (sc *scratch) toneDown(t0 int, cand []int32) {
	toks := sc.toks[t0:]
	tone := sc.tone
	for _, i := range cand {
		if v := toks[i].val; v*tone < 0 && t0+int(i) != sc.toneTok {
			v *= closingToneFactor
			toks[i].val = v
			sc.ev[toks[i].ev].weight = v
		}
	}
}

// sentenceSums adds up the valences of a sentence's tokens toks: all, the
// negative (as a positive number) and the positive ones. cand is the
// sentence's list from prepSentence, which holds every token with a
// valence.
func sentenceSums(toks []token, cand []int32) (sum, neg, pos float64) {
	for _, i := range cand {
		v := toks[i].val
		// Without branches on the sign, which the CPU mispredicts, nor
		// Go's float min and max (some 15 instructions with their NaN
		// and signed-zero cases): the sign bit, spread, keeps v for one
		// sum and +0 for the other, and a zero (or -0) adds nothing to
		// sums that start at +0. (A NaN valence, possible only from
		// WithLexicon data, makes sum NaN, and scoreSentence then makes
		// the others NaN too, as min and max did.)
		b := math.Float64bits(v)
		m := uint64(int64(b) >> 63)
		sum += v
		neg -= math.Float64frombits(b & m)
		pos += math.Float64frombits(b &^ m)
	}
	return sum, neg, pos
}

// sarcasmCue reports whether norm is a praise or thanks word that turns
// negative next to a complaint (cue), and whether it is a thanks word. A
// switch rather than maps: sarcasm asks for most positive words of a
// complaint, and the map lookups cost more (with the small map's branches
// mispredicted) than the compiler's search of the constants.
func sarcasmCue(norm string) (cue, thanks bool) {
	switch norm {
	case "thanks", "thank", "спасибо", "благодарю", "aciu", "dekoju":
		return true, true
	case "great", "wonderful", "brilliant", "fantastic", "perfect", "awesome", "lovely", "excellent", "amazing", "superb",
		"отлично", "прекрасно", "замечательно", "супер", "браво", "молодцы", "класс", "шикарно", "великолепно",
		"puiku", "super", "nuostabu", "sauniai", "saunu":
		return true, false
	}
	return false, false
}

func (a *Analyzer) sarcasm(sc *scratch, si int, cand []int32) {
	s := &sc.sents[si]
	toks := sc.toks[s.t0:s.t1]
	// Only tokens with a valence matter here, and cand (the sentence's
	// list from prepSentence, in order) holds all of them.
	complaintAt, weakAt := -1, -1
	for _, i := range cand {
		if t := &toks[i]; t.flags&fComplaint != 0 {
			if t.val <= -0.9 {
				complaintAt = int(i)
			}
			if t.val < 0 {
				weakAt = int(i)
			}
		}
	}
	if weakAt < 0 && !(si > 0 && sc.sents[si-1].sum <= -1.5 && sc.sents[si-1].posSum == 0 && wordCount(toks) == 1) {
		return
	}
	for _, ci := range cand {
		i := int(ci)
		t := &toks[i]
		if weakAt >= 0 && i > weakAt {
			break // the praise must come first: "thanks for ..., after a month"
		}
		if t.val <= 0 || t.kind != tkWord {
			continue // only a positive word can be a cue
		}
		// Thanks followed by any complaint pattern is ironic ("спасибо, что
		// доставили через месяц"); other praise needs a clear complaint.
		isCue, cue := sarcasmCue(sc.norm(t))
		if !cue && isCue {
			if weakAt < 0 {
				cue = true
			} else if complaintAt >= 0 {
				sc.numberClauses(s) // only here are clauses looked at
				cue = toks[complaintAt].clause == t.clause || alone(toks, i)
			}
		}
		if cue {
			t.val = -t.val * 0.8
			sc.ev[t.ev].rule = ruleSarcasm
			sc.ev[t.ev].weight = t.val
		}
	}
}

// alone reports whether toks[i] is the only word of its clause ("Great,
// still waiting.").
func alone(toks []token, i int) bool {
	for j := range toks {
		if j != i && toks[j].clause == toks[i].clause && toks[j].kind == tkWord {
			return false
		}
	}
	return true
}

// findAspects records aspect mentions with their polarity.
func (a *Analyzer) findAspects(sc *scratch) {
	toks := sc.toks
	for si := range sc.sents {
		s := &sc.sents[si]
		if s.bits&bAnyAsp == 0 {
			continue // no aspect term in the sentence
		}
		lx := a.lexFor(s.lang)
		next := s.t0 // the tokens before next are done
		asp := sc.aspectCand(s)
		for ai := len(asp) - 1; ai >= 0; ai-- {
			i := s.t0 + int(asp[ai])
			if i < next {
				continue
			}
			next = i + 1
			var p *payload
			var n int
			t := &toks[i]
			switch {
			case t.kind == tkWord && t.le.bits&(bNeg|bSeqs|bInAsp) == bInAsp:
				p, n = &lx.info(t.le.in).payload, 1 // matchAt's answer, without the call
			case t.le.bits&(bNeg|bAnyAsp) == bNeg && !negAspMay(lx, toks[:s.t1], i):
				continue // a negator that no aspect entry starts here: matchAt would find nothing
			default:
				p, n = sc.matchAt(lx, i, s.t1, wantAspect)
			}
			if p == nil {
				continue
			}
			end := i + n - 1
			var x float64
			found := false
			for _, cj := range sc.sentCand(s) { // the tokens with a valence are among them
				j := s.t0 + int(cj)
				tj := &toks[j]
				if tj.val == 0 {
					continue
				}
				// Clauses are numbered only now: many sentences with an
				// aspect have no valence to weigh.
				sc.numberClauses(s)
				if tj.clause != toks[i].clause && tj.clause != toks[end].clause {
					continue
				}
				d := 0
				if j < i {
					d = i - j
				} else if j > end {
					d = j - end
				}
				x += tj.val / (1 + 0.3*float64(d))
				found = true
			}
			if !found {
				if s.bits&bContrast == 0 { // s.bits: the union of the sentence's token bits
					x = s.sum * 0.5
				}
			}
			pol := x / math.Sqrt(x*x+4)
			dup := false
			for k := len(sc.asp) - 1; k >= 0 && sc.asp[k].Start >= s.start; k-- {
				dup = dup || sc.asp[k].Aspect == p.aspect // one mention per aspect and sentence
			}
			next = end + 1
			if dup {
				continue
			}
			sc.asp = append(sc.asp, AspectMention{Aspect: p.aspect, Start: toks[i].start, End: toks[end].end, Polarity: pol})
		}
	}
}

// result fills out, a zero Score, from the scratch after run, with one
// allocation sized for this text's sentences, evidence and aspects.
//
//go:generate go run gen_blocks.go
func (sc *scratch) result(out *Score, text string) {
	sc.scalars(out)
	ns, ne, na := len(sc.sents), len(sc.ev), len(sc.asp)
	if ns == 0 {
		return
	}
	// Exactly the room needed (blocks_gen.go): every byte of the block is
	// written into fresh memory, which is most of what a result costs.
	ss, es, as, ok := exactBlock(ns, ne, na)
	if ok && ns == 1 {
		// One sentence (most texts): its weight is 1, so its compound is
		// the text's. The slices have exactly the room needed: filled by
		// index rather than append.
		out.Sentences, out.Evidence, out.Aspects = ss[:1], es[:ne], as[:na]
		s := &sc.sents[0]
		// Field by field: a composite literal is built on the stack and
		// then copied with a write-barrier check.
		os := &out.Sentences[0]
		os.Start, os.End, os.Compound, os.Label = s.start, s.end, out.Compound, out.Label
		os.Lang = s.lang
		if ne > 0 {
			fillEvidence(out.Evidence, sc.ev, text)
		}
		// One by one: copy calls typedslicecopy (and memmove) for the
		// string in each mention.
		for k := range out.Aspects {
			out.Aspects[k] = sc.asp[k]
		}
		return
	}
	if !ok {
		ss, es, as, ok = tierBlock(ns, ne, na)
		if !ok {
			ss = make([]Sentence, 0, ns)
			if ne > 0 {
				es = make([]Evidence, 0, ne)
			}
			if na > 0 {
				as = make([]AspectMention, 0, na)
			}
		}
	}
	out.Sentences, out.Evidence, out.Aspects = ss, es, as
	sc.fill(out, text) // (zero counts leave the slices nil)
}

// scalars sets out's Compound, Negativity, Label and Lang from the scratch
// after run, and puts the evidence in text order for fill.
func (sc *scratch) scalars(out *Score) {
	r := &sc.rr
	if len(sc.ev) > 1 {
		sc.ev = sortEvidence(sc.ev) // (not called for the many texts with one item or none)
	}
	out.Compound, out.Lang = squash(r.sum), r.lang
	out.Label = LabelOf(out.Compound)
	if r.neg > 0 {
		// Within [0, 1] without a clamp: squash(r.neg) is in (0, 1] and,
		// as r.pos is never negative, so is r.neg/(r.neg+r.pos).
		out.Negativity = squash(r.neg) * r.neg / (r.neg + r.pos)
	} else {
		out.Negativity = 0
	}
}

// fill appends the sentences, evidence and aspects to out's slices: empty
// slices with exactly the room needed (result), or reused ones that append
// grows as needed (resultInto).
func (sc *scratch) fill(out *Score, text string) {
	for i := range sc.sents {
		s := &sc.sents[i]
		c := squash(s.sum)
		out.Sentences = append(out.Sentences, Sentence{Start: s.start, End: s.end, Compound: c, Label: LabelOf(c), Lang: s.lang})
	}
	ne := len(sc.ev)
	out.Evidence = slices.Grow(out.Evidence, ne)[:ne]
	fillEvidence(out.Evidence, sc.ev, text)
	out.Aspects = append(out.Aspects, sc.asp...)
}

// resultInto is result for AnalyzeInto: it overwrites every field of out
// and appends to out's slices from length zero, so that a Score reused
// from call to call stops allocating once its slices have grown to fit.
func (sc *scratch) resultInto(out *Score, text string) {
	sc.scalars(out)
	prev := len(out.Evidence)
	out.Sentences, out.Evidence, out.Aspects = out.Sentences[:0], out.Evidence[:0], out.Aspects[:0]
	sc.fill(out, text)
	if n := len(out.Evidence); prev > n {
		// Evidence left from a longer text: its Terms would keep that
		// text alive as long as the Score is reused. (The other strings
		// in a Score are constants.)
		clear(out.Evidence[n:prev])
	}
}

// fillEvidence sets dst (as long as ev) to the Evidence of ev, field by
// field: a composite literal would be built on the stack and copied.
func fillEvidence(dst []Evidence, ev []evRec, text string) {
	for k := range dst {
		e, d := &ev[k], &dst[k]
		d.Start, d.End, d.Weight = e.start, e.end, e.weight
		d.Term, d.Rule = text[e.start:e.end], ruleNames[e.rule&15]
	}
}

// sortEvidence orders evidence by position (insertion sort: lists are short
// and nearly sorted).
func sortEvidence(ev []evRec) []evRec {
	if len(ev) > 64 {
		slices.SortStableFunc(ev, func(a, b evRec) int { return a.start - b.start })
		return ev
	}
	for i := 1; i < len(ev); i++ {
		for j := i; j > 0 && ev[j].start < ev[j-1].start; j-- {
			ev[j], ev[j-1] = ev[j-1], ev[j]
		}
	}
	return ev
}
