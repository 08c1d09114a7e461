package sentiment

import (
	"testing"
	"unicode"
)

// TestRuneProps checks the tokenizer's property tables against package
// unicode over and around their range.
func TestRuneProps(t *testing.T) {
	for r := rune(-1); r < propLimit+0x200; r++ {
		if isLetter(r) != unicode.IsLetter(r) || isDigit(r) != unicode.IsDigit(r) ||
			isUpper(r) != unicode.IsUpper(r) || isLower(r) != unicode.IsLower(r) || toLower(r) != unicode.ToLower(r) ||
			isSpace(r) != unicode.IsSpace(r) {
			t.Fatalf("rune %U: properties differ from package unicode", r)
		}
		if r >= 0 && isWordRune(r) != (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)) {
			t.Fatalf("rune %U: isWordRune differs", r)
		}
	}
}
