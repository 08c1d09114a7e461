package sentiment

import (
	"errors"
	"fmt"
	"math"
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
	return &scratch{toks: make([]token, 0, 64), sents: make([]sentRec, 0, 8), ev: make([]Evidence, 0, 32), asp: make([]AspectMention, 0, 8)}
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

func squash(x float64) float64 {
	if x == 0 {
		return 0
	}
	v := x / math.Sqrt(x*x+alpha)
	return max(-1, min(1, v))
}

// Analyze scores text. It never fails: empty or unreadable text gets a
// neutral zero Score.
func (a *Analyzer) Analyze(text string) Score {
	sc := getScratch()
	var out Score
	sc.result(&out, text, a.run(sc, text))
	putScratch(sc) // not deferred: after a panic the scratch is dropped, not reused
	return out
}

type runResult struct {
	sum, neg, pos float64
	lang          Lang
}

// run does the analysis into sc.
func (a *Analyzer) run(sc *scratch, text string) runResult {
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
		a.scoreSentence(sc, text, si, mixedCase, s.lang)
		if s.lang == "" && s.negSum == 0 && s.posSum == 0 {
			// No language signal and nothing English in it: try Lithuanian.
			sc.ev = sc.ev[:mark]
			a.scoreSentence(sc, text, si, mixedCase, LT)
			if s.negSum != 0 || s.posSum != 0 {
				s.lang = LT // a Lithuanian word the English lexicon did not know
			} else {
				sc.ev = sc.ev[:mark]
				a.scoreSentence(sc, text, si, mixedCase, "")
			}
		}
	}
	// Contrast across sentences: a sentence that opens with a contrast word
	// discounts everything before it.
	var r runResult
	r.lang = textLang
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
				if t := &sc.toks[s.t0]; t.bits&bContrast != 0 && t.flags&fUsed == 0 {
					mult *= t.in.before
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
	return r
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
		if s.votes.cyr == 0 && s.votes.latin == 0 {
			s.votes = s.hvotes
		}
		s.lang = s.votes.decide()
		return s.lang
	}
	var total langVotes
	for i := range sc.sents {
		s := &sc.sents[i]
		if s.votes.cyr == 0 && s.votes.latin == 0 {
			s.votes = s.hvotes // hashtags speak only for a sentence without other words
		}
		total.plus(&s.votes)
	}
	textLang := total.decide()
	for i := range sc.sents {
		s := &sc.sents[i]
		l := s.votes.decide()
		if l != RU && textLang != RU && textLang != "" && (l == "" || s.votes.latin < 4 && s.votes.ltDiac == 0 && !s.votes.clear()) {
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

// prep fills a word token's normalised form, stem and lexicon info, from
// the word cache when it can.
func (sc *scratch) prep(t *token, lx *lexicon, stemf func(string) string) {
	t.val = 0
	t.flags &^= fNeg | fUsed | fComplaint
	t.ev = -1
	if t.kind != tkWord {
		t.in, t.sin, t.pin, t.bits = nil, nil, nil, 0
		t.stem, t.sh, t.nh = "", 0, 0
		return
	}
	var le *langEnt
	var key strRef
	if e := sc.cache.at(t.ce); e != nil {
		key = e.key
		le = &e.le
		if le.ready && le.lex == lx.id {
			t.norm, t.stem = sc.cache.str(le.norm), sc.cache.str(le.stem)
			t.sh, t.nh = le.sh, le.nh
			t.in, t.sin, t.pin, t.bits = lx.info(le.in), lx.info(le.sin), lx.info(le.pin), le.bits
			if le.neg {
				t.flags |= fNeg
			}
			return
		}
	}
	t.in, t.sin, t.pin, t.bits = nil, nil, nil, 0
	t.norm = t.low
	if lx.lang == LT && t.flags&fLtDiac != 0 {
		t.norm = sc.foldLt(t.low)
	}
	sc.lookup(t, lx, stemf)
	if t.flags&fElong != 0 && !t.in.known() && !t.sin.known() {
		orig := t.norm
		for _, n := range [2]int{2, 1} {
			t.norm = sc.unelongate(orig, n)
			sc.lookup(t, lx, stemf)
			if t.in.known() || t.sin.known() {
				break
			}
		}
	}
	for _, l := range lx.prefixLens {
		if l <= len(t.norm) {
			if in := lx.prefixes[t.norm[:l]]; in != nil {
				t.pin = in
				break
			}
		}
	}
	neg := t.in != nil && t.in.neg || lx.lang == EN && strings.HasSuffix(t.norm, "n't")
	if neg {
		t.flags |= fNeg
	}
	t.bits = bitsOf(t.in, t.sin, t.pin)
	t.sh, t.nh = hashWord(t.stem), hashWord(t.norm)
	if le == nil {
		return
	}
	norm, ok1 := sc.cache.keep(t.norm, key)
	if !ok1 {
		return
	}
	st, ok2 := sc.cache.keep(t.stem, norm)
	if !ok2 {
		return
	}
	*le = langEnt{lex: lx.id, norm: norm, stem: st, sh: t.sh, nh: t.nh, in: t.in.ref(), sin: t.sin.ref(), pin: t.pin.ref(), bits: t.bits, neg: neg, ready: true}
}

func (sc *scratch) lookup(t *token, lx *lexicon, stemf func(string) string) {
	t.in = lx.words[t.norm]
	t.stem = stemf(t.norm)
	switch {
	case t.stem == t.norm:
		t.sin = t.in
	case lx.lang == EN && !enInflection(t.norm, t.stem):
		// Porter2 also strips derivations (retardant → retard, reasonable →
		// reason); an English token meets a stem entry only through an
		// inflection.
		t.sin = nil
	default:
		t.sin = lx.words[t.stem]
	}
}

func bitsOf(in, sin, pin *info) wordBits {
	var b wordBits
	for _, x := range [3]*info{in, sin, pin} {
		if x == nil {
			continue
		}
		if x.anyVal {
			b |= bAnyVal
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
	if in != nil && in.contrast {
		b |= bContrast
	}
	if in != nil && in.intens != 0 {
		b |= bIntens
	}
	if in.known() || sin.known() {
		b |= bKnown
	}
	return b
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

func elemMatch(e elem, t *token) bool {
	switch e.kind {
	case elemNeg:
		return t.flags&fNeg != 0
	case elemNum:
		return t.kind == tkNum || t.kind == tkWord && numberWords[t.norm]
	case elemPrefix:
		return t.kind == tkWord && strings.HasPrefix(t.norm, e.key)
	}
	return t.kind == tkWord && (t.stem == e.key || t.norm == e.key)
}

// bestSeq returns the longest entry of in's seqs that matches at toks[i]
// and satisfies want, with its length in tokens, if longer than bestN.
func bestSeq(in *info, toks []token, i, end int, want wantKind, best *seq, bestN int) (*seq, int) {
	if in == nil || len(in.seqs) == 0 || i+1 >= end {
		return best, bestN
	}
	try := func(s *seq) {
		n := 1 + len(s.rest)
		if n <= bestN || i+n > end || !s.payload.has(want) {
			return
		}
		for j, e := range s.rest {
			if !elemMatch(e, &toks[i+1+j]) {
				return
			}
		}
		best, bestN = s, n
	}
	nt := &toks[i+1]
	if in.next == nil {
		sh, nh := nt.sh|1, nt.nh|1
		if !in.wild && in.secondSet&(1<<(sh>>26)|1<<(nh>>26)) == 0 {
			return best, bestN // no seq's second element can be the next token
		}
		for k, h := range in.second {
			if h == 0 || h == sh || h == nh {
				try(&in.seqs[k])
			}
		}
		return best, bestN
	}
	for _, k := range in.next[nt.stem] {
		try(&in.seqs[k])
	}
	if nt.norm != nt.stem {
		for _, k := range in.next[nt.norm] {
			try(&in.seqs[k])
		}
	}
	for _, k := range in.other {
		try(&in.seqs[k])
	}
	return best, bestN
}

// seqCandidate reports whether bestSeq(in, toks, i, end, ...) can find
// anything: in has seqs, the token after i is inside the range, and (for
// a short list without negator, number or root second elements) its stem
// or norm hash is in in.secondSet. It is bestSeq's own first checks,
// inlined so that most tokens skip the call.
func seqCandidate(in *info, toks []token, i, end int) bool {
	if in == nil || len(in.seqs) == 0 || i+1 >= end {
		return false
	}
	if in.next != nil || in.wild {
		return true
	}
	nt := &toks[i+1]
	return in.secondSet&(1<<(nt.sh>>26)|1<<(nt.nh>>26)) != 0
}

// matchAt finds the payload for the token at i: the longest multi-word entry
// starting there, else the word itself, else a `*` root.
func matchAt(lx *lexicon, toks []token, i, end int, want wantKind) (*payload, int) {
	t := &toks[i]
	if t.kind != tkWord {
		return nil, 0
	}
	if t.flags&fNeg == 0 && t.bits&wantBit[want] == 0 {
		return nil, 0
	}
	var best *seq
	n := 0
	if t.flags&fNeg != 0 && seqCandidate(lx.neg, toks, i, end) {
		best, n = bestSeq(lx.neg, toks, i, end, want, best, n)
	}
	pin := t.pin
	if t.bits&bSeqs != 0 {
		if seqCandidate(t.sin, toks, i, end) {
			best, n = bestSeq(t.sin, toks, i, end, want, best, n)
		}
		if t.in != t.sin && seqCandidate(t.in, toks, i, end) {
			best, n = bestSeq(t.in, toks, i, end, want, best, n)
		}
		if seqCandidate(pin, toks, i, end) {
			best, n = bestSeq(pin, toks, i, end, want, best, n)
		}
	}
	if best != nil {
		return &best.payload, n
	}
	if t.in != nil && t.in.payload.has(want) {
		return &t.in.payload, 1
	}
	if t.sin != nil && t.sin.payload.has(want) {
		return &t.sin.payload, 1
	}
	if pin != nil && pin.payload.has(want) {
		return &pin.payload, 1
	}
	return nil, 0
}

var wantBit = [...]wordBits{wantVal: bAnyVal, wantAspect: bAnyAsp, wantToxic: bAnyTox}

// wantKind selects what a match is for.
type wantKind uint8

const (
	wantVal wantKind = iota
	wantAspect
	wantToxic
)

func (p *payload) has(want wantKind) bool {
	switch want {
	case wantVal:
		return p.hasVal
	case wantAspect:
		return p.aspect != ""
	}
	return p.toxKind != ""
}

// fusedNegation looks a word up without a negating prefix (lt ne-/nebe-,
// ru не-, en un-); it returns the valence of the remainder. Most words fail
// the first two bytes, so those are checked before anything else.
func (sc *scratch) fusedNegation(t *token, lx *lexicon, stemf func(string) string) (float64, bool) {
	w := t.norm
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
func excessive(t *token, lang Lang) bool {
	if t.kind != tkWord {
		return false
	}
	switch lang {
	case EN:
		return t.norm == "too"
	case RU:
		return t.norm == "слишком" || t.norm == "чересчур"
	case LT:
		return t.norm == "per" || t.norm == "pernelyg" || t.norm == "perdaug"
	}
	return false
}

// fusedSurface reports whether a Russian or Lithuanian word carries the
// negation prefix itself (не-, ne-/nebe-). Both languages have negative
// concord: "niekada nesigailėjau" (never regretted) negates once, so a
// negator does not flip such a word again when its entry is already
// positive; a negative ne-word is still flipped ("jokių nepatogumų", no
// inconvenience).
func fusedSurface(t *token, lang Lang) bool {
	switch lang {
	case RU:
		return len(t.norm) > 8 && strings.HasPrefix(t.norm, "не")
	case LT:
		return len(t.norm) > 4 && strings.HasPrefix(t.norm, "ne")
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
func negationBlocked(toks []token, s *sentRec, neg, i, n int, lang Lang) bool {
	t, tn := &toks[i], &toks[neg]
	if n == 1 && t.flags&fNeg != 0 {
		return true
	}
	if t.in.has(nsInterjection) || t.sin.has(nsInterjection) {
		return true
	}
	for k := neg + 1; k < i; k++ {
		if toks[k].in.has(nsCessation) || toks[k].sin.has(nsCessation) {
			return true
		}
	}
	if tn.in.has(nsPreposition) && i-neg > 2 {
		return true
	}
	if s.question > 0 && neg+1 < i && toks[neg+1].in.has(nsPronoun) && (strings.HasSuffix(tn.norm, "nt") || strings.HasSuffix(tn.norm, "n't")) &&
		(neg == s.t0 || toks[neg-1].clause != tn.clause || tn.flags&fTitle != 0) {
		return true
	}
	if tn.in.has(nsConcord) && (n > 1 && t.flags&fNeg != 0 || i-neg > 1 && fusedSurface(t, lang)) {
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

func (sc *scratch) addEv(t0, t1 *token, text, rule string, w float64) int32 {
	sc.ev = append(sc.ev, Evidence{Start: t0.start, End: t1.end, Term: text[t0.start:t1.end], Rule: rule, Weight: w})
	return int32(len(sc.ev) - 1)
}

func (a *Analyzer) scoreSentence(sc *scratch, text string, si int, mixedCase bool, lang Lang) {
	s := &sc.sents[si]
	lx := a.lexFor(lang)
	stemf := stemFor(lx.lang)
	toks := sc.toks
	// Prepare the tokens; clauses: a break or a contrast word starts a new one.
	clause := int32(0)
	s.bits = 0
	words := 0
	complaints := false
	for i := s.t0; i < s.t1; i++ {
		t := &toks[i]
		// prep's cache hit, inline (most tokens): only word tokens have a
		// cache slot.
		if t.ce >= 0 && sc.cache.slots[t.ce].le.ready && sc.cache.slots[t.ce].le.lex == lx.id {
			le := &sc.cache.slots[t.ce].le
			t.val = 0
			t.ev = -1
			t.flags &^= fNeg | fUsed | fComplaint
			if le.neg {
				t.flags |= fNeg
			}
			t.norm, t.stem = sc.cache.str(le.norm), sc.cache.str(le.stem)
			t.sh, t.nh = le.sh, le.nh
			t.in, t.sin, t.pin, t.bits = lx.byID[le.in], lx.byID[le.sin], lx.byID[le.pin], le.bits
		} else {
			sc.prep(t, lx, stemf)
		}
		if t.kind == tkWord {
			words++
		}
		if t.flags&fBreak != 0 || t.bits&bContrast != 0 {
			clause++
		}
		t.clause = clause
		s.bits |= t.bits
	}
	for i := s.t0; i < s.t1; i++ {
		t := &toks[i]
		if t.flags&fUsed != 0 {
			continue
		}
		if t.kind == tkEmoji {
			t.val = t.emo
			t.ev = sc.addEv(t, t, text, RuleEmoji, t.val)
			continue
		}
		var p *payload
		var n int
		if t.kind == tkWord && (t.flags&fNeg != 0 || t.bits&bAnyVal != 0) { // what matchAt would reject first, without the call
			p, n = matchAt(lx, toks, i, s.t1, wantVal)
		}
		rule := RuleLexicon
		var v float64
		complaint := false
		switch {
		case p != nil:
			v = p.val
			complaint = p.complaint
			if complaint {
				rule = RuleComplaint
			}
		case t.kind == tkWord && t.flags&fNeg == 0 && t.bits&bKnown == 0:
			if fusedPrefix(t.norm) {
				if fv, ok := sc.fusedNegation(t, lx, stemf); ok {
					v = negate(fv)
					rule = RuleNegation
					n = 1
					break
				}
			}
			if i > s.t0 && t.flags&fBreak == 0 && len(t.norm) > 2 && excessive(&toks[i-1], lx.lang) && (t.in == nil || !t.in.function) {
				// "too plastic", "слишком мягкий", "per trumpas": excess is a complaint.
				v = tooValence
				rule = RuleComplaint
				complaint = true
				n = 1
				break
			}
			continue
		default:
			continue
		}
		last := &toks[i+n-1]
		for k := i + 1; k < i+n; k++ {
			toks[k].flags |= fUsed
		}
		if n > 1 && toks[i].flags&fNeg != 0 {
			t.flags |= fUsed // the negator belongs to the entry
		}
		if v == 0 { // a neutral entry ("looks like") only shields its words
			i += n - 1
			continue
		}
		// Look back for negators and intensifiers in the same clause.
		factor := 1.0
		negIdx := -1
		for j := i - 1; j >= s.t0 && j >= i-negScope; j-- {
			if toks[j+1].flags&fBreak != 0 {
				break
			}
			tj := &toks[j]
			if tj.flags&fUsed != 0 && tj.val == 0 || tj.bits&bContrast != 0 {
				break
			}
			if tj.flags&fNeg != 0 {
				negIdx = j
				break
			}
			if tj.bits&bIntens != 0 && j >= i-2 {
				factor *= tj.in.intens
				if tj.val != 0 && tj.norm != t.norm { // "damn good": the intensifier's own valence gives way (not in "damn damn")
					sc.ev[tj.ev].Weight, sc.ev[tj.ev].Rule = 0, RuleIntensifier
					tj.val = 0
				} else if tj.ev < 0 {
					tj.ev = sc.addEv(tj, tj, text, RuleIntensifier, 0)
				}
			}
		}
		if negIdx >= 0 && (rule != RuleNegation || negIdx == i-1) && !(v > 0 && fusedSurface(t, lx.lang)) && !negationBlocked(toks, s, negIdx, i, n, lx.lang) {
			if factor > 1 {
				factor = 1
			}
			v = negate(v * factor)
			tn := &toks[negIdx]
			if tn.val != 0 { // a negator with a valence of its own ("no", "lacks") only negates here
				sc.ev[tn.ev].Weight, sc.ev[tn.ev].Rule = 0, RuleNegation
				tn.val = 0
			} else {
				sc.addEv(tn, tn, text, RuleNegation, 0)
			}
		} else {
			v *= factor
		}
		// A positive word right after a negative one is what the negative
		// word judges ("poor reliability", "bad quality"): it adds nothing.
		if v > 0 && i > s.t0 && toks[i-1].val < 0 && t.flags&fBreak == 0 && toks[i-1].flags&fComplaint == 0 {
			i += n - 1
			continue
		}
		if mixedCase && t.flags&fCaps != 0 {
			v *= capsFactor
			sc.addEv(t, t, text, RuleCaps, 0)
		}
		if t.flags&fElong != 0 {
			v *= elongFactor
			sc.addEv(t, t, text, RuleElongation, 0)
		}
		t.val = v
		if complaint {
			t.flags |= fComplaint
			complaints = complaints || v < 0
		}
		t.ev = sc.addEv(t, last, text, rule, v)
		i += n - 1
	}
	// Contrast inside the sentence: the last contrast word splits it.
	for k := s.t1 - 1; k >= s.t0 && s.bits&bContrast != 0; k-- {
		t := &toks[k]
		if t.bits&bContrast == 0 || t.flags&fUsed != 0 || t.val != 0 {
			continue
		}
		for j := s.t0; j < s.t1; j++ {
			w := t.in.after
			if j < k {
				w = t.in.before
			}
			tj := &toks[j]
			if tj.val != 0 && w != 1 {
				tj.val *= w
				sc.ev[tj.ev].Weight = tj.val
			}
		}
		sc.addEv(t, t, text, RuleContrast, 0)
		break
	}
	if complaints || words == 1 && si > 0 { // the only cases sarcasm looks at
		a.sarcasm(sc, text, si, lx)
	}
	var sum, neg, pos float64
	for i := s.t0; i < s.t1; i++ {
		v := toks[i].val
		if v*sc.tone < 0 && i != sc.toneTok {
			v *= closingToneFactor
			toks[i].val = v
			sc.ev[toks[i].ev].Weight = v
		}
		sum += v
		if v < 0 {
			neg -= v
		} else {
			pos += v
		}
	}
	if s.question > 0 && s.excl == 0 && s.question < 2 && sum != 0 {
		neg *= questionNegScale
		pos *= questionScale
		sum = pos - neg
		sc.ev = append(sc.ev, Evidence{Start: s.term, End: s.end, Term: text[s.term:s.end], Rule: RuleQuestion, Weight: 0})
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
		sc.ev = append(sc.ev, Evidence{Start: s.term, End: s.end, Term: text[s.term:s.end], Rule: RuleExclamation, Weight: b})
	}
	s.sum, s.negSum, s.posSum = sum, neg, pos
}

// sarcasmCues are praise and thanks words that turn negative next to a complaint.
var sarcasmCues = map[string]bool{
	"thanks": true, "thank": true, "great": true, "wonderful": true, "brilliant": true, "fantastic": true,
	"perfect": true, "awesome": true, "lovely": true, "excellent": true, "amazing": true, "superb": true,
	"спасибо": true, "благодарю": true, "отлично": true, "прекрасно": true, "замечательно": true,
	"супер": true, "браво": true, "молодцы": true, "класс": true, "шикарно": true, "великолепно": true,
	"aciu": true, "dekoju": true, "puiku": true, "super": true, "nuostabu": true, "sauniai": true, "saunu": true,
}

// thanksCues are the thanks words among sarcasmCues.
var thanksCues = map[string]bool{"thanks": true, "thank": true, "спасибо": true, "благодарю": true, "aciu": true, "dekoju": true}

func (a *Analyzer) sarcasm(sc *scratch, text string, si int, lx *lexicon) {
	s := &sc.sents[si]
	toks := sc.toks
	complaintAt, weakAt := -1, -1
	words := 0
	for i := s.t0; i < s.t1; i++ {
		if toks[i].flags&fComplaint != 0 && toks[i].val <= -0.9 {
			complaintAt = i
		}
		if toks[i].flags&fComplaint != 0 && toks[i].val < 0 {
			weakAt = i
		}
		if toks[i].kind == tkWord {
			words++
		}
	}
	prevNeg := si > 0 && sc.sents[si-1].sum <= -1.5 && sc.sents[si-1].posSum == 0
	if weakAt < 0 && !(prevNeg && words == 1) {
		return
	}
	for i := s.t0; i < s.t1; i++ {
		t := &toks[i]
		if weakAt >= 0 && i > weakAt {
			break // the praise must come first: "thanks for ..., after a month"
		}
		if t.val <= 0 || t.kind != tkWord {
			continue // only a positive word can be a cue
		}
		// Thanks followed by any complaint pattern is ironic ("спасибо, что
		// доставили через месяц"); other praise needs a clear complaint.
		alone := true // the cue is its clause's only word ("Great, still waiting.")
		for j := s.t0; j < s.t1; j++ {
			if j != i && toks[j].clause == t.clause && toks[j].kind == tkWord {
				alone = false
			}
		}
		cue := thanksCues[t.norm] || sarcasmCues[t.norm] && (complaintAt >= 0 && (alone || toks[complaintAt].clause == t.clause) || weakAt < 0)
		if cue {
			t.val = -t.val * 0.8
			sc.ev[t.ev].Rule = RuleSarcasm
			sc.ev[t.ev].Weight = t.val
		}
	}
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
		for i := s.t0; i < s.t1; i++ {
			if toks[i].bits&bAnyAsp == 0 && toks[i].flags&fNeg == 0 {
				continue // what matchAt would reject first
			}
			p, n := matchAt(lx, toks, i, s.t1, wantAspect)
			if p == nil {
				continue
			}
			end := i + n - 1
			var x float64
			found := false
			for j := s.t0; j < s.t1; j++ {
				tj := &toks[j]
				if tj.val == 0 || tj.clause != toks[i].clause && tj.clause != toks[end].clause {
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
			if dup {
				i = end
				continue
			}
			sc.asp = append(sc.asp, AspectMention{Aspect: p.aspect, Start: toks[i].start, End: toks[end].end, Polarity: pol})
			i = end
		}
	}
}

// resultBlock holds a short text's result slices in one allocation. Most
// texts are one sentence with a few evidence items and at most one aspect;
// those get a block of exactly their size (see smallBlock), so that Analyze
// allocates as few bytes as it can and the garbage collector runs less often.
type resultBlock struct {
	s [2]Sentence
	e [8]Evidence
	a [2]AspectMention
}

type resultBlockM struct {
	s [8]Sentence
	e [32]Evidence
	a [8]AspectMention
}

type resultBlockL struct {
	s [32]Sentence
	e [128]Evidence
	a [48]AspectMention
}

func (sc *scratch) result(out *Score, text string, r runResult) {
	sc.ev = sortEvidence(sc.ev)
	out.Compound, out.Lang = squash(r.sum), r.lang
	out.Label = LabelOf(out.Compound)
	if r.neg > 0 {
		out.Negativity = max(0, min(1, squash(r.neg)*r.neg/(r.neg+r.pos)))
	}
	ns, ne, na := len(sc.sents), len(sc.ev), len(sc.asp)
	switch {
	case ns == 0:
		return
	case ns == 1 && ne <= 6 && na <= 2:
		// One sentence (most texts): its weight is 1, so its compound is
		// the text's.
		out.Sentences, out.Evidence, out.Aspects = smallBlock(ne, na)
		s := &sc.sents[0]
		out.Sentences = append(out.Sentences, Sentence{Start: s.start, End: s.end, Compound: out.Compound, Label: out.Label, Lang: s.lang})
		out.Evidence = append(out.Evidence, sc.ev...)
		out.Aspects = append(out.Aspects, sc.asp...)
		return
	case ns <= 2 && ne <= 8 && na <= 2:
		b := new(resultBlock)
		out.Sentences, out.Evidence, out.Aspects = b.s[:0:ns], b.e[:0:ne], b.a[:0:na]
	case ns <= 2 && ne <= 12 && na <= 6:
		b := new(struct {
			s [2]Sentence
			e [12]Evidence
			a [6]AspectMention
		})
		out.Sentences, out.Evidence, out.Aspects = b.s[:0:ns], b.e[:0:ne], b.a[:0:na]
	case ns <= 8 && ne <= 32 && na <= 8:
		b := new(resultBlockM)
		out.Sentences, out.Evidence, out.Aspects = b.s[:0:ns], b.e[:0:ne], b.a[:0:na]
	case ns <= 32 && ne <= 128 && na <= 48:
		b := new(resultBlockL)
		out.Sentences, out.Evidence, out.Aspects = b.s[:0:ns], b.e[:0:ne], b.a[:0:na]
	default:
		out.Sentences = make([]Sentence, 0, ns)
		if ne > 0 {
			out.Evidence = make([]Evidence, 0, ne)
		}
		if na > 0 {
			out.Aspects = make([]AspectMention, 0, na)
		}
	}
	for i := range sc.sents {
		s := &sc.sents[i]
		c := squash(s.sum)
		out.Sentences = append(out.Sentences, Sentence{Start: s.start, End: s.end, Compound: c, Label: LabelOf(c), Lang: s.lang})
	}
	out.Evidence = append(out.Evidence, sc.ev...)
	out.Aspects = append(out.Aspects, sc.asp...)
	if ne == 0 {
		out.Evidence = nil
	}
	if na == 0 {
		out.Aspects = nil
	}
}

// smallBlock returns, from one allocation sized for them, empty slices with
// room for one sentence, ne evidence items (ne <= 6) and na aspects (na <=
// 2), each with exactly that capacity.
func smallBlock(ne, na int) ([]Sentence, []Evidence, []AspectMention) {
	switch na {
	case 0:
		switch ne {
		case 0:
			b := new(struct{ s [1]Sentence })
			return b.s[:0:1], nil, nil
		case 1:
			b := new(struct {
				s [1]Sentence
				e [1]Evidence
			})
			return b.s[:0:1], b.e[:0:ne], nil
		case 2:
			b := new(struct {
				s [1]Sentence
				e [2]Evidence
			})
			return b.s[:0:1], b.e[:0:ne], nil
		case 3:
			b := new(struct {
				s [1]Sentence
				e [3]Evidence
			})
			return b.s[:0:1], b.e[:0:ne], nil
		case 4:
			b := new(struct {
				s [1]Sentence
				e [4]Evidence
			})
			return b.s[:0:1], b.e[:0:ne], nil
		}
	case 1:
		switch ne {
		case 0:
			b := new(struct {
				s [1]Sentence
				a [1]AspectMention
			})
			return b.s[:0:1], nil, b.a[:0:na]
		case 1:
			b := new(struct {
				s [1]Sentence
				e [1]Evidence
				a [1]AspectMention
			})
			return b.s[:0:1], b.e[:0:ne], b.a[:0:na]
		case 2:
			b := new(struct {
				s [1]Sentence
				e [2]Evidence
				a [1]AspectMention
			})
			return b.s[:0:1], b.e[:0:ne], b.a[:0:na]
		case 3:
			b := new(struct {
				s [1]Sentence
				e [3]Evidence
				a [1]AspectMention
			})
			return b.s[:0:1], b.e[:0:ne], b.a[:0:na]
		case 4:
			b := new(struct {
				s [1]Sentence
				e [4]Evidence
				a [1]AspectMention
			})
			return b.s[:0:1], b.e[:0:ne], b.a[:0:na]
		}
	}
	b := new(struct {
		s [1]Sentence
		e [6]Evidence
		a [2]AspectMention
	})
	return b.s[:0:1], b.e[:0:ne], b.a[:0:na]
}

// sortEvidence orders evidence by position (insertion sort: lists are short
// and nearly sorted).
func sortEvidence(ev []Evidence) []Evidence {
	if len(ev) > 64 {
		slices.SortStableFunc(ev, func(a, b Evidence) int { return a.Start - b.Start })
		return ev
	}
	for i := 1; i < len(ev); i++ {
		for j := i; j > 0 && ev[j].Start < ev[j-1].Start; j-- {
			ev[j], ev[j-1] = ev[j-1], ev[j]
		}
	}
	return ev
}
