package sentiment

import "strings"

// langVotes accumulates the language evidence of a run of tokens.
type langVotes struct {
	cyr, latin       int // letters-bearing tokens per script
	ltDiac           int // tokens with Lithuanian diacritics
	enFunc, ltFunc   int // function-word hits
	ltEnd, enPattern int // Lithuanian endings / English letter patterns
	enLex, ltLex     int // words known to the English / Lithuanian lexicon
}

// ltEndings are word endings typical of Lithuanian and rare in English words
// of four letters or more (checked on diacritic-free text).
var ltEndings = []string{"as", "ai", "ui", "iau", "au", "iu", "ome", "ote", "ejo", "ojo", "uoja", "ausi",
	"ti", "tis", "iai", "ams", "ims", "ymas", "imas", "ys", "us", "ums", "oje", "uje", "ioje", "ese", "esnis", "iausias", "inti", "yti", "ija", "ijos", "ga"}

// enPatterns are letter sequences common in English and absent or rare in Lithuanian.
var enPatterns = []string{"th", "w", "q", "x", "ing", "ee", "oo", "ck", "ould", "ght", "ea", "ay", "ey", "ph", "wh", "ch"}

type voteBits uint8

const (
	vEnFunc voteBits = 1 << iota
	vLtFunc
	vEnLex
	vLtLex
	vLtEnd
	vEnPat
)

// wordVotes computes the language hints of one lower-case Latin word
// (against the embedded lexicons).
func wordVotes(w string, diac bool, en, lt *lexicon) voteBits {
	var b voteBits
	if in, ok := en.words[w]; ok {
		if in.function {
			return vEnFunc
		}
		if in.known() {
			b |= vEnLex
		}
	}
	if !diac {
		if in, ok := lt.words[w]; ok {
			if in.function {
				return vLtFunc
			}
			if in.known() {
				b |= vLtLex
			}
		}
	}
	if len(w) >= 4 {
		for _, e := range ltEndings {
			if strings.HasSuffix(w, e) {
				b |= vLtEnd
				break
			}
		}
	}
	if len(w) >= 3 {
		for _, p := range enPatterns {
			if strings.Contains(w, p) {
				b |= vEnPat
				break
			}
		}
	}
	return b
}

// Latin words' votes are summed packed in one number, a count per byte, so
// that the tokenizer adds a plain word's votes with one table load and one
// addition: the byte latinLane counts the words, ltDiacLane those with
// Lithuanian diacritics, and byte 2+k the words with vote bit 1<<k. A byte
// does not overflow: a sentence has at most maxSentenceTokens tokens.
const (
	latinLane  = 0
	ltDiacLane = 1
)

// voteLanes[vb] is the packed votes of a Latin word without diacritics and
// with vote bits vb.
var voteLanes = func() (t [1 << 6]uint64) {
	for vb := range t {
		t[vb] = 1 << (8 * latinLane)
		for k := range 6 {
			if vb>>k&1 != 0 {
				t[vb] |= 1 << (8 * (2 + k))
			}
		}
	}
	return t
}()

// sentVotes are a sentence's language votes, packed: lanes sums the
// voteLanes of its Latin words (and counts in its ltDiacLane those with
// Lithuanian diacritics), cyr counts its Cyrillic words. (As nine counts
// in sentRec they were zeroed for every sentence and the tokenizer's
// lanes unpacked into them when it closed.)
type sentVotes struct {
	lanes uint64
	cyr   int
}

// lane returns count k of v.lanes (see voteLanes).
func (v sentVotes) lane(k uint) int { return int(v.lanes >> (8 * k) & 0xff) }

// add adds the votes of token t.
func (v *sentVotes) add(t *token) {
	if t.kind != tkWord {
		return
	}
	switch {
	case t.flags&fCyr != 0:
		v.cyr++
	case t.flags&fLatin != 0:
		v.lanes += voteLanes[t.vb&(1<<6-1)]
		if t.flags&fLtDiac != 0 {
			v.lanes += 1 << (8 * ltDiacLane)
		}
	}
}

// wide returns the votes unpacked.
func (v sentVotes) wide() langVotes {
	return langVotes{
		cyr: v.cyr, latin: v.lane(latinLane), ltDiac: v.lane(ltDiacLane),
		enFunc: v.lane(2), ltFunc: v.lane(3), enLex: v.lane(4), ltLex: v.lane(5), ltEnd: v.lane(6), enPattern: v.lane(7),
	}
}

// clear is langVotes.clear on the packed votes.
func (v sentVotes) clear() bool {
	w := v.wide()
	return w.clear()
}

// decide is langVotes.decide on the packed votes, without unpacking all
// nine counts.
func (v sentVotes) decide() Lang {
	latin := v.lane(latinLane)
	// langVotes.decide's cases (cyr > latin covers latin == 0 with
	// Cyrillic words).
	if v.cyr > latin {
		return RU
	}
	if latin == 0 {
		return ""
	}
	if latin < 2 && v.lanes&0xffffff00 == 0 { // ltDiac, enFunc and ltFunc, lanes 1 to 3, are 0
		return ""
	}
	// The scores, as langVotes.scores gives them, with two multiplies:
	// the even and the odd lanes spread to 16 bits each (so that no sum
	// below carries into another: a lane is at most maxSentenceTokens),
	// a multiply sums lanes times weights into the top 16 bits.
	const spread = 0x00ff00ff00ff00ff
	even, odd := v.lanes&spread, v.lanes>>8&spread // lanes 0, 2, 4, 6 and 1, 3, 5, 7
	// lt = 3*ltDiac (lane 1) + 2*ltFunc (3) + ltLex (5) + ltEnd (6)
	lt := int(odd*(3<<48|2<<32|1<<16)>>48) + int(even>>48)
	// en = 2*enFunc (lane 2) + enLex (4) + enPattern (7)
	en := int(even*(2<<32|1<<16)>>48) + int(odd>>48)
	return pickLang(lt, en)
}

// plus adds the votes of o.
func (v *langVotes) plus(o *langVotes) {
	v.cyr += o.cyr
	v.latin += o.latin
	v.ltDiac += o.ltDiac
	v.enFunc += o.enFunc
	v.ltFunc += o.ltFunc
	v.ltEnd += o.ltEnd
	v.enPattern += o.enPattern
	v.enLex += o.enLex
	v.ltLex += o.ltLex
}

// scores returns the Lithuanian and English evidence of Latin-script votes.
// (Integer sums: the weights are whole numbers, and integer arithmetic
// needs no conversions.)
func (v *langVotes) scores() (lt, en int) {
	lt = 3*v.ltDiac + 2*v.ltFunc + v.ltEnd + v.ltLex
	en = 2*v.enFunc + v.enPattern + v.enLex
	return lt, en
}

// clear reports whether the votes point one way only, with some weight.
func (v *langVotes) clear() bool {
	lt, en := v.scores()
	return lt >= 2 && en == 0 || en >= 2 && lt == 0
}

// decide returns the language the votes point to, or "" without a signal.
func (v *langVotes) decide() Lang {
	if v.cyr == 0 && v.latin == 0 {
		return ""
	}
	if v.cyr > v.latin {
		return RU
	}
	if v.latin == 0 {
		return ""
	}
	if v.latin < 2 && v.ltDiac == 0 && v.enFunc == 0 && v.ltFunc == 0 {
		return "" // one word without diacritics ("ok", "super") says nothing
	}
	return pickLang(v.scores())
}

// pickLang is the language of a Latin-script text from its Lithuanian and
// English scores: "" with neither, English on a tie.
func pickLang(lt, en int) Lang {
	switch {
	case lt == 0 && en == 0:
		return ""
	case lt > en:
		return LT
	}
	return EN
}

// DetectLang returns the language of text: "en", "ru", "lt", or "" when the
// text has no language signal (emoji, numbers, a lone "ok"). Cyrillic text is
// Russian; Latin text is Lithuanian when it has Lithuanian diacritics or,
// typed without them, when Lithuanian function words and endings outweigh
// English ones.
func DetectLang(text string) string {
	sc := getScratch()
	sc.tokenize(text)
	var v, hv langVotes
	for i := range sc.sents {
		sv, shv := sc.sents[i].votes.wide(), sc.sents[i].hvotes.wide()
		v.plus(&sv)
		hv.plus(&shv)
	}
	putScratch(sc) // not deferred: after a panic the scratch is dropped, not reused
	if v.cyr == 0 && v.latin == 0 {
		v = hv // hashtags (often English in any language) decide only alone
	}
	return v.decide()
}
