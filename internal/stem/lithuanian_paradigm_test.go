package stem

import (
	"strings"
	"testing"
)

// ltClasses are inflection classes: the endings that, added to a word's
// stem, give its forms. They are written from Lithuanian grammar tables so
// that whole paradigms, not hand-picked forms, are checked.
var ltClasses = map[string][]string{
	// Nouns.
	"as":  {"as", "o", "ui", "ą", "u", "e", "ai", "ų", "ams", "us", "ais", "uose"},
	"ias": {"ias", "io", "iui", "ią", "iu", "yje", "iai", "ių", "iams", "ius", "iais", "iuose"},
	"is":  {"is", "io", "iui", "į", "iu", "yje", "i", "iai", "ių", "iams", "ius", "iais", "iuose"},
	"ys":  {"ys", "io", "iui", "į", "iu", "yje", "y", "iai", "ių", "iams", "ius", "iais", "iuose"},
	"a":   {"a", "os", "ai", "ą", "oje", "ų", "oms", "as", "omis", "ose"},
	"ia":  {"ia", "ios", "iai", "ią", "ioje", "ių", "ioms", "ias", "iomis", "iose"},
	"ė":   {"ė", "ės", "ei", "ę", "e", "ėje", "ių", "ėms", "es", "ėmis", "ėse"},
	"is3": {"is", "ies", "iai", "į", "imi", "yje", "ys", "ų", "ims", "imis", "yse"},
	"us":  {"us", "aus", "ui", "ų", "umi", "uje", "au", "ūs", "ums", "umis", "uose"},
	"ius": {"ius", "iaus", "iui", "ių", "iumi", "iuje", "iau", "iai", "iams", "iais", "iuose"},
	// Adjectives with their adverbs, degrees and pronominal forms.
	"adj-as": {"as", "o", "am", "ą", "u", "ame", "i", "ų", "iems", "us", "ais", "uose",
		"a", "os", "ai", "oje", "oms", "omis", "ose", "esnis", "esnė", "esni",
		"esnio", "iausias", "iausia", "iausių", "iau", "iausiai", "asis", "oji",
		"ojo", "ąjį", "ąją", "ieji", "osios", "ųjų"},
	"adj-us": {"us", "aus", "iam", "ų", "iu", "iame", "ūs", "ių", "iems", "ius",
		"iais", "iuose", "i", "ios", "iai", "ią", "ia", "ioje", "ioms", "ias",
		"iomis", "iose", "u", "esnis", "iausias", "iau", "usis", "ioji"},
	// Verbs: an -a present (1st conjugation) and an -o present (3rd).
	"verb-a": {"ti", "u", "a", "ame", "o", "au", "ome", "siu", "sime",
		"davo", "davau", "ęs", "usi", "usių", "antis", "ančio", "ant", "damas"},
	"verb-o": {"yti", "au", "o", "ome", "ė", "iau", "ėme", "ysiu", "ysime",
		"ydavo", "ytas", "yta", "ytų", "ymas", "ymo", "ymą", "ęs", "usi", "antis",
		"ančių", "ydamas", "ykite", "ykime"},
	// A 2nd-conjugation verb (-ėti, present -i) and an -uoti verb.
	"verb-ė": {"ėti", "iu", "i", "ime", "ėjo", "ėjau", "ėjome", "ėsiu", "ėsime",
		"ėdavo", "ėjęs", "ėjusi", "ėdamas", "ėkite"},
	"verb-uo": {"uoti", "uoju", "uoja", "uojame", "uos", "uosiu", "uosime",
		"uodavo", "uojantis", "uojančio", "uodamas", "uokite", "uokit"},
}

// ltLemmas are words given as the stem their forms are built on, the
// class, and the stem Lithuanian must give when that differs (verbal nouns
// lose -ym-).
var ltLemmas = []struct{ stem, class, want string }{
	{"daikt", "as", ""}, {"telefon", "as", ""}, {"užsakym", "as", "užsak"}, {"pinig", "as", ""},
	{"kel", "ias", ""}, {"kurjer", "is", ""}, {"model", "is", ""}, {"siuntin", "ys", ""},
	{"pirkin", "ys", ""}, {"kain", "a", ""}, {"dien", "a", ""}, {"spalv", "a", ""},
	{"vyšn", "ia", ""}, {"prek", "ė", ""}, {"kokyb", "ė", ""}, {"parduotuv", "ė", ""},
	{"pakuot", "ė", ""}, {"svetain", "ė", ""}, {"šird", "is3", ""}, {"sūn", "us", ""},
	{"blog", "adj-as", ""}, {"ger", "adj-as", ""}, {"kiet", "adj-as", ""}, {"tvirt", "adj-as", ""},
	{"puik", "adj-us", ""}, {"graž", "adj-us", ""}, {"mandag", "adj-us", ""}, {"brang", "adj-us", ""},
	{"dirb", "verb-a", ""}, {"lauk", "verb-a", ""}, {"pristat", "verb-o", ""}, {"raš", "verb-o", ""},
	{"taš", "verb-o", ""}, {"myl", "verb-ė", ""}, {"nor", "verb-ė", ""},
	{"rekomend", "verb-uo", ""}, {"kain", "verb-uo", ""}, {"vėl", "verb-uo", ""},
	{"akmen", "is3", ""}, {"dant", "is3", ""}, {"skaič", "ius", "skait"},
	{"vaik", "as", ""}, {"produkt", "as", ""}, {"paket", "as", ""},
	{"atsakym", "as", "atsak"}, {"nuotrauk", "a", ""}, {"problem", "a", ""},
	{"dėž", "ė", ""}, {"savait", "ė", ""}, {"kasinink", "ė", ""},
	{"švar", "adj-us", ""}, {"lėt", "adj-as", ""},
}

// TestLithuanianWholeParadigms generates every form of each lemma from its
// class and checks that all of them, with and without diacritics, share
// the lemma's stem (compared folded).
func TestLithuanianWholeParadigms(t *testing.T) {
	for _, l := range ltLemmas {
		endings, ok := ltClasses[l.class]
		if !ok {
			t.Fatalf("no class %q", l.class)
		}
		want := FoldLithuanian(l.stem)
		if l.want != "" {
			want = FoldLithuanian(l.want)
		}
		var bad []string
		for _, e := range endings {
			form := ltJoin(l.stem, e)
			forms := []string{form, FoldLithuanian(form)}
			if strings.HasSuffix(form, "tį") {
				// Typed plainly, -ti after a consonant reads as an
				// infinitive (dantį → danti → "dan"): a known ambiguity.
				forms = forms[:1]
			}
			for _, w := range forms {
				if got := FoldLithuanian(Lithuanian(w)); got != want {
					bad = append(bad, w+"→"+got)
				}
			}
		}
		if len(bad) > 0 {
			t.Errorf("%s (%s): forms that do not stem to %q: %s", l.stem, l.class, want, strings.Join(bad, ", "))
		}
	}
}

// ltJoin adds an ending to a stem with the regular sound changes before
// i + vowel: t→č, d→dž (savaitė → savaičių, žodis → žodžio).
func ltJoin(stem, ending string) string {
	if len(ending) > 1 && ending[0] == 'i' && ending != "is" && ending != "imi" && ending != "ims" && ending != "imis" &&
		!strings.HasPrefix(ending, "ie") {
		switch {
		case strings.HasSuffix(stem, "t"):
			return strings.TrimSuffix(stem, "t") + "č" + ending
		case strings.HasSuffix(stem, "d"):
			return strings.TrimSuffix(stem, "d") + "dž" + ending
		}
	}
	return stem + ending
}
