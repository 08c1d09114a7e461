package stem

import "strings"

// Ending classes of the Snowball Russian algorithm. Group 1 endings only
// count when the letter before them (still inside RV) is 'а' or 'я'; group 2
// endings count anywhere inside RV.
var (
	ruPerfectiveGerund = newSuffixSet(
		[]string{"в", "вши", "вшись"},
		[]string{"ив", "ивши", "ившись", "ыв", "ывши", "ывшись"},
	)
	ruAdjective = newSuffixSet([]string{
		"ее", "ие", "ые", "ое", "ими", "ыми", "ей", "ий", "ый", "ой",
		"ем", "им", "ым", "ом", "его", "ого", "ему", "ому", "их", "ых",
		"ую", "юю", "ая", "яя", "ою", "ею",
	})
	ruParticiple = newSuffixSet(
		[]string{"ем", "нн", "вш", "ющ", "щ"},
		[]string{"ивш", "ывш", "ующ"},
	)
	ruReflexive = newSuffixSet([]string{"ся", "сь"})
	ruVerb      = newSuffixSet(
		[]string{
			"ла", "на", "ете", "йте", "ли", "й", "л", "ем", "н", "ло",
			"но", "ет", "ют", "ны", "ть", "ешь", "нно",
		},
		[]string{
			"ила", "ыла", "ена", "ейте", "уйте", "ите", "или", "ыли", "ей",
			"уй", "ил", "ыл", "им", "ым", "ен", "ило", "ыло", "ено", "ят",
			"ует", "уют", "ит", "ыт", "ены", "ить", "ыть", "ишь", "ую", "ю",
		},
	)
	ruNoun = newSuffixSet([]string{
		"а", "ев", "ов", "ие", "ье", "е", "иями", "ями", "ами", "еи",
		"ии", "и", "ией", "ей", "ой", "ий", "й", "иям", "ям", "ием",
		"ем", "ам", "ом", "о", "у", "ах", "иях", "ях", "ы", "ь", "ию",
		"ью", "ю", "ия", "ья", "я",
	})
	ruDerivational = newSuffixSet([]string{"ост", "ость"})
	ruSuperlative  = newSuffixSet([]string{"ейш", "ейше"})
)

func isRuVowel(r rune) bool {
	switch r {
	case 'а', 'е', 'и', 'о', 'у', 'ы', 'э', 'ю', 'я':
		return true
	}
	return false
}

// ruRegions returns the byte offsets where RV and R2 start. RV is the part
// after the first vowel; R1 the part after the first non-vowel that follows a
// vowel; R2 the same rule applied again inside R1. A region that does not
// exist starts at len(w).
func ruRegions(w string) (rv, r2 int) {
	rv, r2 = len(w), len(w)
	i, ok := skipPast(w, 0, isRuVowel, true)
	if !ok {
		return rv, r2
	}
	rv = i
	if i, ok = skipPast(w, i, isRuVowel, false); !ok { // R1 starts at i
		return rv, r2
	}
	if i, ok = skipPast(w, i, isRuVowel, true); !ok {
		return rv, r2
	}
	if i, ok = skipPast(w, i, isRuVowel, false); ok {
		r2 = i
	}
	return rv, r2
}

// skipPast moves forward from byte offset i past the first rune r for which
// isVowel(r) == vowel and returns the offset just after it.
func skipPast(w string, i int, isVowel func(rune) bool, vowel bool) (int, bool) {
	for i < len(w) {
		r, size := firstRune(w[i:])
		i += size
		if isVowel(r) == vowel {
			return i, true
		}
	}
	return i, false
}

// ruAfterAYa reports whether the rune just before byte offset i is 'а' or
// 'я' and lies inside RV.
func ruAfterAYa(w string, i, rv int) bool {
	if i-2 < rv {
		return false
	}
	p := w[i-2 : i]
	return p == "а" || p == "я"
}

// ruGrouped finds the longest ending of set in w[:end] inside RV and applies
// the group-1 condition. Like Snowball's among, a failed condition on the
// longest ending does not fall back to a shorter one.
func ruGrouped(set *suffixSet, w string, end, rv int) (int, bool) {
	s, tag := set.longest(w[:end], rv)
	if s < 0 || (tag == 1 && !ruAfterAYa(w, s, rv)) {
		return end, false
	}
	return s, true
}

// Russian returns the stem of a lower-case Russian word, computed with the
// Snowball Russian algorithm. 'ё' is folded to 'е' first (the only case in
// which the result is not a substring of word and Russian allocates). Words
// without a vowel, and bytes that are not Cyrillic letters, are left alone;
// invalid UTF-8 never matches an ending, so it is returned as far as it was
// processed, never panicking.
func Russian(word string) string {
	w := word
	if strings.Contains(w, "ё") {
		w = strings.ReplaceAll(w, "ё", "е")
	}
	rv, r2 := ruRegions(w)
	if rv >= len(w) {
		return w
	}
	end := len(w)

	// Step 1.
	if s, ok := ruGrouped(ruPerfectiveGerund, w, end, rv); ok {
		end = s
	} else {
		if s, _ := ruReflexive.longest(w[:end], rv); s >= 0 {
			end = s
		}
		if s, _ := ruAdjective.longest(w[:end], rv); s >= 0 {
			end = s
			if p, ok := ruGrouped(ruParticiple, w, end, rv); ok {
				end = p
			}
		} else if s, ok := ruGrouped(ruVerb, w, end, rv); ok {
			end = s
		} else if s, _ := ruNoun.longest(w[:end], rv); s >= 0 {
			end = s
		}
	}

	// Step 2: a final и.
	if end-2 >= rv && strings.HasSuffix(w[:end], "и") {
		end -= 2
	}

	// Step 3: derivational -ост(ь) inside R2.
	if s, _ := ruDerivational.longest(w[:end], max(rv, r2)); s >= 0 {
		end = s
	}

	// Step 4: undouble н, or drop a superlative (and then undouble н), or
	// drop a soft sign.
	switch {
	case end-2 >= rv && strings.HasSuffix(w[:end], "ь"):
		end -= 2
	case end-4 >= rv && strings.HasSuffix(w[:end], "нн"):
		end -= 2
	default:
		if s, _ := ruSuperlative.longest(w[:end], rv); s >= 0 {
			end = s
			if end-4 >= rv && strings.HasSuffix(w[:end], "нн") {
				end -= 2
			}
		}
	}
	return w[:end]
}
