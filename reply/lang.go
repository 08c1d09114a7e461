package reply

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// otherLang is what detectLang returns for a Latin-script text in none
// of the supported languages.
const otherLang = "other"

// ltLetters are the letters only Lithuanian (of en/ru/lt) writes.
const ltLetters = "ąčęėįšųūžĄČĘĖĮŠŲŪŽ"

// detectLang returns "ru" for Cyrillic text and "en" or "lt" for Latin
// text by its function words and Lithuanian letters, or "" when the text
// is too short to tell. Brand names in Latin letters inside Russian text
// do not outvote the Cyrillic words.
func (c *Checker) detectLang(d *doc) string {
	cyr, lat := 0, 0
	var en, lt int
	fn := c.fnWords
	for _, t := range d.toks {
		if t.letters == 0 {
			continue
		}
		raw := d.src[t.start:t.end]
		r, _ := utf8.DecodeRuneInString(raw)
		switch {
		case r < utf8.RuneSelf:
			lat++
		case unicode.Is(unicode.Cyrillic, r):
			cyr++
			continue
		case unicode.Is(unicode.Latin, r):
			lat++
		default:
			continue
		}
		// Folding shortens a word only when it had non-ASCII letters.
		if len(raw) != len(t.text) && strings.ContainsAny(raw, ltLetters) {
			lt += 2
		}
		if f := fn[t.text]; f != 0 {
			if f&fnLT != 0 {
				lt++
			}
			if f&fnEN != 0 {
				en++
			}
		}
	}
	switch {
	case cyr == 0 && lat == 0:
		return ""
	case cyr > lat:
		return "ru"
	case lat > cyr && cyr > 0 && lat < 2:
		return ""
	}
	if lt+en <= 1 && lat >= 6 && cyr == 0 {
		// Six or more Latin words and (almost) no English or Lithuanian
		// function word: some other language.
		return otherLang
	}
	if lt == en {
		// One word that is only a brand or a name: undecided.
		return ""
	}
	// A single function word is weak evidence; it still separates
	// "Gerai." from "Ok." but never flips a long text on its own.
	if lt > en {
		return "lt"
	}
	return "en"
}
