package stem

import (
	"testing"
	"unicode/utf8"
)

// TestRuneDecoding checks the fast decoders against package utf8 on every
// two-byte string and a few longer ones, valid or not.
func TestRuneDecoding(t *testing.T) {
	check := func(s string) {
		r1, n1 := lastRune(s)
		r2, n2 := utf8.DecodeLastRuneInString(s)
		if r1 != r2 || n1 != n2 {
			t.Fatalf("lastRune(%q) = %U, %d; utf8 says %U, %d", s, r1, n1, r2, n2)
		}
		r1, n1 = firstRune(s)
		r2, n2 = utf8.DecodeRuneInString(s)
		if r1 != r2 || n1 != n2 {
			t.Fatalf("firstRune(%q) = %U, %d; utf8 says %U, %d", s, r1, n1, r2, n2)
		}
	}
	for a := range 256 {
		check(string([]byte{byte(a)}))
		for b := range 256 {
			check(string([]byte{byte(a), byte(b)}))
		}
	}
	for _, s := range []string{"", "ё", "日", "😀", "x\xe6\x97", "\xf0\x9f\x98", "ąž"} {
		check(s)
	}
}

func TestSuffixSetLongest(t *testing.T) {
	set := newFoldedSuffixSet(ltFold, []string{"a", "ą", "ias"}, []string{"ėj"})
	tests := []struct {
		word  string
		limit int
		start int
		tag   int8
	}{
		{"greita", 0, len("greit"), 1},
		{"greitą", 0, len("greit"), 1},
		{"kelias", 0, len("kel"), 1},
		{"kelias", len("kelia"), -1, 0}, // "ias" and "s" start before the limit
		{"norėj", 0, len("nor"), 2},
		{"norej", 0, len("nor"), 2}, // plain e matches ė
		{"ėją", 0, len("ėj"), 1},    // ą matches ą
		{"keliąs", 0, -1, 0},        // ą in the word does not match a
		{"kelias\xff", 0, -1, 0},    // invalid byte ends nothing
		{"", 0, -1, 0},
	}
	for _, tt := range tests {
		start, tag := set.longest(tt.word, tt.limit)
		if start != tt.start || tag != tt.tag {
			t.Errorf("longest(%q, %d) = %d, %d; want %d, %d", tt.word, tt.limit, start, tag, tt.start, tt.tag)
		}
	}
}
