package sentiment

import (
	"bufio"
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/reputekit/repute/internal/stem"
)

//go:embed lexicon
var lexiconFS embed.FS

// Element kinds of a multi-word entry.
const (
	elemStem   = iota // the token's stem equals key
	elemPrefix        // the token's normalised form starts with key
	elemNeg           // any negator
	elemNum           // any number token ("<num>" in the file)
)

type elem struct {
	key  string
	h    uint16 // hash16(key) for elemStem: a token whose hashes differ cannot match
	kind uint8
}

// payload is what an entry says about the tokens it matches.
type payload struct {
	val       float64
	hasVal    bool
	complaint bool
	wants     uint8 // bit 1<<want for each wantKind the payload has (set by info.finish)
	aspect    Aspect
	toxKind   string
	toxW      float64
}

// seq is a multi-word entry, indexed by its first element; rest holds the others.
type seq struct {
	rest []elem
	payload
}

// maxFilteredSeqs is the longest list of seqs that bestSeq scans with the
// second-key filter; longer lists are indexed by a table (info.nextTab).
const maxFilteredSeqs = 16

// info is everything a lexicon knows about one key (a normalised word or a stem).
type info struct {
	payload
	neg      bool
	intens   float64 // 0: not an intensifier
	contrast bool
	before   float64
	after    float64
	function bool
	ns       nsKind // roles in negation scope (negation.tsv)
	seqs     []seq  // multi-word entries that start with this key, longest first
	// nextTab indexes seqs by the key of their second element (stem
	// entries only; see nextSeqs), with no pointer and no string hashing:
	// an open-addressing table of one slot per key, keyed by the key's
	// hash16, which a token carries for its stem and norm. nextIdx holds
	// the seq indices that the slots refer to, grouped by key. Seqs whose
	// second element is a negator, a number or a root are listed in other.
	// Built only for long lists.
	nextTab []nextSlot
	nextIdx []int32
	other   []int32
	// second holds, per seq, the hash of its second element's key (0 for
	// a negator, number or root element, which any token may match), so
	// that short lists are filtered without touching the seqs.
	second []uint16
	// secondThird holds, per seq, the hash of its third element's key
	// (hash16|1; 0 for a seq of two words or a third element that is no
	// stem): bestSeq checks it, after second, before calling seqMatch.
	secondThird []uint16
	// secondSet has bit h>>10 set for every non-zero hash h in second, and
	// wild says second has a zero: a token whose hashes miss secondSet
	// cannot match any of these seqs unless wild.
	secondSet uint64
	wild      bool
	// hashMask, keySet and wildKinds are what matchAt tests the next
	// token against (mayContinue; nextBits is their summary for the word
	// cache): its hashes must meet hashMask (secondSet; 0 with nextTab) or
	// keySet (with nextTab: bit h>>8 set for the hash16 h of every key in
	// it; 64 bits would be nearly full for the negators' hundred keys),
	// or its kind one of wildKinds (bit 1<<elemNeg, elemNum or elemPrefix
	// per such second element; "to no avail" has a wild seq, but most
	// tokens after "to" are no negator).
	hashMask  uint64
	keySet    *[4]uint64
	wildKinds uint8
	more      bool // keySet or wildKinds is set (see mayContinue)
	// third is what the token two after the key must meet (its seqBits)
	// for one of seqs to match there: the seqBits of their third
	// elements, or all ones when a seq is two words long or the list is
	// long (nextTab). Most words that the scorer tries only for a seq start
	// one that the next word continues but the one after ends ("in the",
	// "you can"); third spares some of them bestSeq (see thirdMay).
	third uint32
	// anyVal and anyAsp say whether the key or one of its seqs carries a
	// valence or an aspect, so the scorer can skip the rest quickly.
	anyVal, anyAsp, anyTox bool
	id                     int32 // 1 + index in lexicon.infos; 0 when not registered
}

// ref returns in's id for the word cache (0 for nil).
func (in *info) ref() int32 {
	if in == nil {
		return 0
	}
	return in.id
}

func (in *info) finish() {
	in.payload.setWants()
	for i := range in.seqs {
		in.seqs[i].payload.setWants()
	}
	if len(in.seqs) <= maxFilteredSeqs {
		in.second = make([]uint16, len(in.seqs))
		in.secondThird = make([]uint16, len(in.seqs))
		for k, s := range in.seqs {
			if len(s.rest) > 1 && s.rest[1].kind == elemStem {
				in.secondThird[k] = hash16(s.rest[1].key) | 1
			}
			if s.rest[0].kind == elemStem {
				in.second[k] = hash16(s.rest[0].key) | 1
				in.secondSet |= 1 << (in.second[k] >> 10)
			} else {
				in.wild = true
				in.wildKinds |= 1 << s.rest[0].kind
			}
		}
	}
	if len(in.seqs) > maxFilteredSeqs {
		in.keySet = new([4]uint64)
		var keys []string
		groups := map[string][]int32{}
		for k, s := range in.seqs {
			if s.rest[0].kind == elemStem {
				key := s.rest[0].key
				if groups[key] == nil {
					keys = append(keys, key)
				}
				groups[key] = append(groups[key], int32(k))
				h := hash16(key) >> 8
				in.keySet[h>>6] |= 1 << (h & 63)
			} else {
				in.other = append(in.other, int32(k))
				in.wildKinds |= 1 << s.rest[0].kind
			}
		}
		in.buildNextTab(keys, groups)
	}
	in.hashMask = in.secondSet
	in.more = in.keySet != nil || in.wildKinds != 0
	in.third = thirdBits(in)
	in.anyVal = in.hasVal
	in.anyAsp = in.aspect != ""
	in.anyTox = in.toxKind != ""
	for i := range in.seqs {
		in.anyVal = in.anyVal || in.seqs[i].hasVal
		in.anyAsp = in.anyAsp || in.seqs[i].aspect != ""
		in.anyTox = in.anyTox || in.seqs[i].toxKind != ""
	}
}

// nextSlot is an entry of info.nextTab: the seqs whose second element has
// the key with hash16 h (h|1, so that 0 marks an empty slot) are listed in
// info.nextIdx[at:at+n].
type nextSlot struct {
	h     uint16
	at, n uint32
}

// buildNextTab sets nextTab and nextIdx from the distinct keys (in order)
// and the seqs (indices, in order) that each key is the second element of.
func (in *info) buildNextTab(keys []string, groups map[string][]int32) {
	size := 4
	for size < 2*len(keys) {
		size *= 2 // at most half full: every probe meets an empty slot
	}
	in.nextTab = make([]nextSlot, size)
	for _, key := range keys {
		h := hash16(key) | 1
		i := int(h>>1) & (size - 1)
		for in.nextTab[i].h != 0 {
			i = (i + 1) & (size - 1)
		}
		g := groups[key]
		in.nextTab[i] = nextSlot{h: h, n: uint32(len(g)), at: uint32(len(in.nextIdx))}
		in.nextIdx = append(in.nextIdx, g...)
	}
}

// nextSeqs returns the indices of the seqs whose second element's key is
// key, whose hash16 is h.
func (in *info) nextSeqs(key string, h uint16) []int32 {
	h |= 1
	tab := in.nextTab
	mask := len(tab) - 1
	for i := int(h>>1) & mask; ; i = (i + 1) & mask {
		sl := &tab[i]
		if sl.h == 0 {
			return nil
		}
		if sl.h == h {
			if g := in.nextIdx[sl.at : sl.at+sl.n]; in.seqs[g[0]].rest[0].key == key {
				return g
			}
		}
	}
}

// thirdBits computes info.third.
func thirdBits(in *info) uint32 {
	if in.nextTab != nil {
		return ^uint32(0)
	}
	var b uint32
	for _, s := range in.seqs {
		if len(s.rest) < 2 {
			return ^uint32(0)
		}
		switch e := s.rest[1]; e.kind {
		case elemStem:
			b |= 1 << fold29(hash16(e.key)>>10)
		case elemNeg:
			b |= sbNeg
		case elemNum:
			b |= sbNum
		default:
			b |= sbPrefix
		}
	}
	return b
}

// nsKind is a set of roles a word plays for negation scope (negation.tsv).
type nsKind uint8

const (
	nsInterjection nsKind = 1 << iota // never negated ("lol", "haha")
	nsCessation                       // a negator before it does not reach past it ("stop", "перестать")
	nsPreposition                     // a negator that reaches only two tokens ("without", "без")
	nsPronoun                         // a subject pronoun after a negated auxiliary in a question ("isn't it")
	nsConcord                         // a concord negator ("никаких", "jokių")
)

var nsKinds = map[string]nsKind{
	"interjection": nsInterjection,
	"cessation":    nsCessation,
	"preposition":  nsPreposition,
	"pronoun":      nsPronoun,
	"concord":      nsConcord,
}

// has reports whether in (possibly nil) plays the role k.
func (in *info) has(k nsKind) bool { return in != nil && in.ns&k != 0 }

// lexiconIDs numbers lexicons, so that a word-cache entry can say which
// lexicon its info ids belong to.
var lexiconIDs atomic.Uint32

type lexicon struct {
	id         uint32  // unique, never 0
	infos      []*info // every word and prefix info, by id-1
	byID       []*info // nil, then infos: indexed by id (set by compact)
	lang       Lang
	words      map[string]*info // normalised forms and stems
	prefixes   map[string]*info // `*` roots (normalised, unstemmed)
	prefixLens []int            // byte lengths of the keys in prefixes, longest first
	negSeqs    []seq            // multi-word entries that start with a negator
	neg        *info            // negSeqs, indexed
	negAsp     *info            // the negSeqs with an aspect, indexed (for findAspects' filter)

	// prefixHeads has bit hash16(k[:m])&1023 set for every key k in
	// prefixes, m being the shortest key length (the last of
	// prefixLens): a word whose first m bytes miss it has no root, and
	// prep skips the map lookups (one per length) for most words.
	prefixHeads [16]uint64
}

// norm returns the language's matching form of a lower-case word: ё→е
// (always), diacritics folded away for Lithuanian.
func normWord(lang Lang, w string) string {
	w = strings.ReplaceAll(w, "ё", "е")
	w = strings.ReplaceAll(w, "’", "'")
	if lang == LT {
		w = stem.FoldLithuanian(w)
	}
	return w
}

// stemFor returns the stemming function of a language.
func stemFor(lang Lang) func(string) string {
	switch lang {
	case RU:
		return stem.Russian
	case LT:
		return stem.Lithuanian
	case EN:
		return stem.English
	}
	return func(s string) string { return s }
}

// info returns the info with the given id (nil for 0).
func (lx *lexicon) info(id int32) *info {
	return lx.byID[id]
}

func (lx *lexicon) newInfo() *info {
	in := &info{}
	lx.infos = append(lx.infos, in)
	in.id = int32(len(lx.infos))
	return in
}

func (lx *lexicon) get(key string) *info {
	if in, ok := lx.words[key]; ok {
		return in
	}
	in := lx.newInfo()
	lx.words[key] = in
	return in
}

func (lx *lexicon) getPrefix(key string) *info {
	if in, ok := lx.prefixes[key]; ok {
		return in
	}
	in := lx.newInfo()
	lx.prefixes[key] = in
	lx.prefixLens = append(lx.prefixLens, len(key))
	return in
}

// loadFile is the parsed content of one lexicon file: lines of fields.
type line struct {
	n      int
	fields []string
}

func parseLines(data []byte) []line {
	var out []line
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		s := sc.Text()
		if i := strings.IndexByte(s, '#'); i >= 0 {
			s = s[:i]
		}
		s = strings.TrimRight(s, " \r\t")
		if strings.TrimSpace(s) == "" {
			continue
		}
		fields := strings.Split(s, "\t")
		for i := range fields {
			fields[i] = strings.TrimSpace(fields[i])
		}
		out = append(out, line{n, fields})
	}
	return out
}

type loader struct {
	lx   *lexicon
	stem func(string) string
	errs []error
	file string
}

func (ld *loader) errorf(n int, format string, args ...any) {
	ld.errs = append(ld.errs, &LexiconError{Lang: ld.lx.lang, File: ld.file, Line: n, Msg: fmt.Sprintf(format, args...)})
}

// words splits a term into normalised words.
func (ld *loader) termWords(term string) []string {
	return strings.Fields(normWord(ld.lx.lang, strings.ToLower(term)))
}

func (ld *loader) isNeg(w string) bool {
	if in, ok := ld.lx.words[w]; ok && in.neg {
		return true
	}
	return ld.lx.lang == EN && strings.HasSuffix(w, "n't")
}

func (ld *loader) elemOf(w string) elem {
	switch {
	case w == "<num>":
		return elem{kind: elemNum}
	case ld.isNeg(w):
		return elem{kind: elemNeg}
	case len(w) > 1 && strings.HasSuffix(w, "*"):
		return elem{key: strings.TrimSuffix(w, "*"), kind: elemPrefix}
	}
	key := ld.stem(w)
	return elem{key: key, h: hash16(key), kind: elemStem}
}

// addTerm attaches p to a term; set decides how the payload merges (override
// replaces, otherwise the first entry for a key wins for the stem key).
func (ld *loader) addTerm(term string, p payload, override bool, set func(dst *payload, p payload)) {
	ws := ld.termWords(term)
	if len(ws) == 0 {
		return
	}
	if len(ws) == 1 {
		w := ws[0]
		if len(w) > 1 && strings.HasSuffix(w, "*") {
			set(&ld.lx.getPrefix(strings.TrimSuffix(w, "*")).payload, p)
			return
		}
		set(&ld.lx.get(w).payload, p) // exact form always
		st := ld.stem(w)
		if st != w && st != "" && ld.inflectional(w, st) {
			in := ld.lx.get(st)
			if override || !in.hasVal && in.aspect == "" && in.toxKind == "" && !in.complaint || stemFree(in, p) {
				set(&in.payload, p)
			}
		}
		return
	}
	s := seq{payload: p}
	first := ld.elemOf(ws[0])
	for _, w := range ws[1:] {
		s.rest = append(s.rest, ld.elemOf(w))
	}
	var list *[]seq
	switch first.kind {
	case elemNeg:
		list = &ld.lx.negSeqs
	case elemPrefix:
		list = &ld.lx.getPrefix(first.key).seqs
	case elemNum:
		ld.errorf(0, "%q: a multi-word entry cannot start with <num>", term)
		return
	default:
		list = &ld.lx.get(first.key).seqs
	}
	for i := range *list {
		if slices.Equal((*list)[i].rest, s.rest) {
			set(&(*list)[i].payload, p)
			return
		}
	}
	*list = append(*list, s)
}

// inflectional reports whether the stem of an entry word may stand for it.
// Porter2 also strips derivational suffixes (useful → use, reasonable →
// reason, exceptional → except), which change the sentiment; English entries
// are therefore indexed by stem only when the stripped part is an
// inflection. Russian and Lithuanian stems always stand for their words.
func (ld *loader) inflectional(w, st string) bool {
	return ld.lx.lang != EN || enInflection(w, st)
}

// enInflection reports whether the English word w differs from its stem st
// only by an inflection (-s, -es, -ed, -ing, a changed final letter).
func enInflection(w, st string) bool {
	if len(st) < 3 {
		return false // "sue" → "su" would catch "SU", "su"
	}
	if !strings.HasPrefix(w, st) {
		// happy → happi, argue → argu: a changed last letter is fine when
		// the rest is short.
		if strings.HasPrefix(w, st[:len(st)-1]) {
			return len(w)-len(st) <= 2
		}
		return false
	}
	rest := w[len(st):]
	if len(rest) > 2 && rest[0] == st[len(st)-1] {
		rest = rest[1:] // stopped, running: a doubled final consonant
	}
	switch rest {
	case "", "s", "es", "e", "ed", "d", "ing", "ies", "ied":
		return true
	}
	return false
}

// stemFree reports whether the stem key has no payload of the kind p sets.
func stemFree(in *info, p payload) bool {
	switch {
	case p.hasVal:
		return !in.hasVal
	case p.aspect != "":
		return in.aspect == ""
	case p.toxKind != "":
		return in.toxKind == ""
	}
	return false
}

func parseFloat(s string) (float64, bool) {
	f, err := strconv.ParseFloat(s, 64)
	return f, err == nil
}

func (ld *loader) loadValence(data []byte, complaint, override bool) {
	for _, l := range parseLines(data) {
		if len(l.fields) < 2 {
			ld.errorf(l.n, "want term<TAB>valence, got %q", strings.Join(l.fields, " "))
			continue
		}
		v, ok := parseFloat(l.fields[1])
		if !ok || v < -4 || v > 4 {
			ld.errorf(l.n, "valence %q is not a number in -4..4", l.fields[1])
			continue
		}
		ld.addTerm(l.fields[0], payload{val: v, hasVal: true, complaint: complaint}, override, func(dst *payload, p payload) {
			dst.val, dst.hasVal, dst.complaint = p.val, p.hasVal, p.complaint
		})
	}
}

func (ld *loader) loadWordList(data []byte, set func(in *info)) {
	for _, l := range parseLines(data) {
		for _, w := range ld.termWords(l.fields[0]) {
			set(ld.lx.get(w))
		}
	}
}

func (ld *loader) loadIntensifiers(data []byte) {
	for _, l := range parseLines(data) {
		if len(l.fields) < 2 {
			ld.errorf(l.n, "want term<TAB>factor")
			continue
		}
		f, ok := parseFloat(l.fields[1])
		if !ok || f <= 0 || f > 4 {
			ld.errorf(l.n, "factor %q is not a number in (0,4]", l.fields[1])
			continue
		}
		ws := ld.termWords(l.fields[0])
		if len(ws) != 1 {
			// Multi-word intensifiers ("a bit", "a lot") apply from their last word.
			if len(ws) == 0 {
				continue
			}
		}
		ld.lx.get(ws[len(ws)-1]).intens = f
	}
}

// loadNegation reads negation.tsv: term<TAB>kind, where kind is one of
// nsKinds. The role is given to the word and to its stem.
func (ld *loader) loadNegation(data []byte) {
	for _, l := range parseLines(data) {
		if len(l.fields) < 2 {
			ld.errorf(l.n, "want term<TAB>kind")
			continue
		}
		k, ok := nsKinds[l.fields[1]]
		if !ok {
			ld.errorf(l.n, "unknown kind %q", l.fields[1])
			continue
		}
		ws := ld.termWords(l.fields[0])
		if len(ws) != 1 {
			ld.errorf(l.n, "%q: want one word", l.fields[0])
			continue
		}
		ld.lx.get(ws[0]).ns |= k
		if st := ld.stem(ws[0]); st != ws[0] && st != "" && k&(nsInterjection|nsCessation) != 0 {
			ld.lx.get(st).ns |= k
		}
	}
}

func (ld *loader) loadContrast(data []byte) {
	for _, l := range parseLines(data) {
		if len(l.fields) < 3 {
			ld.errorf(l.n, "want term<TAB>before<TAB>after")
			continue
		}
		b, ok1 := parseFloat(l.fields[1])
		a, ok2 := parseFloat(l.fields[2])
		if !ok1 || !ok2 || b < 0 || a < 0 || b > 4 || a > 4 {
			ld.errorf(l.n, "weights %q %q are not numbers in 0..4", l.fields[1], l.fields[2])
			continue
		}
		ws := ld.termWords(l.fields[0])
		if len(ws) == 0 {
			continue
		}
		in := ld.lx.get(ws[len(ws)-1])
		in.contrast, in.before, in.after = true, b, a
	}
}

func (ld *loader) loadAspects(data []byte) {
	for _, l := range parseLines(data) {
		if len(l.fields) < 2 {
			ld.errorf(l.n, "want term<TAB>aspect")
			continue
		}
		a := Aspect(l.fields[1])
		if !slices.Contains(Aspects, a) {
			ld.errorf(l.n, "unknown aspect %q", l.fields[1])
			continue
		}
		ld.addTerm(l.fields[0], payload{aspect: a}, false, func(dst *payload, p payload) { dst.aspect = p.aspect })
	}
}

func (ld *loader) loadToxic(data []byte) {
	for _, l := range parseLines(data) {
		if len(l.fields) < 3 {
			ld.errorf(l.n, "want term<TAB>kind<TAB>weight")
			continue
		}
		kind := l.fields[1]
		if kind != "insult" && kind != "profanity" && kind != "threat" {
			ld.errorf(l.n, "unknown kind %q", kind)
			continue
		}
		w, ok := parseFloat(l.fields[2])
		if !ok || w < 0 || w > 1 {
			ld.errorf(l.n, "weight %q is not a number in 0..1", l.fields[2])
			continue
		}
		ld.addTerm(l.fields[0], payload{toxKind: kind, toxW: w}, false, func(dst *payload, p payload) {
			dst.toxKind, dst.toxW = p.toxKind, p.toxW
		})
	}
}

// buildLexicon parses the files of one language; extra valence data (from
// WithLexicon) overrides the embedded entries.
func buildLexicon(lang Lang, files fs.FS, dir string, extra [][]byte) (*lexicon, error) {
	lx := &lexicon{id: lexiconIDs.Add(1), lang: lang, words: make(map[string]*info, 4096), prefixes: map[string]*info{}}
	ld := &loader{lx: lx, stem: stemFor(lang)}
	read := func(name string) []byte {
		if files == nil {
			return nil
		}
		b, err := fs.ReadFile(files, path.Join(dir, name))
		if err != nil {
			return nil // a missing optional file is an empty list
		}
		if !utf8.Valid(b) {
			ld.errs = append(ld.errs, &LexiconError{Lang: lang, File: name, Msg: "not valid UTF-8"})
			return nil
		}
		ld.file = name
		return b
	}
	ld.loadWordList(read("negators.txt"), func(in *info) { in.neg = true })
	ld.loadWordList(read("function.txt"), func(in *info) { in.function = true })
	ld.loadNegation(read("negation.tsv"))
	ld.loadIntensifiers(read("intensifiers.tsv"))
	ld.loadContrast(read("contrast.tsv"))
	ld.loadValence(read("valence.tsv"), false, false)
	ld.loadValence(read("complaints.tsv"), true, false)
	ld.loadAspects(read("aspects.tsv"))
	ld.loadToxic(read("toxic.tsv"))
	for i, x := range extra {
		ld.file = fmt.Sprintf("WithLexicon#%d", i+1)
		ld.loadValence(x, false, true)
	}
	sortSeqs := func(s []seq) {
		slices.SortStableFunc(s, func(a, b seq) int { return len(b.rest) - len(a.rest) })
	}
	for _, in := range lx.words {
		sortSeqs(in.seqs)
		in.finish()
	}
	for _, in := range lx.prefixes {
		sortSeqs(in.seqs)
		in.finish()
	}
	sortSeqs(lx.negSeqs)
	lx.neg = &info{seqs: lx.negSeqs}
	lx.neg.finish()
	slices.Sort(lx.prefixLens)
	lx.prefixLens = slices.Compact(lx.prefixLens)
	slices.Reverse(lx.prefixLens)
	if n := len(lx.prefixLens); n > 0 {
		m := lx.prefixLens[n-1]
		for k := range lx.prefixes {
			h := hash16(k[:m]) & 1023
			lx.prefixHeads[h>>6] |= 1 << (h & 63)
		}
	}
	lx.compact()
	var asp []seq
	for _, sq := range lx.negSeqs {
		if sq.aspect != "" {
			asp = append(asp, sq)
		}
	}
	lx.negAsp = &info{seqs: asp}
	lx.negAsp.finish()
	return lx, errors.Join(ld.errs...)
}

// compact moves the finished lexicon into a few large objects: the infos
// into one array, the multi-word entries and their elements into one array
// each, and every key and label string into one string. Loading leaves
// some 20,000 small objects (an info, a key string and the line it was cut
// from per word), which the garbage collector would otherwise mark one by
// one in every cycle for as long as the lexicon lives; Analyze allocates
// for every call, so those cycles are frequent. The content is unchanged.
func (lx *lexicon) compact() {
	var uniq []string
	offs := map[string]int{}
	size := 0
	note := func(s string) {
		if _, ok := offs[s]; ok || s == "" {
			return
		}
		offs[s] = size
		size += len(s)
		uniq = append(uniq, s)
	}
	nSeqs, nElems := len(lx.negSeqs), 0
	eachSeqs := func(f func(ss []seq)) {
		for _, in := range lx.infos {
			f(in.seqs)
		}
		f(lx.negSeqs)
	}
	for k := range lx.words {
		note(k)
	}
	for k := range lx.prefixes {
		note(k)
	}
	for _, in := range lx.infos {
		nSeqs += len(in.seqs)
		note(in.toxKind)
		note(string(in.aspect))
	}
	eachSeqs(func(ss []seq) {
		for _, sq := range ss {
			nElems += len(sq.rest)
			note(sq.toxKind)
			note(string(sq.aspect))
			for _, e := range sq.rest {
				note(e.key)
			}
		}
	})
	all := strings.Join(uniq, "")
	str := func(s string) string {
		if s == "" {
			return ""
		}
		o := offs[s]
		return all[o : o+len(s)]
	}
	infos := make([]info, len(lx.infos))
	seqs := make([]seq, 0, nSeqs)
	elems := make([]elem, 0, nElems)
	moveSeqs := func(ss []seq) []seq {
		if len(ss) == 0 {
			return ss
		}
		from := len(seqs)
		for _, sq := range ss {
			e0 := len(elems)
			for _, e := range sq.rest {
				elems = append(elems, elem{key: str(e.key), h: e.h, kind: e.kind})
			}
			sq.rest = elems[e0:len(elems):len(elems)]
			sq.toxKind, sq.aspect = str(sq.toxKind), Aspect(str(string(sq.aspect)))
			seqs = append(seqs, sq)
		}
		return seqs[from:len(seqs):len(seqs)]
	}
	for i, in := range lx.infos {
		infos[i] = *in
		n := &infos[i]
		n.toxKind, n.aspect = str(n.toxKind), Aspect(str(string(n.aspect)))
		n.seqs = moveSeqs(n.seqs)
		lx.infos[i] = n
	}
	lx.byID = append([]*info{nil}, lx.infos...)
	lx.negSeqs = moveSeqs(lx.negSeqs)
	lx.neg.seqs = lx.negSeqs
	words := make(map[string]*info, len(lx.words))
	for k, in := range lx.words {
		words[str(k)] = lx.infos[in.id-1]
	}
	lx.words = words
	prefixes := make(map[string]*info, len(lx.prefixes))
	for k, in := range lx.prefixes {
		prefixes[str(k)] = lx.infos[in.id-1]
	}
	lx.prefixes = prefixes
}

// defaultLexicons parses the embedded lexicons once, on first use.
var defaultLexicons = sync.OnceValues(func() (map[Lang]*lexicon, error) {
	m := map[Lang]*lexicon{}
	var errs []error
	for _, lang := range []Lang{EN, RU, LT} {
		lx, err := buildLexicon(lang, lexiconFS, "lexicon/"+lang, nil)
		m[lang] = lx
		errs = append(errs, err)
	}
	return m, errors.Join(errs...)
})
