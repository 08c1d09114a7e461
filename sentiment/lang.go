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

func (v *langVotes) add(t *token, en, lt *lexicon) {
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
	w := t.low
	if in, ok := en.words[w]; ok && in.function {
		v.enFunc++
		return
	}
	if lt != nil {
		if in, ok := lt.words[w]; ok && in.function {
			v.ltFunc++
			return
		}
	}
	if in, ok := en.words[w]; ok && in.known() {
		v.enLex++
	}
	if lt != nil && t.flags&fLtDiac == 0 {
		if in, ok := lt.words[w]; ok && in.known() {
			v.ltLex++
		}
	}
	if len(w) >= 4 {
		for _, e := range ltEndings {
			if strings.HasSuffix(w, e) {
				v.ltEnd++
				break
			}
		}
	}
	if len(w) >= 3 {
		for _, p := range enPatterns {
			if strings.Contains(w, p) {
				v.enPattern++
				break
			}
		}
	}
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
	lt := 3*float64(v.ltDiac) + 2*float64(v.ltFunc) + float64(v.ltEnd) + float64(v.ltLex)
	en := 2*float64(v.enFunc) + float64(v.enPattern) + float64(v.enLex)
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
	lx, _ := defaultLexicons()
	sc := getScratch()
	defer putScratch(sc)
	sc.tokenize(text)
	var v langVotes
	for i := range sc.toks {
		v.add(&sc.toks[i], lx[EN], lx[LT])
	}
	return v.decide()
}
