package sentiment

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// tokenizerTexts returns the golden corpus, the dump's extra texts, some
// crafted ones and, when present, the shared evaluation data.
func tokenizerTexts(t *testing.T) []string {
	t.Helper()
	texts := append([]string(nil), goldenDumpTexts...)
	texts = append(texts,
		"ačiū labai gerą prekę gavau, the best šaunu", "aб abc бa xyz", "#love it #ačiū #aб",
		"don't it's I'm the THE The tHe thhhe oooh o_O xD http://x.y www.z ht hw wt ww",
		"a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a",
		strings.Repeat("word ", 300), strings.Repeat("a bb ccc dddd eeeee ffffffffff ", 60), "don't can't couldn't shouldn't've rock'n'roll y'all aaa'bbb a'aaa it's", "it's", "i'm.", "x'y'z x'", "naïve café niño über", "the,the.the;the:the#the@the")
	// Every word of one to ten letters a and b, alone, at the end of a
	// text and followed by more text (the fast paths differ by length and
	// by the bytes left).
	var ab []string
	for n := 1; n <= 10; n++ {
		for m := 0; m < 1<<n; m++ {
			b := make([]byte, n)
			for k := range b {
				b[k] = 'a' + byte(m>>k&1)
			}
			ab = append(ab, string(b))
		}
	}
	for _, w := range ab {
		texts = append(texts, w, "x "+w, w+" yyyyyyyyy", "#"+w+".")
	}
	if b, err := os.ReadFile(filepath.Join("testdata", "corpus.txt")); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if l != "" && !strings.HasPrefix(l, "#") {
				texts = append(texts, l)
			}
		}
	}
	more, err := evalTexts()
	if err != nil {
		t.Fatal(err)
	}
	texts = append(texts, more...)
	return texts
}

// addVotes adds the language votes of token t to v, one count at a time
// (the reference for the tokenizer's packed votes).
func addVotes(v *langVotes, t *token) {
	if t.kind != tkWord {
		return
	}
	switch {
	case t.flags&fCyr != 0:
		v.cyr++
		return
	case t.flags&fLatin == 0:
		return
	}
	v.latin++
	if t.flags&fLtDiac != 0 {
		v.ltDiac++
	}
	b := t.vb
	v.enFunc += int(b & vEnFunc)
	v.ltFunc += int(b >> 1 & 1)
	v.enLex += int(b >> 2 & 1)
	v.ltLex += int(b >> 3 & 1)
	v.ltEnd += int(b >> 4 & 1)
	v.enPattern += int(b >> 5 & 1)
}

// TestTokenizeInvariants checks what the tokenizer's fast paths must keep:
// a sentence's votes are the sum of its tokens' votes (addVotes), a word
// token's cache slot holds its lower-case form and votes, and the fields
// that later phases fill start at their zero values.
func TestTokenizeInvariants(t *testing.T) {
	sc := getScratch()
	defer putScratch(sc)
	for _, text := range tokenizerTexts(t) {
		sc.tokenize(text)
		for si := range sc.sents {
			s := &sc.sents[si]
			if s.t1-s.t0 > maxSentenceTokens {
				t.Fatalf("%q: sentence %d has %d tokens", text, si, s.t1-s.t0)
			}
			var v, hv langVotes
			for i := s.t0; i < s.t1; i++ {
				if tk := &sc.toks[i]; tk.flags&fHash == 0 {
					addVotes(&v, tk)
				} else {
					addVotes(&hv, tk)
				}
			}
			if v != s.votes.wide() || hv != s.hvotes.wide() {
				t.Fatalf("%q: sentence %d votes %+v %+v, tokens give %+v %+v", text, si, s.votes.wide(), s.hvotes.wide(), v, hv)
			}
			for _, sv := range []sentVotes{s.votes, s.hvotes} {
				w := sv.wide()
				if sv.decide() != w.decide() {
					t.Fatalf("%q: sentence %d: packed votes %+v decide %q, unpacked %q", text, si, w, sv.decide(), w.decide())
				}
			}
		}
		for i := range sc.toks {
			tk := &sc.toks[i]
			if tk.val != 0 || tk.clause != 0 || tk.ev != -1 {
				t.Fatalf("%q: token %d not fresh: %+v", text, i, *tk)
			}
			if tk.kind != tkWord {
				if tk.ce != -1 || tk.vb != 0 {
					t.Fatalf("%q: token %d: ce %d vb %d", text, i, tk.ce, tk.vb)
				}
				continue
			}
			if tk.emo != 0 || text[tk.start:tk.end] != sc.low(tk) && !tk.hasUpperOrSpecial(text) {
				t.Fatalf("%q: token %d: %+v", text, i, *tk)
			}
			if w := text[tk.start:tk.end]; plainWord(w) {
				elong := false
				for k := 2; k < len(w); k++ {
					elong = elong || w[k] == w[k-1] && w[k] == w[k-2]
				}
				hash := tk.start > 0 && text[tk.start-1] == '#'
				if tk.flags&fElong != 0 != elong || tk.flags&fHash != 0 != hash || tk.flags&(fLatin|fCyr|fLtDiac|fCaps|fTitle) != fLatin {
					t.Fatalf("%q: token %d (%q): flags %b", text, i, w, tk.flags)
				}
			}
			sl := sc.cache.at(tk.ce)
			if sl == nil || sc.cache.str(sl.key) != sc.low(tk) {
				t.Fatalf("%q: token %d (%q): cache slot %d does not hold it", text, i, sc.low(tk), tk.ce)
			}
			var vb voteBits
			if tk.flags&(fCyr|fLatin) == fLatin {
				vb = wordVotes(sc.low(tk), tk.flags&fLtDiac != 0, sc.en, sc.lt)
			}
			if tk.vb != vb {
				t.Fatalf("%q: token %d (%q): votes %b, want %b", text, i, sc.low(tk), tk.vb, vb)
			}
		}
	}
}

// plainWord reports whether w is all lower-case ASCII letters, with inner
// apostrophes.
func plainWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i]-'a' >= 26 && (w[i] != '\'' || i == 0) {
			return false
		}
	}
	return w != ""
}

// hasUpperOrSpecial reports whether the token's text differs from its
// lower-case form for a reason: capitals, ё or a typographic apostrophe.
func (tk *token) hasUpperOrSpecial(text string) bool {
	w := text[tk.start:tk.end]
	return strings.ToLower(w) != w || strings.ContainsAny(w, "ёЁ’")
}

// TestNotLower checks notLower against its definition for every byte
// value at every position.
func TestNotLower(t *testing.T) {
	for c := range 256 {
		want := uint64(0x80)
		if c >= 'a' && c <= 'z' {
			want = 0
		}
		for k := range 8 {
			// The other bytes: letters, or the next byte value (no borrow
			// may cross from a byte to the next).
			fill := uint64(0x6d6d6d6d6d6d6d6d)
			if k%2 == 1 {
				fill = uint64(byte(c+1)) * 0x0101010101010101
			}
			x := fill&^(0xff<<(8*k)) | uint64(c)<<(8*k)
			if got := notLower(x) >> (8 * k) & 0xff; got != want {
				t.Fatalf("notLower(%#x) byte %d = %#x, want %#x", x, k, got, want)
			}
		}
	}
}
