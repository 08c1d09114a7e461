package stem

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// ltParadigms lists forms of one word, some typed without diacritics, with
// the stem they must all get (compared after FoldLithuanian, since a word
// typed without diacritics keeps its plain letters in the stem).
var ltParadigms = []struct {
	stem  string
	forms []string
}{
	// Nouns of every declension.
	{"pristat", []string{"pristatymas", "pristatymo", "pristatymą", "pristatymu", "pristatyme", "pristatymai", "pristatymų", "pristatyma"}},
	{"kokyb", []string{"kokybė", "kokybės", "kokybę", "kokybei", "kokybe", "kokybes"}},
	{"prek", []string{"prekė", "prekės", "prekę", "prekių", "prekėmis", "prekes", "preke", "prekiu"}},
	{"savait", []string{"savaitė", "savaitės", "savaitę", "savaičių", "savaites", "savaite", "savaiciu"}},
	{"pakuot", []string{"pakuotė", "pakuotės", "pakuotę", "pakuote", "pakuotes"}},
	{"parduotuv", []string{"parduotuvė", "parduotuvės", "parduotuvėje", "parduotuvę", "parduotuveje"}},
	{"siuntin", []string{"siuntinys", "siuntinio", "siuntinį", "siuntiniai", "siuntinių", "siuntini", "siuntiniu"}},
	{"kurjer", []string{"kurjeris", "kurjerio", "kurjerį", "kurjeriui", "kurjeriai", "kurjerių", "kurjeri"}},
	{"pinig", []string{"pinigai", "pinigų", "pinigus", "pinigais", "pinigu"}},
	{"kain", []string{"kaina", "kainos", "kainą", "kainų", "kainoje", "kainuoja", "kainuoti"}},
	{"dyd", []string{"dydis", "dydžio", "dydį", "dydžiai", "dydžių", "dydziu", "dydzio"}},
	{"dien", []string{"diena", "dienos", "dieną", "dienų", "dienas", "dienomis", "dienu"}},
	{"sūn", []string{"sūnus", "sūnaus", "sūnumi", "sūnūs", "sūnums", "sūnuje"}},
	{"šird", []string{"širdis", "širdies", "širdimi", "širdyje", "širdys"}},
	// Adjectives and adverbs, with degrees and pronominal forms.
	{"greit", []string{"greitas", "greita", "greitą", "greitai", "greiti", "greičiau", "greitesnis", "greičiausias", "greitasis", "greitoji", "greitos", "greito", "greiciau"}},
	{"blog", []string{"blogas", "bloga", "blogai", "blogą", "blogi", "blogiau", "blogesnis", "blogiausias", "blogų", "blogiems"}},
	{"ger", []string{"geras", "gera", "gerai", "geri", "geros", "gerą", "gerasis", "geroji", "geriausias", "geresnis", "geriausia"}},
	{"puik", []string{"puikus", "puiki", "puiku", "puikiai", "puikūs", "puikią", "puikiausias"}},
	{"mandag", []string{"mandagus", "mandagi", "mandagiai", "mandagūs", "mandagaus"}},
	{"lėt", []string{"lėtas", "lėta", "lėti", "lėtai", "lėtą", "letas"}},
	{"kokyb", []string{"kokybiška", "kokybiškas", "kokybiškai", "kokybiski", "kokybiskas"}},
	{"tikr", []string{"tikrai", "tikras", "tikra", "tikri"}},
	// Verbs: persons, tenses, infinitives, participles, reflexives.
	{"pristat", []string{"pristatė", "pristatyti", "pristatytas", "pristatyta", "pristatys", "pristatysime", "pristatysim", "pristatydavo", "pristate"}},
	{"atsipraš", []string{"atsiprašome", "atsiprašau", "atsiprašyti", "atsiprašo", "atsiprasome", "atsiprasau"}},
	{"rekomend", []string{"rekomenduoju", "rekomenduojame", "rekomenduoti", "rekomenduoja", "rekomenduojam"}},
	{"dėk", []string{"dėkoju", "dėkojame", "dėkui", "dėkoti", "dekojame", "dekui"}},
	{"grąžin", []string{"grąžinti", "grąžino", "grąžinimas", "grąžinimą", "grąžinau", "grazinti", "grazino"}},
	{"užsak", []string{"užsakymas", "užsakymo", "užsakymą", "užsakiau", "užsakyti", "uzsakymas", "uzsakyma"}},
	{"suged", []string{"sugedo", "sugedęs", "sugedusi", "sugedusių", "sugedes"}},
	{"naud", []string{"naudoju", "naudojimo", "naudoti", "naudojame", "naudojo"}},
	{"nor", []string{"norėjau", "norėti", "noriu", "norime", "norejau"}},
	{"gav", []string{"gavau", "gavome", "gavo", "gavęs", "gavusi"}},
	{"patik", []string{"patiko", "patikti", "patikę", "patikusi"}},
	{"džiaug", []string{"džiaugiuosi", "džiaugiamės", "džiaugėsi", "dziaugiuosi"}},
	{"dirb", []string{"dirbti", "dirba", "dirbo", "dirbu", "dirbame", "dirbdavo"}},
	{"at", []string{"ačiū", "aciu"}},
}

func TestLithuanianParadigms(t *testing.T) {
	for _, p := range ltParadigms {
		want := make([]string, len(p.forms))
		got := make([]string, len(p.forms))
		for i, w := range p.forms {
			want[i] = FoldLithuanian(p.stem)
			got[i] = FoldLithuanian(Lithuanian(w))
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("paradigm %q (-want +got):\n%s", p.stem, diff)
		}
	}
}

// TestLithuanian pins exact stems, including the letters with diacritics
// that the stem keeps and the č→t, dž→d and gd→g rewrites.
func TestLithuanian(t *testing.T) {
	vocabulary := map[string]string{
		"pristatymą": "pristat", "pristatyma": "pristat",
		"greitą": "greit", "greičiau": "greit", "greiciau": "greit",
		"atsiprašome": "atsipraš", "atsiprasome": "atsipras",
		"dydžio": "dyd", "dydzio": "dyd",
		"užsakymas": "užsak", "uzsakymas": "uzsak",
		"ačiū": "at", "aciu": "at",
		"labai": "lab", "patiko": "patik", "nepatiko": "nepatik",
		"kokybiška": "kokyb", "neatėjo": "neat", "savaitė": "savait",
		"pažymėti":  "pažym",                     // verb: -ym- is its root, not a suffix
		"vogdamas":  "vog",                       // -damas, then gd→g
		"nepirkite": "nepirk", "laukite": "lauk", // the k of the root stays
		"darykite": "dar", "rekomenduokit": "rekomend", // -y-k-, -uo-k- go
		// Too short for an ending in R1, or no vowel: unchanged.
		"ir": "ir", "aš": "aš", "kas": "kas", "dpd": "dpd", "": "",
		// A leading a- of a long word does not count for R1.
		"atvežė": "atvež", "apmokėjimas": "apmok", "apmokėti": "apmok",
	}
	got := make(map[string]string, len(vocabulary))
	for w := range vocabulary {
		got[w] = Lithuanian(w)
	}
	if diff := cmp.Diff(vocabulary, got); diff != "" {
		t.Errorf("Lithuanian stems (-want +got):\n%s", diff)
	}
}

func TestLithuanianR1(t *testing.T) {
	tests := []struct {
		word string
		want int
	}{
		{"gavau", len("gav")},
		{"atsiprašome", len("atsip")}, // leading a skipped: word is longer than 6 letters
		{"aciu", len("ac")},           // not skipped: 4 letters
		{"ąžuolas", len("ąžuol")},     // ą folds to a: skipped too
		{"dpd", len("dpd")},
		{"", 0},
	}
	for _, tt := range tests {
		if got := ltR1(tt.word); got != tt.want {
			t.Errorf("ltR1(%q) = %d, want %d", tt.word, got, tt.want)
		}
	}
}

func TestFoldLithuanian(t *testing.T) {
	tests := map[string]string{
		"ąčęėįšųūž":   "aceeisuuz",
		"atsiprašome": "atsiprasome",
		"labai":       "labai",
		"":            "",
		"ačiū!":       "aciu!",
		"\xffš":       "\xffs",
	}
	got := make(map[string]string, len(tests))
	for in := range tests {
		got[in] = FoldLithuanian(in)
	}
	if diff := cmp.Diff(tests, got); diff != "" {
		t.Errorf("FoldLithuanian (-want +got):\n%s", diff)
	}
}

// TestLithuanianFoldCommutes checks the promise of the package doc on words
// whose plain spelling is not ambiguous: stemming then folding equals
// folding then stemming.
func TestLithuanianFoldCommutes(t *testing.T) {
	for _, p := range ltParadigms {
		for _, w := range p.forms {
			a := FoldLithuanian(Lithuanian(w))
			b := Lithuanian(FoldLithuanian(w))
			if a != b {
				t.Errorf("%q: FoldLithuanian(Lithuanian) = %q, Lithuanian(FoldLithuanian) = %q", w, a, b)
			}
		}
	}
}
