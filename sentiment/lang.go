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

// addLanes adds packed votes (see voteLanes).
func (v *langVotes) addLanes(p uint64) {
	v.latin += int(p >> (8 * latinLane) & 0xff)
	v.ltDiac += int(p >> (8 * ltDiacLane) & 0xff)
	v.enFunc += int(p >> (8 * 2) & 0xff) // vEnFunc
	v.ltFunc += int(p >> (8 * 3) & 0xff)
	v.enLex += int(p >> (8 * 4) & 0xff)
	v.ltLex += int(p >> (8 * 5) & 0xff)
	v.ltEnd += int(p >> (8 * 6) & 0xff)
	v.enPattern += int(p >> (8 * 7) & 0xff)
}

func (v *langVotes) add(t *token) {
	if t.kind != tkWord {
		return
	}
	switch {
	case t.flags&fCyr != 0:
		v.cyr++
		return
	case t.flags&fLatin == 0:
		return
	}
	v.latin++
	if t.flags&fLtDiac != 0 {
		v.ltDiac++
	}
	// Without branches: the hints vary from word to word, and the CPU
	// mispredicted these tests often.
	b := int(t.vb)
	v.enFunc += b & 1 // vEnFunc
	v.ltFunc += b >> 1 & 1
	v.enLex += b >> 2 & 1
	v.ltLex += b >> 3 & 1
	v.ltEnd += b >> 4 & 1
	v.enPattern += b >> 5 & 1
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
	lt, en := v.scores()
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
		v.plus(&sc.sents[i].votes)
		hv.plus(&sc.sents[i].hvotes)
	}
	putScratch(sc) // not deferred: after a panic the scratch is dropped, not reused
	if v.cyr == 0 && v.latin == 0 {
		v = hv // hashtags (often English in any language) decide only alone
	}
	return v.decide()
}
