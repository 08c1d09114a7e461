package sentiment

import (
	"unicode"
	"unicode/utf8"
)

// propLimit bounds the runes whose Unicode properties the tokenizer looks
// up in runeProps and runeLower instead of package unicode's range tables:
// Latin, Latin-1, Latin Extended-A/B (Lithuanian), IPA, Greek and Cyrillic
// (Russian). Above 0xFF package unicode searches a table for every letter,
// which made Russian text spend most of its time there.
const propLimit = 0x500

// Property bits of runeProps.
const (
	pLetter = 1 << iota
	pDigit
	pUpper
	pLower
	pWord  // letter, digit or non-spacing mark (isWordRune)
	pSpace // white space
)

// runeProps and runeLower are computed from package unicode, so they agree
// with it by construction.
var runeProps, runeLower = func() (p [propLimit]uint8, l [propLimit]rune) {
	for r := range rune(propLimit) {
		if unicode.IsLetter(r) {
			p[r] |= pLetter
		}
		if unicode.IsDigit(r) {
			p[r] |= pDigit
		}
		if unicode.IsUpper(r) {
			p[r] |= pUpper
		}
		if unicode.IsLower(r) {
			p[r] |= pLower
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			p[r] |= pWord
		}
		if unicode.IsSpace(r) {
			p[r] |= pSpace
		}
		l[r] = unicode.ToLower(r)
	}
	return p, l
}()

// propsOf returns r's property bits (runeProps' for small runes).
func propsOf(r rune) uint8 {
	if uint32(r) < propLimit {
		return runeProps[r]
	}
	return propsSlow(r)
}

// propsSlow computes the property bits with package unicode.
//
//go:noinline
func propsSlow(r rune) uint8 {
	var p uint8
	if unicode.IsLetter(r) {
		p |= pLetter
	}
	if unicode.IsDigit(r) {
		p |= pDigit
	}
	if unicode.IsUpper(r) {
		p |= pUpper
	}
	if unicode.IsLower(r) {
		p |= pLower
	}
	if p&(pLetter|pDigit) != 0 || unicode.Is(unicode.Mn, r) {
		p |= pWord
	}
	if unicode.IsSpace(r) {
		p |= pSpace
	}
	return p
}

func isLetter(r rune) bool { return propsOf(r)&pLetter != 0 }
func isDigit(r rune) bool  { return propsOf(r)&pDigit != 0 }
func isUpper(r rune) bool  { return propsOf(r)&pUpper != 0 }
func isLower(r rune) bool  { return propsOf(r)&pLower != 0 }

func toLower(r rune) rune {
	if uint32(r) < propLimit {
		return runeLower[r]
	}
	return unicode.ToLower(r)
}

// decodeAt is utf8.DecodeRuneInString(s[i:]) with the one- and two-byte
// cases (ASCII, Latin, Cyrillic) inlined.
func decodeAt(s string, i int) (rune, int) {
	c := s[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	if c >= 0xC2 && c <= 0xDF && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
		return rune(c&0x1F)<<6 | rune(s[i+1]&0x3F), 2
	}
	return decodeSlow(s[i:])
}

//go:noinline
func decodeSlow(s string) (rune, int) { return utf8.DecodeRuneInString(s) }

// decodeAt2 is decodeAt that returns (RuneError, 0) at the end of s, like
// utf8.DecodeRuneInString of an empty string.
func decodeAt2(s string, i int) (rune, int) {
	if i >= len(s) {
		return utf8.RuneError, 0
	}
	return decodeAt(s, i)
}

// isSpaceSlow is isSpace beyond ASCII, kept out of line so that isSpace
// inlines.
//
//go:noinline
func isSpaceSlow(r rune) bool { return propsOf(r)&pSpace != 0 }
