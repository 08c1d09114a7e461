package reply

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one word of a text: a maximal run of letters and digits (with
// apostrophes inside a word kept), folded for matching.
type token struct {
	start, end int    // byte offsets into the original text
	text       string // folded: lower case, ё→е, Lithuanian diacritics stripped, ’→'
	sent       int    // index of the sentence the token belongs to
	letters    int    // number of letters
	upperRun   bool   // every letter is upper case and there are at least two
	capital    bool   // first rune is an upper-case letter
	digits     int    // number of digits
	clitic     bool   // follows an apostrophe inside a word: "ve" in "we've"
}

// span is a byte range [start, end) of a text.
type span struct{ start, end int }

// doc is a tokenised text with its sentences.
type doc struct {
	src   string
	toks  []token
	sents []span // byte span of each sentence, from its first token to its closing punctuation
}

// foldRune maps a rune to its matching form: lower case, with the
// diacritics that Lithuanian writers often leave out removed and Russian ё
// written as е, so that "atsiprasome" matches "atsiprašome".
func foldRune(r rune) rune {
	r = unicode.ToLower(r)
	switch r {
	case 'ё':
		return 'е'
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
	case '’', 'ʼ', '`':
		return '\''
	}
	return r
}

// fold returns s folded with foldRune; invalid bytes are dropped.
func fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r == utf8.RuneError {
			continue
		}
		b.WriteRune(foldRune(r))
	}
	return b.String()
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

// tokRef is the range of one token's folded text in the folded buffer.
type tokRef struct{ a, b int }

// docBuf holds the buffers of one text's tokenisation and phrase matching
// so that a pooled buffer serves many calls (see scratch). Nothing in it
// outlives the call that filled it, except the folded token text, which
// is a fresh string each time.
type docBuf struct {
	d       doc
	folded  []byte
	refs    []tokRef
	ms, exc []match
	all     []match
	off     []int32
	next    []int32
}

// tokenize splits s into tokens and sentences. It never panics, whatever
// the bytes; offsets always fall where utf8.DecodeRuneInString steps.
func tokenize(s string) *doc { return new(docBuf).tokenize(s) }

// tokenize is tokenize with b's buffers; the doc it returns is b's and is
// valid until b is used again.
func (b *docBuf) tokenize(s string) *doc {
	d := &b.d
	*d = doc{src: s, sents: b.d.sents[:0], toks: b.d.toks[:0]}
	if cap(d.sents) < len(s)/60+2 {
		d.sents = make([]span, 0, len(s)/60+2)
	}
	if cap(d.toks) < len(s)/4+4 {
		d.toks = make([]token, 0, len(s)/4+4)
	}
	folded := b.folded[:0]
	if cap(folded) < len(s) {
		folded = make([]byte, 0, len(s))
	}
	refs := b.refs[:0]
	if cap(refs) < len(s)/4+4 {
		refs = make([]tokRef, 0, len(s)/4+4)
	}
	sent := 0
	sentOpen := false // the current sentence has a token
	sentStart := 0
	lastEnd := 0
	closeSent := func(end int) {
		if sentOpen {
			d.sents = append(d.sents, span{sentStart, end})
			sent++
			sentOpen = false
		}
	}
	i := 0
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		if r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			// A token: letters, digits, marks, and apostrophes between letters.
			t := token{start: i, sent: sent}
			fa := len(folded)
			allUpper := true
			j := i
			for j < len(s) {
				if c := s[j]; c < utf8.RuneSelf {
					// ASCII fast path.
					switch {
					case c >= 'a' && c <= 'z':
						if t.letters == 0 {
							t.capital = false
						}
						t.letters++
						allUpper = false
						folded = append(folded, c)
						j++
						continue
					case c >= 'A' && c <= 'Z':
						if t.letters == 0 {
							t.capital = true
						}
						t.letters++
						folded = append(folded, c+'a'-'A')
						j++
						continue
					case c >= '0' && c <= '9':
						t.digits++
						folded = append(folded, c)
						j++
						continue
					}
					break
				}
				r2, w2 := utf8.DecodeRuneInString(s[j:])
				switch {
				case r2 != utf8.RuneError && (unicode.IsLetter(r2) || unicode.IsDigit(r2) || unicode.Is(unicode.Mn, r2)):
					if unicode.IsLetter(r2) {
						if t.letters == 0 && unicode.IsUpper(r2) {
							t.capital = true
						}
						t.letters++
						if !unicode.IsUpper(r2) {
							allUpper = false
						}
					} else if unicode.IsDigit(r2) {
						t.digits++
					}
					folded = utf8.AppendRune(folded, foldRune(r2))
					j += w2
					continue
				}
				break
			}
			t.end = j
			t.upperRun = allUpper && t.letters >= 2
			// A clitic after an apostrophe ("we've", "don't") is its own
			// token that does not count as a word.
			if i > 0 {
				if p, _ := utf8.DecodeLastRuneInString(s[:i]); isApostrophe(p) && len(d.toks) > 0 && d.toks[len(d.toks)-1].end == i-utf8.RuneLen(p) {
					t.clitic = true
				}
			}
			if !sentOpen {
				sentOpen = true
				sentStart = i
			}
			refs = append(refs, tokRef{fa, len(folded)})
			d.toks = append(d.toks, t)
			lastEnd = j
			i = j
			continue
		}
		switch r {
		case '.', '!', '?', '…', '\n', ';':
			// Consume a run of closing punctuation.
			j := i + w
			for j < len(s) {
				r2, w2 := utf8.DecodeRuneInString(s[j:])
				if r2 == '.' || r2 == '!' || r2 == '?' || r2 == '…' || r2 == '"' || r2 == '»' || r2 == '”' || r2 == ')' || r2 == '“' || r2 == '\'' {
					j += w2
					continue
				}
				break
			}
			if sentOpen && isBoundary(s, i, r, j) {
				closeSent(j)
				lastEnd = j
			}
			i = j
			continue
		}
		i += w
	}
	if sentOpen {
		closeSent(lastEnd)
	}
	all := string(folded)
	for k := range d.toks {
		d.toks[k].text = all[refs[k].a:refs[k].b]
	}
	b.folded, b.refs = folded, refs
	return d
}

// isBoundary reports whether the punctuation r at s[i] (its run ending at
// j) ends a sentence. A full stop followed by a lower-case letter or a
// digit does not ("el. paštu", "7.3", "g. 12"); a semicolon does not.
func isBoundary(s string, i int, r rune, j int) bool {
	switch r {
	case ';':
		return false
	case '.':
		if j == i+1 {
			k := j
			for k < len(s) && (s[k] == ' ' || s[k] == '\t') {
				k++
			}
			if k < len(s) {
				r2, _ := utf8.DecodeRuneInString(s[k:])
				if unicode.IsLower(r2) || unicode.IsDigit(r2) {
					return false
				}
			}
		}
	}
	return true
}

// sentenceOf returns the byte span of sentence n.
func (d *doc) sentence(n int) span {
	if n >= 0 && n < len(d.sents) {
		return d.sents[n]
	}
	return span{}
}

// words counts the tokens that contain a letter.
func (d *doc) words() int {
	n := 0
	for _, t := range d.toks {
		if t.letters > 0 && !t.clitic {
			n++
		}
	}
	return n
}
