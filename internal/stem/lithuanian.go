package stem

import (
	"strings"
	"unicode/utf8"
)

// Lithuanian endings, written as in careful Lithuanian. They are found with
// diacritics folded (see suffixSet.longest): a word typed without
// diacritics ("greita") matches the ending "ą", while a word that has them
// ("savaitė") matches only endings with the same letters. Group 1 are the
// endings of nouns and adjectives (and endings verbs share with them),
// group 2 those only verbs have; ltDerivational uses the difference.
var ltEndings = newFoldedSuffixSet(ltFold,
	[]string{
		// Nouns, 1st declension (vyras, kelias, brolis, arklys).
		"as", "ias", "is", "ys", "o", "io", "ui", "iui", "ą", "ią", "į",
		"u", "iu", "e", "y", "yje", "ai", "iai", "ų", "ių", "ams",
		"iams", "am", "iam", "us", "ius", "ais", "iais", "uose",
		"iuose", "uos", "iuos",
		// 2nd declension (galva, vyšnia, kokybė).
		"a", "ia", "os", "ios", "oje", "ioje", "oj", "oms", "ioms", "om",
		"omis", "iomis", "ose", "iose", "ė", "ės", "ei", "ę", "ėje", "ėj",
		"ėms", "es", "ėmis", "ėse",
		// 3rd declension (širdis, dantis).
		"ies", "imi", "ims", "imis", "yse",
		// 4th declension (sūnus, skaičius).
		"aus", "iaus", "umi", "iumi", "uje", "iuje", "au", "iau", "ūs",
		"ums", "umis",
		// 5th declension (vanduo, akmuo: akmens).
		"uo", "ens",
		// The interjection ačiū, so that it meets aciu (-iu).
		"iū",
		// Adjectives, simple forms not above (gerame, geriems, gražiam).
		"ame", "iame", "iems",
		// Superlative forms whose ending would otherwise be read as a
		// participle's -usi- (geriausių, not geria|usių).
		"iausios", "iausio", "iausių", "iausius", "iausiam", "iausiems",
		// Adjectives, pronominal (definite) forms.
		"asis", "ojo", "ajam", "ąjį", "uoju", "ajame", "ieji", "ųjų",
		"iesiems", "uosius", "aisiais", "uosiuose", "usis", "iojo",
		"iajam", "iąjį", "iuoju", "iajame", "iųjų", "iuosius",
		"iaisiais", "iuosiuose", "oji", "osios", "ajai", "ąją", "ąja",
		"ojoje", "osioms", "ąsias", "osiomis", "osiose", "ioji",
		"iosios", "iajai", "iąją", "iąja", "iojoje", "iosioms", "iąsias",
		"iosiomis", "iosiose",
	},
	[]string{
		// Present and past persons (mylime, rašome, mylėjome, ėmėme).
		// The 2nd plural -ate, -ite, -ote, -ėte is left out on purpose: it
		// would take -atė, -itė, -otė, -etė nouns apart (savaitė,
		// pakuotė, planšetė), which reviews use far more often.
		"ime", "ome", "ėme",
		// Past frequentative (dirbdavau, dirbdavo, pristatydavo,
		// mylėdavo, ...), with the vowel of the infinitive stem.
		"davau", "davai", "davo", "davome", "davote", "ydavau", "ydavai",
		"ydavo", "ydavome", "ydavote", "ėdavau", "ėdavai", "ėdavo",
		"ėdavome", "ėdavote", "odavau", "odavai", "odavo", "odavome",
		"odavote", "uodavau", "uodavai", "uodavo", "uodavome", "uodavote",
		// Future (pristatysiu, pristatysime, mylėsiu, rašysite, ...).
		"siu", "sime", "site", "ysiu", "ysi", "ysime", "ysite", "ėsiu",
		"ėsi", "ėsime", "ėsite", "osiu", "osime", "osite", "sim", "ysim",
		"ėsim", "osim", "uosiu", "uosime", "uosite", "uosim",
		// Reflexive persons (džiaugiuosi, džiaugiesi, džiaugiasi,
		// džiaugiamės, džiaugėsi, džiaugėmės, rašosi, ...).
		"uosi", "iuosi", "iesi", "asi", "iasi", "amės", "iamės", "ausi",
		"iausi", "eisi", "ėsi", "ėmės", "isi", "imės", "osi", "omės",
		// Infinitives (pristatyti, mylėti, bijoti, kainuoti, dalyvauti
		// and the reflexive ones). A bare -ti is handled by ltBareTi.
		"yti", "ėti", "oti", "uoti", "auti", "ytis", "ėtis", "otis",
		"uotis",
		// Conditional (norėtume, norėtumėte, norėtum).
		"tume", "tumėme", "tumėte", "tum", "tumei",
		// Active participles and gerunds (gavęs, gavusi, gavusių,
		// pristatantis, pristatančio, pristatydamas, pristatant).
		"ęs", "usi", "usios", "usio", "usių", "usius", "usiam", "usiems",
		"antis", "anti", "ančio", "ančios", "ančių", "ančius", "antys",
		"ančiam", "ant", "damas", "dama", "dami", "damos", "ydamas",
		"ydama", "ydami", "ydamos", "ėdamas", "ėdama", "ėdami", "ėdamos",
		"odamas", "odama", "odami", "odamos", "uodamas", "uodama",
		"uodami", "uodamos",
	},
)

// ltDerivational are suffixes removed inside R1 after the inflectional
// ending. Group 1, the verbal-noun suffixes -ym- and -im- (pristatymas,
// gyvenimas), goes only right after a group-1 ending, so that verbs such as
// pažymėti keep their root. Group 2: passive participles (-yt-), degrees of
// comparison (-esn-, -iaus-), the adjective suffix -išk-, and the verb stem
// suffixes -uoj-, -oj-, -ėj-, -auj- (rekomenduoja, dėkojo, norėjo). The
// past -av- of -uoti verbs (rekomendavo) is kept: removing it would also cut
// gavo, pardavė and their many compounds down to a bare prefix.
var ltDerivational = newFoldedSuffixSet(ltFold,
	[]string{"ym", "im"},
	[]string{"yt", "esn", "iaus", "išk", "uoj", "oj", "ėj", "auj"},
)

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
// s has none. Callers that want text typed without diacritics to match
// compare folded stems: FoldLithuanian(Lithuanian("gražus")) ==
// FoldLithuanian(Lithuanian("grazus")).
func FoldLithuanian(s string) string {
	i := 0
	for i < len(s) {
		r, size := firstRune(s[i:])
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

// ltBareTi finds an infinitive ending -ti after a consonant (dirbti,
// grąžinti) with the ending inside R1. After a vowel, l or r, -ti is more
// often an adjective plural (greiti, lėti, šalti, tvirti), where only -i
// goes.
// It returns the offset where -ti starts, or -1.
func ltBareTi(w string, r1 int) int {
	i, isize := lastRune(w)
	if i != 'i' {
		return -1
	}
	t, tsize := lastRune(w[:len(w)-isize])
	s := len(w) - isize - tsize
	if t != 't' || s < r1 {
		return -1
	}
	r, _ := lastRune(w[:s])
	switch {
	case r == utf8.RuneError || isLtVowel(r):
		return -1
	case r == 'l' || r == 'r':
		// šalti, balti, tvirti: adjectives in -ltas/-rtas outnumber
		// verbs in -lti/-rti (kelti, gerti) in reviews.
		return -1
	}
	return s
}

// ltImperativeStems are the infinitive-stem suffixes that come before the
// imperative -k- (darykite, rekomenduokite, naudokite, tikėkite).
var ltImperativeStems = newFoldedSuffixSet(ltFold, []string{"y", "uo", "o", "ė"})

// ltImperative finds the plural imperative (-kite, -kit, -kime, -kim) and
// returns where the verb's stem ends, or -1. After one of the
// infinitive-stem suffixes -y-, -uo-, -o-, -ė- the k is the imperative
// marker and goes with that suffix (darykite → dar-, rekomenduokite →
// rekomend-); otherwise it belongs to the root (pirkite, laukite → pirk-,
// lauk-).
func ltImperative(w string, r1 int) int {
	var k int // offset of the k
	switch {
	case strings.HasSuffix(w, "kite"), strings.HasSuffix(w, "kime"):
		k = len(w) - 4
	case strings.HasSuffix(w, "kit"), strings.HasSuffix(w, "kim"):
		k = len(w) - 3
	default:
		return -1
	}
	if k+1 < r1 || k == 0 {
		return -1
	}
	if s, _ := ltImperativeStems.longest(w[:k], r1); s >= 0 {
		return s
	}
	return k + 1
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
// Text typed without diacritics is handled by letting a plain letter of the
// word match an ending letter with a diacritic (but not the other way
// round): "aciu"/"ačiū", "greita"/"greitą", "atsiprasome"/"atsiprašome"
// lose the same endings, and FoldLithuanian of the two stems is equal. The
// stem keeps the diacritics the word had; the result is a substring of word
// (no allocation) unless the final č→t (or c→t) rewrite applies.
func Lithuanian(word string) string {
	w := word
	r1 := ltR1(w)
	if r1 >= len(w) {
		return w
	}
	end := len(w)

	// Step 1: one inflectional ending.
	s, tag := ltEndings.longest(w, r1)
	if ti := ltBareTi(w, r1); ti >= 0 && (s < 0 || s > ti) {
		s, tag = ti, 2
	}
	if im := ltImperative(w, r1); im >= 0 && (s < 0 || s > im) {
		s, tag = im, 2
	}
	if s >= 0 {
		end = s
	}
	w, end = ltFixChDz(w, end)

	// Step 2: derivational suffixes, at most a few rounds.
	for round := range 3 {
		s, t := ltDerivational.longest(w[:end], r1)
		if s < 0 || (t == 1 && (round > 0 || tag != 1)) {
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
