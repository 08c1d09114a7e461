package stem

import (
	"testing"
	"unicode/utf8"
)

func fuzzStemmer(f *testing.F, fn func(string) string, seeds ...string) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, word string) {
		got := fn(word)
		if len(got) > len(word) {
			t.Fatalf("stem %q of %q is longer than the word", got, word)
		}
		if utf8.ValidString(word) && !utf8.ValidString(got) {
			t.Fatalf("stem %q of valid %q is invalid UTF-8", got, word)
		}
		_ = fn(got)
	})
}

func FuzzRussian(f *testing.F) {
	fuzzStemmer(f, Russian, "доставкой", "понравилось", "извиняемся", "ёлка",
		"красивейшими", "благодарность", "разобравшись", "до\xd0", "", "ok")
}

func FuzzLithuanian(f *testing.F) {
	fuzzStemmer(f, Lithuanian, "pristatymą", "atsiprašome", "aciu", "greičiau",
		"dydžio", "vogdamas", "kokybiškai", "ą\xc4", "", "dpd")
}

func FuzzEnglish(f *testing.F) {
	fuzzStemmer(f, English, "disappointed", "customer's", "hopefulness",
		"skies", "'yellow", "generously", "naïve", "\xff", "", "ies")
}
