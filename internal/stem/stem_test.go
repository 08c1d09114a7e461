package stem

import (
	"strings"
	"testing"
	"unicode/utf8"
)

type stemmer struct {
	name string
	fn   func(string) string
	// norm is what the stemmer does to a word before removing anything.
	norm  func(string) string
	words []string
}

func stemmers() []stemmer {
	ru := make([]string, 0, len(ruVocabulary))
	for w := range ruVocabulary {
		ru = append(ru, w)
	}
	var lt []string
	for _, p := range ltParadigms {
		lt = append(lt, p.forms...)
	}
	en := make([]string, 0, len(enVocabulary))
	for w := range enVocabulary {
		en = append(en, w)
	}
	return []stemmer{
		{"Russian", Russian, func(w string) string { return strings.ReplaceAll(w, "ё", "е") }, ru},
		{"Lithuanian", Lithuanian, func(w string) string { return w }, lt},
		{"English", English, func(w string) string { return strings.TrimPrefix(w, "'") }, en},
	}
}

// TestStemProperties checks, over every vocabulary word: the stem is never
// longer than the word, is valid UTF-8, and stemming the stem again neither
// grows it nor panics. Russian stems are always prefixes of the (ё-folded)
// word; Lithuanian ones are prefixes unless č→t was applied.
func TestStemProperties(t *testing.T) {
	for _, s := range stemmers() {
		for _, w := range s.words {
			st := s.fn(w)
			n := s.norm(w)
			if len(st) > len(n) {
				t.Errorf("%s(%q) = %q: longer than the word", s.name, w, st)
			}
			if !utf8.ValidString(st) {
				t.Errorf("%s(%q) = %q: invalid UTF-8", s.name, w, st)
			}
			if again := s.fn(st); len(again) > len(st) {
				t.Errorf("%s(%s(%q)) = %q: longer than %q", s.name, s.name, w, again, st)
			}
			switch s.name {
			case "Russian":
				if !strings.HasPrefix(n, st) {
					t.Errorf("Russian(%q) = %q: not a prefix", w, st)
				}
			case "Lithuanian":
				if !strings.HasPrefix(n, st) && !strings.HasSuffix(st, "t") {
					t.Errorf("Lithuanian(%q) = %q: not a prefix and no č→t", w, st)
				}
			}
		}
	}
}

// TestNoAllocations checks that a stem which is a prefix of the word is
// returned as a substring.
func TestNoAllocations(t *testing.T) {
	tests := []struct {
		name string
		fn   func(string) string
		word string
	}{
		{"Russian", Russian, "понравилось"},
		{"Russian", Russian, "доставкой"},
		{"Lithuanian", Lithuanian, "atsiprašome"},
		{"Lithuanian", Lithuanian, "pristatymą"},
		{"English", English, "disappointed"},
		{"English", English, "customer's"},
	}
	for _, tt := range tests {
		if n := testing.AllocsPerRun(100, func() { _ = tt.fn(tt.word) }); n != 0 {
			t.Errorf("%s(%q): %v allocations, want 0", tt.name, tt.word, n)
		}
	}
}

// TestOddInput feeds inputs no caller should send: nothing panics and the
// result is never longer than the input.
func TestOddInput(t *testing.T) {
	inputs := []string{
		"", "\xff", "\xd0", "до\xd0", "\xd0\xb0\xd0", "ё", "ёёёё", "ь", "нн",
		"ą", "č", "dž", "gd", "\xc4", "ačiū\xff", "'", "''", "'s", "s's",
		"yyyy", "Y", "'y'", "ies", "eed", "ing", strings.Repeat("а", 100),
		strings.Repeat("ą", 100), strings.Repeat("ing", 30), "日本語", "😀😀",
		"CAPS", "123", "a-b", "доставка-доставка",
	}
	for _, s := range stemmers() {
		for _, in := range inputs {
			got := s.fn(in)
			if len(got) > len(in) {
				t.Errorf("%s(%q) = %q: longer than the input", s.name, in, got)
			}
			if utf8.ValidString(in) && !utf8.ValidString(got) {
				t.Errorf("%s(%q) = %q: invalid UTF-8 from valid input", s.name, in, got)
			}
		}
	}
}
