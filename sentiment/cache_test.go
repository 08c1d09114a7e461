package sentiment

import "testing"

// TestHashPre checks that the word cache's one-load prefix agrees with
// prefix8, and hashPre on it with hashWord, for every length and position.
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

// TestWordCacheGrow checks that the cache finds every word it holds, at
// every length class (up to 8, 9 to 16 and longer bytes), across growth
// and emptying between calls.
func TestWordCacheGrow(t *testing.T) {
	var c wordCache
	c.reset()
	word := func(k int) string {
		w := make([]byte, 1+k%23)
		for i := range w {
			w[i] = 'a' + byte((k*7+i*13+k/26)%26)
		}
		return string(w) + string(rune('a'+k%26)) + string(rune('a'+k/26%26)) + string(rune('a'+k/676%26))
	}
	rest := func(w string) uint64 {
		if len(w) > 8 && len(w) <= 16 {
			return prefix8(w[8:])
		}
		return 0
	}
	held := map[string]int32{}
	for round := range 40 {
		for k := round * 500; k < round*500+700; k++ {
			w := word(k)
			p := c.index(w, prefix8(w), rest(w))
			if p < 0 {
				continue
			}
			if c.str(c.slots[p].key) != w {
				t.Fatalf("round %d: index(%q) = slot of %q", round, w, c.str(c.slots[p].key))
			}
			if q, ok := held[w]; ok && q != p {
				t.Fatalf("round %d: %q moved from %d to %d within a call", round, w, q, p)
			}
			held[w] = p
			if len(w) <= 8 {
				if q := c.shortHit(len(w), prefix8(w)); q >= 0 && q != p {
					t.Fatalf("shortHit(%q) = %d, index %d", w, q, p)
				}
			}
		}
		n := 0
		for i := range c.slots {
			if c.slots[i].n != 0 {
				n++
			}
		}
		if n != c.count {
			t.Fatalf("round %d: count %d, %d slots in use", round, c.count, n)
		}
		c.reset() // between calls: may grow or empty
		clear(held)
		for i := range c.slots {
			if sl := &c.slots[i]; sl.n != 0 {
				w := c.str(sl.key)
				if p := c.index(w, prefix8(w), rest(w)); p != int32(i) {
					t.Fatalf("round %d: after reset, index(%q) = %d, held at %d", round, w, p, i)
				}
			}
		}
	}
	if len(c.slots) != cacheMaxSlots {
		t.Errorf("table did not grow to its full size: %d slots", len(c.slots))
	}
}
