package sentiment

import "testing"

// TestHashPre checks that the word cache's one-load prefix and hash agree
// with prefix8 and hashWord for every length and position.
func TestHashPre(t *testing.T) {
	text := "a quick brown fox, ąčęėįšųūž and 'quoted'! supercalifragilistic йцукенгшщзхъ z"
	for i := 0; i < len(text); i++ {
		for j := i; j <= len(text) && j <= i+40; j++ {
			w := text[i:j]
			pre := prefixIn(text, i, j)
			if pre != prefix8(w) {
				t.Fatalf("prefixIn(%q) = %x, want %x", w, pre, prefix8(w))
			}
			if h := hashPre(w, pre); h != hashWord(w) {
				t.Fatalf("hashPre(%q) = %x, want %x", w, h, hashWord(w))
			}
		}
	}
}
