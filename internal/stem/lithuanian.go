package stem

import (
	"strings"
	"unicode/utf8"
)

// Lithuanian endings, written without diacritics: every rune of the word is
// folded with ltFold before it is compared, so one entry such as "iu" covers
// -iu, -ių and -iū, and "es" covers -es, -ės and -ęs.
var ltEndings = newSuffixSet([]string{
	// Nouns, 1st declension (vyras, kelias, brolis, arklys).
	"as", "ias", "is", "ys", "o", "io", "ui", "iui", "a", "ia", "i",
	"u", "iu", "e", "y", "yje", "ai", "iai", "am", "ams", "iam", "iams",
	"us", "ius", "ais", "iais", "uose", "iuose", "uos", "iuos",
	// 2nd declension (galva, vyšnia, kokybė).
	"os", "ios", "oje", "ioje", "oj", "om", "oms", "ioms", "omis",
	"iomis", "ose", "iose", "es", "ei", "eje", "ems", "emis", "ese",
	// 3rd declension (širdis): -ies, -imi, -ims, -imis, -yse.
	"ies", "imi", "ims", "imis", "yse",
	// 4th declension (sūnus, skaičius).
	"aus", "iaus", "umi", "iumi", "uje", "iuje", "au", "iau", "ums",
	"umis",
	// 5th declension nominative (vanduo, akmuo) and genitive (akmens).
	"uo", "ens",
	// Adjectives: simple forms not listed above (gerame, geriems, gražiam).
	"ame", "iame", "iems",
	// Adjectives: pronominal (definite) forms, masculine and feminine.
	"asis", "ojo", "ajam", "aji", "uoju", "ajame", "ieji", "uju",
	"iesiems", "uosius", "aisiais", "uosiuose", "usis", "iojo", "iajam",
	"iaji", "iuoju", "iajame", "iuju", "iuosius", "iaisiais",
	"iuosiuose", "oji", "osios", "ajai", "aja", "ojoje", "osioms",
	"asias", "osiomis", "osiose", "ioji", "iosios", "iajai", "iaja",
	"iojoje", "iosioms", "iasias", "iosiomis", "iosiose",
	// Verbs: present and past persons (mylime, mylite, rašome, dirbote,
	// mylėjome, mylėjote, ėmėme, ėmėte). The 2nd plural -ate is left out on
	// purpose: folded, it would also match the far more common past tense
	// -at|ė (pristatė); dirbate loses only its -e.
	"ime", "ite", "ome", "ote", "eme", "ete",
	// Past frequentative (dirbdavau, dirbdavo, ...).
	"davau", "davai", "davo", "davome", "davote",
	// Future (pristatysiu, pristatysime, mylėsiu, ...).
	"siu", "sime", "site", "ysiu", "ysi", "ysime", "ysite", "esiu",
	"esime", "esite", "osiu", "osi", "osime", "osite",
	// Reflexive persons (džiaugiuosi, džiaugiesi, džiaugiasi, džiaugiamės,
	// džiaugėsi, džiaugėmės, ...).
	"uosi", "iuosi", "iesi", "asi", "iasi", "ames", "iames", "ausi", "iausi", "eisi", "esi", "emes", "etes", "isi",
	"imes", "ites", "omes", "otes",
	// Infinitives (pristatyti, mylėti, rašoti, kainuoti, dalyvauti and the
	// reflexive ones). A bare -ti is handled separately (see ltBareTi).
	"yti", "eti", "oti", "uoti", "auti", "ytis", "etis", "otis", "uotis",
	// Conditional (norėtume, norėtumėte, norėtum).
	"tume", "tumete", "tum", "tumei",
	// Active participles and gerunds (gavusi, gavusios, pristatantis,
	// pristatančio, pristatydamas).
	"usi", "usios", "usiu", "usius", "usiam", "usiai", "antis", "anti",
	"ancio", "ancios", "anciu", "ancius", "antys", "ant", "damas", "dama",
	"dami", "damos",
})

// ltDerivational are suffixes removed (repeatedly, inside R1) after the
// inflectional ending: verbal nouns (-ym-, -im-), passive participles
// (-yt-), comparative and superlative degrees (-esn-, -iaus-), the adjective
// suffix -išk- and the past/present stem suffixes -uoj-, -oj-, -ėj-, -auj-.
var ltDerivational = newSuffixSet([]string{
	"ym", "im", "yt", "esn", "iaus", "isk", "uoj", "oj", "ej", "auj",
})

// ltFold maps the Lithuanian letters with diacritics to their plain Latin
// letters (ą→a, č→c, ę→e, ė→e, į→i, š→s, ų→u, ū→u, ž→z).
func ltFold(r rune) rune {
	switch r {
	case 'ą':
		return 'a'
	case 'č':
		return 'c'
	case 'ę', 'ė':
		return 'e'
	case 'į':
		return 'i'
	case 'š':
		return 's'
	case 'ų', 'ū':
		return 'u'
	case 'ž':
		return 'z'
	}
	return r
}

func isLtVowel(r rune) bool {
	switch ltFold(r) {
	case 'a', 'e', 'i', 'y', 'o', 'u':
		return true
	}
	return false
}

// FoldLithuanian removes Lithuanian diacritics from s (ą→a, č→c, ę→e, ė→e,
// į→i, š→s, ų→u, ū→u, ž→z). It returns s itself, without allocating, when
// s has none. Lithuanian(FoldLithuanian(w)) == FoldLithuanian(Lithuanian(w))
// for every w, so callers that want to match text typed without diacritics
// compare folded stems.
func FoldLithuanian(s string) string {
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if ltFold(r) != r {
			break
		}
		i += size
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for _, r := range s[i:] {
		b.WriteRune(ltFold(r))
	}
	return b.String()
}

// ltR1 returns the byte offset where R1 starts: after the first non-vowel
// that follows a vowel. As in the Snowball algorithm, a leading 'a' of a word
// longer than six letters is skipped first (it is usually the prefix a-).
func ltR1(w string) int {
	i := 0
	if r, size := utf8.DecodeRuneInString(w); ltFold(r) == 'a' && utf8.RuneCountInString(w) > 6 {
		i = size
	}
	i, ok := skipPast(w, i, isLtVowel, true)
	if !ok {
		return len(w)
	}
	i, _ = skipPast(w, i, isLtVowel, false)
	return i
}

// ltBareTi finds an infinitive ending -ti after a
// consonant (dirbti, grąžinti) with the ending inside R1. After a vowel -ti
// is far more often an adjective plural (greiti, lėti), where only -i goes.
// It returns the offset where -ti starts, or -1.
func ltBareTi(w string, r1 int) int {
	i, isize := utf8.DecodeLastRuneInString(w)
	if ltFold(i) != 'i' {
		return -1
	}
	t, tsize := utf8.DecodeLastRuneInString(w[:len(w)-isize])
	s := len(w) - isize - tsize
	if t != 't' || s < r1 {
		return -1
	}
	r, _ := utf8.DecodeLastRuneInString(w[:s])
	if r == utf8.RuneError || isLtVowel(r) {
		return -1
	}
	return s
}

// ltFixChDz rewrites a final č (or c) to t and a final dž (or dz) to d, the
// alternations that Lithuanian stems show before front vowels
// (greičiau/greitas, medžio/medis). It returns the possibly new string and
// its length.
func ltFixChDz(w string, end int) (string, int) {
	s := w[:end]
	switch {
	case strings.HasSuffix(s, "č"):
		s = s[:len(s)-len("č")] + "t"
	case strings.HasSuffix(s, "dž"):
		s = s[:len(s)-len("ž")]
	case strings.HasSuffix(s, "dz"):
		s = s[:len(s)-1]
	case strings.HasSuffix(s, "c"):
		s = s[:len(s)-1] + "t"
	default:
		return w, end
	}
	return s, len(s)
}

// Lithuanian returns the stem of a lower-case Lithuanian word.
//
// It follows the structure of the Snowball Lithuanian algorithm (R1, the
// longest inflectional ending of nouns, adjectives and verbs removed inside
// R1, derivational suffixes, č→t and dž→d at the end, gd→g) with an ending
// inventory written for this package; see the package documentation.
//
// Text typed without diacritics is handled by comparing endings with
// diacritics folded away: "aciu"/"ačiū", "greita"/"greitą",
// "atsiprasome"/"atsiprašome" lose the same number of letters, and
// FoldLithuanian of the two stems is equal. The stem keeps the diacritics the
// word had; the result is a substring of word (no allocation) unless the
// č→t rewrite applies.
func Lithuanian(word string) string {
	w := word
	r1 := ltR1(w)
	if r1 >= len(w) {
		return w
	}
	end := len(w)

	// Step 1: one inflectional ending.
	s, _ := ltEndings.longest(w, r1, ltFold)
	if ti := ltBareTi(w, r1); ti >= 0 && (s < 0 || s > ti) {
		s = ti
	}
	if s >= 0 {
		end = s
	}
	w, end = ltFixChDz(w, end)

	// Step 2: derivational suffixes, at most a few rounds.
	for range 3 {
		s, _ := ltDerivational.longest(w[:end], r1, ltFold)
		if s < 0 {
			break
		}
		end = s
	}
	w, end = ltFixChDz(w, end)

	// fix_gd: a final gd becomes g.
	if strings.HasSuffix(w[:end], "gd") {
		end--
	}
	return w[:end]
}
