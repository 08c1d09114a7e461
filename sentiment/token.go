package sentiment

import (
	"encoding/binary"
	"math/bits"
	"slices"
	"strings"
	"unicode/utf8"
	"unsafe"
)

// Token kinds.
const (
	tkWord = iota
	tkNum
	tkEmoji // emoji or emoticon with a valence
)

// Token flags.
const (
	fCaps      = 1 << iota // written in capitals (two letters or more)
	fElong                 // has a letter repeated three times or more
	fBreak                 // a clause break (comma, colon, dash, ...) precedes it
	fCyr                   // has Cyrillic letters
	fLatin                 // has Latin letters
	fLtDiac                // has Lithuanian diacritics (ąčęėįšųūž)
	fUsed                  // consumed by a multi-word entry
	fComplaint             // scored by a complaint pattern
	fHash                  // a hashtag (the word follows '#')
	fTitle                 // starts with a capital letter
	fLow                   // low differs from the text (see scratch.low)
)

// token is one word, number or emoji. The tokenizer sets start, end,
// emo, kind, vb, flags and ce (and low with fLow), with val 0,
// ev -1 and clause 0 (the scorer counts on that state: see prepSentence);
// prep and prepSentence set spill and le.
type token struct {
	start, end int
	// low is the lower-case form of a word with fLow (see scratch.low);
	// it is not set for other tokens.
	low string
	// (The scorer reads lexicon infos by id, le.in, so that preparing a
	// token loads none.)
	spill *[2]string // norm and stem when le.ready is false (see le)
	val   float64
	emo   float64
	// le is the word's lexicon data (set by prep): a copy of its word-cache
	// slot's, so that preparing a token copies a small block without
	// pointers. Its norm and stem are read with scratch.norm and
	// scratch.stem; when le.ready is false (a word the cache could not
	// keep), spill holds them.
	le     langEnt
	kind   uint8
	vb     voteBits // language hints of a Latin word
	flags  uint16
	clause int32 // clause number in the sentence (see numberClauses)
	ev     int32 // index of the token's evidence, -1 if none
	ce     int32 // index of the token's word-cache slot, -1 if none
}

// low returns the lower-case form of a token (ё→е, ’→'). For most words
// that is the text itself, and the tokenizer stores no string for it (a
// store with a write-barrier check per word in its hottest loop); a word
// with capitals, ё or ’ has fLow and its form in t.low.
func (sc *scratch) low(t *token) string {
	if t.flags&fLow != 0 {
		return t.low
	}
	return sc.text[t.start:t.end]
}

// wordBits summarise a word's lexicon entries so that the scorer rarely
// has to dereference them.
type wordBits uint16

const (
	bAnyVal   wordBits = 1 << iota // in, sin or pin (or a seq of theirs) has a valence
	bAnyAsp                        // ... an aspect
	bAnyTox                        // ... a toxic term
	bContrast                      // in is a contrast word
	bIntens                        // in is an intensifier
	bKnown                         // in or sin is known to the lexicon at all
	bSeqs                          // in, sin or pin starts multi-word entries
	bOwnVal                        // in, sin or pin itself has a valence
	bUnkFused                      // neither bNeg nor bKnown, and norm starts like a fused negation (fusedPrefix)
	bUnkLong                       // neither bNeg nor bKnown, norm is longer than two bytes and in no function word
	bExcess                        // norm is an excess marker of the language (excessive)
	bNeg                           // a negator in the lexicon's language
	bCand                          // bNeg, bOwnVal or bUnkFused, or an emoji: the scorer looks at the token
	bInVal                         // in itself has a valence (matchAt's answer for a word that is no negator and starts no seqs)
	bInAsp                         // in itself has an aspect (likewise)
	bNumWord                       // norm is a number word (numberWords), which a <num> element matches
)

type sentRec struct {
	start, end int // byte span
	t0, t1     int // token range [t0, t1)
	excl       int
	question   int
	term       int // start of the terminator run (. ! ?), or end
	lang       Lang
	votes      sentVotes // language votes of the words (filled while tokenising)
	hvotes     sentVotes // ... of the hashtags
	bits       wordBits  // union of the tokens' bits
	ncand      int32     // length of the sentence's scoring list in scratch.cand (see prepSentence)
	nasp       int32     // length of its aspect list there
	clauses    bool      // token.clause is set (see numberClauses)
	scored     bool      // prepSentence has prepared the tokens for scoring before
	sum        float64
	negSum     float64
	posSum     float64
	weight     float64
}

// scratch is the per-call working memory, reused through a sync.Pool.
type scratch struct {
	cache wordCache
	text  string // the text being analysed (see low)
	buf   []byte
	toks  []token
	sents []sentRec
	ev    []evRec // the Evidence items (see evRec)
	asp   []AspectMention
	// tone is the valence of an emoticon or emoji that closes the text
	// (0 without one), toneTok its token index.
	tone    float64
	toneTok int
	// caps and lower count the word tokens in capitals and the other
	// letter-bearing word tokens (for the caps rule's "mixed case").
	caps, lower int
	// en and lt are the embedded lexicons that language votes consult.
	en, lt *lexicon
	// cand lists the tokens the scorer looks at in a sentence (scoreSentence).
	cand []int32
	rr   runResult // run's sums, for result
}

// asciiClass classifies the ASCII characters for isWordRune and isSpace,
// so that their ASCII case is one table load and they inline.
var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for c := range utf8.RuneSelf {
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
			t[c] |= acWord
		}
		switch c {
		case ' ', '\t', '\n', '\r', '\v', '\f':
			t[c] |= acSpace
		case 'o', 'O', 'x', 'X', 'h', 'w':
			t[c] |= acSpecial
		}
	}
	return t
}()

// pairClass marks the first two bytes of a word that the tokenizer's
// word case checks for an emoticon (o or x, then _ . D or -) or a URL (h or
// w, then t or w): pairClass[a]&(pairClass[b]>>pcSecond) != 0 for exactly
// those pairs, and for every a that is no lower-case ASCII letter (for
// lowerWords, which so tests the next word's first byte too). (Bits for the
// first byte, pcEmoFirst, pcURLFirst and pcNotLower, and for the second,
// pcSecond places higher: one class for both bytes made pairs such as "th"
// match, and "the" missed the fast path.)
var pairClass = func() (t [256]uint8) {
	for c := range 256 {
		t[c] |= pcAnySecond
		if c < 'a' || c > 'z' {
			t[c] |= pcNotLower
		}
	}
	for _, c := range "oOxX" {
		t[c] |= pcEmoFirst
	}
	for _, c := range "_.D-" {
		t[c] |= pcEmoSecond
	}
	for _, c := range "hw" {
		t[c] |= pcURLFirst
	}
	for _, c := range "tw" {
		t[c] |= pcURLSecond
	}
	return t
}()

const (
	pcEmoFirst = 1 << iota
	pcURLFirst
	pcNotLower
	pcEmoSecond // pcEmoFirst << pcSecond
	pcURLSecond // pcURLFirst << pcSecond
	pcAnySecond // pcNotLower << pcSecond: set for every byte

	pcSecond = 3
)

const (
	acWord    = 1 << iota // ASCII letter or digit
	acSpace               // ASCII white space
	acSpecial             // may start an emoticon (o, x) or a URL (h, w)
)

func isWordRune(r rune) bool {
	if uint32(r) < utf8.RuneSelf {
		return asciiClass[r]&acWord != 0
	}
	return isWordRuneSlow(r)
}

// isWordRuneSlow is isWordRune beyond ASCII, kept out of line so that
// isWordRune inlines.
//
//go:noinline
func isWordRuneSlow(r rune) bool { return propsOf(r)&pWord != 0 }

func isLtDiac(r rune) bool {
	switch r {
	case 'ą', 'č', 'ę', 'ė', 'į', 'š', 'ų', 'ū', 'ž', 'Ą', 'Č', 'Ę', 'Ė', 'Į', 'Š', 'Ų', 'Ū', 'Ž':
		return true
	}
	return false
}

func isCyr(r rune) bool { return r >= 0x400 && r <= 0x4FF }

func isSpace(r rune) bool {
	if uint32(r) < utf8.RuneSelf {
		return asciiClass[r]&acSpace != 0
	}
	return isSpaceSlow(r)
}

// bstr views b as a string without copying. The scratch buffer is only
// appended to while any such string is alive, and these strings never leave
// an Analyze call.
func bstr(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// appendStr appends s to the scratch buffer and returns a view of the copy.
func (sc *scratch) keep(from int) string {
	return bstr(sc.buf[from:len(sc.buf):len(sc.buf)])
}

// emoticons, longest first within a shared prefix.
var emoticons = []struct {
	s string
	v float64
}{
	{":-))", 2.2}, {":))", 2.2}, {":-)", 1.8}, {":)", 1.8}, {"(:", 1.6}, {":-]", 1.5}, {":]", 1.5},
	{":-D", 2.3}, {":D", 2.3}, {";-)", 1.4}, {";)", 1.4}, {":-P", 1.0}, {":P", 1.0}, {":p", 1.0},
	{"^_^", 1.8}, {"^^", 1.4}, {"<3", 2.4}, {"=)", 1.6}, {"=(", -1.6},
	{":-((", -2.4}, {":((", -2.4}, {":-(", -2.0}, {":(", -2.0}, {":'(", -2.4}, {":’(", -2.4},
	{">:(", -2.6}, {":-/", -1.1}, {":/", -1.1}, {":-|", -0.6}, {":|", -0.6}, {"):", -1.6},
	{"</3", -2.2}, {"-_-", -1.2}, {":-S", -1.0}, {":S", -1.0}, {":c", -1.6}, {":l", -0.8},
	{"&lt;3", 2.4}, {"&lt;/3", -2.2}, // HTML-escaped, as scraped text often is
	{":-p", 1.0}, {";-P", 1.2}, {";P", 1.2}, {";p", 1.2}, {"=P", 1.0}, {"=p", 1.0}, {";-D", 2.0}, {";D", 2.0}, {"=D", 2.0},
	{":-*", 1.8}, {":*", 1.8},
	{"o_O", -0.8}, {"O_o", -0.8}, {"o_o", -0.6}, {"O_O", -0.6}, {"o.O", -0.8}, {"xD", 1.8}, {"XD", 1.8}, {"x-D", 1.8},
}

// emoticonsByByte indexes emoticons by their first byte.
var emoticonsByByte = func() (idx [256][]int) {
	for k, e := range emoticons {
		idx[e.s[0]] = append(idx[e.s[0]], k)
	}
	return idx
}()

// emoticonPairs has, for each byte, a bit per byte that follows it in an
// emoticon: every emoticon has two bytes or more, so text[i:] can start
// one only if emoticonPair(text, i). Most punctuation that can start an
// emoticon ( ) - : does not, and this spares matchEmoticon's call and
// tests for it.
var emoticonPairs = func() (t [256][4]uint64) {
	for _, e := range emoticons {
		t[e.s[0]][e.s[1]>>6] |= 1 << (e.s[1] & 63)
	}
	return t
}()

func emoticonPair(text string, i int) bool {
	if i+1 >= len(text) {
		return false
	}
	c, d := text[i], text[i+1]
	return emoticonPairs[c][d>>6]>>(d&63)&1 != 0
}

// emojiValence is a small table of common emoji.
func emojiValence(r rune) (float64, bool) {
	if r < 0x2600 {
		return 0, false
	}
	switch r {
	case '🙂', '☺', '😀', '😃', '😄':
		return 1.8, true
	case '😊', '😁', '😆', '🥰', '🤗', '😌', '😉', '🤩', '😇':
		return 2.2, true
	case '😍', '😘', '❤', '💕', '💖', '💗', '💙', '💚', '💛', '💜', '🧡', '💯', '🔥', '✨':
		return 2.4, true
	case '👍', '👌', '👏', '🙌', '💪', '✅', '⭐', '🌟', '🎉', '🥳', '😂', '🤣', '🙏':
		return 1.6, true
	case '😐', '😑', '🤔', '🙄', '😒':
		return -0.8, true
	case '😕', '🙁', '☹', '😟', '😔', '😩', '😫', '😤', '🤦', '😬', '🤷':
		return -1.6, true
	case '😞', '😢', '😭', '😥', '😿', '💔', '👎', '❌', '🚫':
		return -2.2, true
	case '😡', '😠', '🤬', '💩', '🤮', '🤢', '😱':
		return -2.8, true
	}
	return 0, false
}

func isEmojiModifier(r rune) bool {
	return r == 0xFE0F || r == 0x200D || (r >= 0x1F3FB && r <= 0x1F3FF)
}

// maxSentenceTokens caps a sentence; longer runs without a terminator are
// split, which keeps the per-sentence rules (some compare token pairs)
// linear in the text length.
const maxSentenceTokens = 128

// tokenize fills sc.toks and sc.sents from text.
func (sc *scratch) tokenize(text string) {
	sc.text = text
	sc.toks = sc.toks[:0]
	sc.sents = sc.sents[:0]
	sc.buf = sc.buf[:0]
	sc.caps, sc.lower = 0, 0
	sc.cache.reset()
	if sc.en == nil {
		def, _ := defaultLexicons()
		sc.en, sc.lt = def[EN], def[LT]
	}
	if cap(sc.buf) < len(text)+16 {
		sc.buf = make([]byte, 0, len(text)*2+16)
	}
	// cur is the open sentence, built in place as the last of sc.sents
	// (copying a finished sentence in cost more than filling it); nil
	// between sentences.
	var cur *sentRec
	brk := false
	lastEnd := 0
	lanes := uint64(0) // votes of cur's plain words, packed (see voteLanes)
	closeSent := func(end int) {
		if cur == nil {
			return
		}
		cur.votes.lanes += lanes
		lanes = 0
		cur.end = end
		if cur.term == 0 || cur.term > end {
			cur.term = end
		}
		cur.t1 = len(sc.toks)
		cur = nil
		brk = false
	}
	open := func(at int) {
		if cur == nil {
			if len(sc.sents) == cap(sc.sents) {
				sc.sents = slices.Grow(sc.sents, 1)
			}
			sc.sents = sc.sents[:len(sc.sents)+1]
			cur = &sc.sents[len(sc.sents)-1]
			*cur = sentRec{}
			cur.start, cur.t0 = at, len(sc.toks)
		}
	}
	i := 0
	for i < len(text) {
		c := text[i]
		if c == ' ' { // the commonest byte, before the general case
			i++
			continue
		}
		if c-'a' < 26 && (i+1 >= len(text) || pairClass[c]&(pairClass[text[i+1]]>>pcSecond) == 0) {
			// A word starting with a lower-case ASCII letter whose first
			// two bytes cannot start an emoticon or a URL (the commonest
			// token): the word case below without its checks. (One test
			// of both bytes: testing the first letter alone is a branch
			// the CPU mispredicts often.)
			open(i)
			var t *token
			var ln uint64
			i, t, ln = sc.lowerWords(text, i, brk, cur.t0+maxSentenceTokens)
			lanes += ln
			switch {
			case t.flags&(fHash|fCyr|fLtDiac) == 0: // (a word starting with a-z has fLatin)
				lanes += voteLanes[t.vb&(1<<6-1)] // cur.votes.add(t) for a plain Latin word
			case t.flags&fHash == 0:
				cur.votes.add(t)
			default:
				cur.hvotes.add(t)
			}
			brk = false
			lastEnd = t.end // i may be past a space after the word
			if len(sc.toks)-cur.t0 >= maxSentenceTokens {
				closeSent(t.end)
			}
			continue
		}
		// The commonest punctuation, a comma and a full stop before a space
		// or the end of the text, as the general case below takes them
		// (that case decoded them and tested them for emoji, emoticons and
		// the other punctuation first).
		if c == ',' {
			open(i)
			brk = true
			i++
			lastEnd = i
			continue
		}
		if c == '.' && (i+1 == len(text) || text[i+1] == ' ') {
			open(i)
			if cur.term == 0 || cur.term < lastEnd {
				cur.term = i
			}
			i++
			lastEnd = i
			closeSent(i)
			continue
		}
		var r rune
		var size int
		if c < utf8.RuneSelf && asciiClass[c]&acWord != 0 {
			r, size = rune(c), 1 // an ASCII letter or digit: none of the cases below
		} else {
			r, size = utf8.DecodeRuneInString(text[i:])
			switch {
			case r == '\n' || r == '\r':
				closeSent(lastEnd)
				i += size
				continue
			case isSpace(r):
				i += size
				continue
			case isEmojiModifier(r):
				// Skin tones and joiners belong to the emoji before them; on
				// their own they neither open a sentence nor make a token.
				i += size
				continue
			}
		}
		open(i)
		switch {
		case isWordRune(r):
			special := r < utf8.RuneSelf && asciiClass[r]&acSpecial != 0
			if special && (r == 'o' || r == 'O' || r == 'x' || r == 'X') && i+1 < len(text) && emoticonSecond(text[i+1]) {
				if e, ok := matchEmoticon(text, i); ok {
					i = sc.addEmoticon(i, e, brk)
					brk, lastEnd = false, i
					continue
				}
			}
			if special && (r == 'h' || r == 'w') && i+1 < len(text) && (text[i+1] == 't' || text[i+1] == 'w') && (strings.HasPrefix(text[i:], "http://") || strings.HasPrefix(text[i:], "https://") || strings.HasPrefix(text[i:], "www.")) {
				j := i
				for j < len(text) {
					r2, s2 := utf8.DecodeRuneInString(text[j:])
					if isSpace(r2) {
						break
					}
					j += s2
				}
				i, lastEnd = j, j
				continue
			}
			if c-'0' < 10 {
				if j := numberEnd(text, i); j > 0 {
					// A plain number: word's token without its general
					// case (a number has no votes).
					sc.addNumber(text, i, j, brk)
					brk = false
					i, lastEnd = j, j
					if len(sc.toks)-cur.t0 >= maxSentenceTokens {
						closeSent(j)
					}
					continue
				}
			}
			var t *token
			if c-'a' < 26 {
				i, t = sc.lowerWord(text, i, brk)
			} else {
				i, t = sc.word(text, i, brk)
			}
			switch {
			case t.kind == tkWord && t.flags&(fHash|fCyr|fLatin|fLtDiac) == fLatin:
				lanes += voteLanes[t.vb&(1<<6-1)] // cur.votes.add(t) for a plain Latin word
			case t.flags&fHash == 0:
				cur.votes.add(t)
			default:
				cur.hvotes.add(t)
			}
			brk = false
			lastEnd = t.end // i may be past a space after the word (lowerWord)
			if len(sc.toks)-cur.t0 >= maxSentenceTokens {
				closeSent(t.end) // bound the per-sentence rules on text without punctuation
			}
			continue
		case r == '@':
			j := i + size
			for j < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				if !isWordRune(r2) && r2 != '_' {
					break
				}
				j += s2
			}
			i, lastEnd = j, j
			continue
		}
		// (The tests before the calls skip them for the commonest runes,
		// punctuation: no emoji is below 0x2600, and emoticons start with
		// one of a few bytes.)
		if r >= 0x2600 {
			if v, ok := emojiValence(r); ok {
				sc.toks = append(sc.toks, token{start: i, end: i + size, kind: tkEmoji, emo: v, ev: -1, ce: -1, flags: boolFlag(brk, fBreak)})
				brk = false
				i += size
				lastEnd = i
				continue
			}
		}
		if emoticonPair(text, i) {
			if e, ok := matchEmoticon(text, i); ok {
				i = sc.addEmoticon(i, e, brk)
				brk, lastEnd = false, i
				continue
			}
		}
		switch r {
		case '.', '!', '?', '…', '。':
			j := i
			if cur.term == 0 || cur.term < lastEnd {
				cur.term = i
			}
			for j < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				switch r2 {
				case '!':
					cur.excl++
				case '?':
					cur.question++
				case '.', '…', '。':
				default:
					goto done
				}
				j += s2
			}
		done:
			lastEnd = j
			// A terminator ends the sentence when followed by space, a
			// closing quote or the end of the text.
			end := j
			for end < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[end:])
				if r2 == '"' || r2 == '\'' || r2 == ')' || r2 == '»' || r2 == '”' || r2 == '“' {
					end += s2
					continue
				}
				break
			}
			if end >= len(text) {
				closeSent(end)
				i = end
				continue
			}
			r3, _ := utf8.DecodeRuneInString(text[end:])
			if isSpace(r3) || !isWordRune(r3) && r3 != '.' {
				closeSent(end)
				i = end
				continue
			}
			brk = true
			i = j
			continue
		case ',', ';', ':', '(', ')', '—', '–', '"', '«', '»', '“', '”', '/', '[', ']':
			brk = true
		case '-':
			if i+1 < len(text) && (text[i+1] == ' ' || text[i+1] == '-') || i > 0 && text[i-1] == ' ' {
				brk = true
			}
		}
		i += size
		lastEnd = i
	}
	closeSent(lastEnd)
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isUpper(r)
}

// addEmoticon appends the token of emoticons[e] found at i (brk: a clause
// break precedes it) and returns the index after it.
func (sc *scratch) addEmoticon(i, e int, brk bool) int {
	end := i + len(emoticons[e].s)
	sc.toks = append(sc.toks, token{start: i, end: end, kind: tkEmoji, emo: emoticons[e].v, ev: -1, ce: -1, flags: boolFlag(brk, fBreak)})
	return end
}

func boolFlag(b bool, f uint16) uint16 {
	if b {
		return f
	}
	return 0
}

// emoticonSecond reports whether c is the second byte of an emoticon that
// starts with a letter (o_O, o.O, xD, x-D): a word starting with o or x
// needs matchEmoticon only then.
func emoticonSecond(c byte) bool { return c == '_' || c == '.' || c == 'D' || c == '-' }

func matchEmoticon(text string, i int) (int, bool) {
	c := text[i]
	switch c {
	case ':', ';', '(', '^', '<', '=', '>', ')', '-', '&':
	case 'o', 'O', 'x', 'X':
		if i > 0 {
			if p, _ := utf8.DecodeLastRuneInString(text[:i]); isWordRune(p) {
				return 0, false
			}
		}
	default:
		return 0, false
	}
	if i > 0 && (c == ':' || c == '=' || c == ')' || c == '(') {
		// "http:", "10:30", "word:(" is fine but "a(b)" and "f(x)" are not emoticons.
		p, _ := utf8.DecodeLastRuneInString(text[:i])
		if isWordRune(p) && c != ':' {
			return 0, false
		}
		if c == ':' && isDigit(p) {
			return 0, false
		}
	}
	for _, k := range emoticonsByByte[c] {
		e := emoticons[k]
		if strings.HasPrefix(text[i:], e.s) {
			end := i + len(e.s)
			if end < len(text) {
				// ":D" and ":P" only when not followed by a letter (":Dear").
				r, _ := utf8.DecodeRuneInString(text[end:])
				if isWordRune(r) {
					continue
				}
			}
			if (e.s == "):" || e.s == "(:") && i+len(e.s) < len(text) && text[i+len(e.s)] != ' ' {
				continue
			}
			return k, true
		}
	}
	return 0, false
}

// numberEnd returns the end of the run of ASCII digits at i when word
// would end the token there too (a plain number such as 3 or 2600), and -1
// when the token goes on (10.5, 1,000, 90's, mp3 is no number either).
func numberEnd(text string, i int) int {
	j := i
	for j < len(text) && text[j]-'0' < 10 {
		j++
	}
	if j < len(text) {
		b := text[j]
		if wordGoesOn[b] || (b == '.' || b == ',' || b == '/') && j+1 < len(text) && text[j+1]-'0' < 10 {
			return -1
		}
	}
	return j
}

// addNumber appends the token word makes of the number text[i:j] (see
// numberEnd).
func (sc *scratch) addNumber(text string, i, j int, brk bool) {
	if len(sc.toks) == cap(sc.toks) {
		sc.toks = slices.Grow(sc.toks, 1)
	}
	sc.toks = sc.toks[:len(sc.toks)+1]
	t := &sc.toks[len(sc.toks)-1]
	*t = token{}
	t.start, t.end, t.kind, t.ev, t.ce = i, j, tkNum, -1, -1
	if brk {
		t.flags |= fBreak
	}
	if i > 0 && text[i-1] == '#' {
		t.flags |= fHash
	}
}

// word scans one word (letters, digits, inner apostrophes; numbers with inner
// . , / such as 4.5, 1,000 or 10/10) from i, appends its token and returns
// the end of the word and the token.
func (sc *scratch) word(text string, i int, brk bool) (int, *token) {
	start := i
	var flags uint16
	if brk {
		flags |= fBreak
	}
	if i > 0 && text[i-1] == '#' {
		flags |= fHash
	}
	if c := text[i]; c >= 'A' && c <= 'Z' || c >= utf8.RuneSelf && startsUpper(text[i:]) {
		flags |= fTitle
	}
	upper, lower, letters, digits := 0, 0, 0, 0
	needLow := false
	var prev rune
	run := 0
	// Most words are, or start with, a run of lower-case ASCII letters:
	// count it in a tight loop first (the same counts and flags as the
	// general loop below).
	if j := i; j < len(text) && text[j]-'a' < 26 {
		for j < len(text) && text[j]-'a' < 26 {
			j++
		}
		w := text[i:j]
		for k := 2; k < len(w); k++ {
			if w[k] == w[k-1] && w[k] == w[k-2] {
				flags |= fElong // a letter three times in a row
				break
			}
		}
		// Carry the state of the run at the end into the loop below.
		n := len(w)
		prev = rune(w[n-1])
		for k := n - 2; k >= 0 && w[k] == w[n-1]; k-- {
			run++
		}
		letters += n
		lower += n
		flags |= fLatin
		i = j
	}
	for i < len(text) && text[i] != ' ' { // a space ends a word (the general case below decides so too)
		if c := text[i]; c < utf8.RuneSelf {
			switch {
			case c >= 'a' && c <= 'z':
				letters++
				lower++
				flags |= fLatin
			case c >= 'A' && c <= 'Z':
				letters++
				upper++
				needLow = true
				flags |= fLatin
			case c >= '0' && c <= '9':
				digits++
			default:
				goto slow
			}
			if rune(c) == prev && c > '9' {
				run++
				if run >= 2 {
					flags |= fElong
				}
			} else {
				run = 0
			}
			prev = rune(c)
			i++
			continue
		}
	slow:
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = decodeAt(text, i)
		}
		p := propsOf(r)
		if p&pWord == 0 {
			if (r == '\'' || r == '’') && i > start {
				if n, _ := decodeAt2(text, i+size); i+size < len(text) && isLetter(n) {
					needLow = needLow || r == '’'
					i += size
					prev = r
					continue
				}
			}
			if (r == '.' || r == ',' || r == '/') && isDigit(prev) && i+1 < len(text) && text[i+1] >= '0' && text[i+1] <= '9' {
				i += size
				prev = r
				continue
			}
			break
		}
		switch {
		case p&pDigit != 0:
			digits++
		case p&pLetter != 0:
			letters++
			if p&pUpper != 0 {
				upper++
				needLow = true
			} else if p&pLower != 0 {
				lower++
			}
			if r == 'ё' || r == 'Ё' {
				needLow = true
			}
			if isCyr(r) {
				flags |= fCyr
			} else if r < 0x250 {
				flags |= fLatin
				if isLtDiac(r) {
					flags |= fLtDiac
				}
			}
		}
		if r == prev && p&pLetter != 0 {
			run++
			if run >= 2 {
				flags |= fElong
			}
		} else {
			run = 0
		}
		prev = r
		i += size
	}
	if upper >= 2 && lower == 0 {
		flags |= fCaps
	}
	// Build the token in place: copying a finished token into the slice
	// costs more than the scan itself.
	if len(sc.toks) == cap(sc.toks) {
		sc.toks = slices.Grow(sc.toks, 1)
	}
	sc.toks = sc.toks[:len(sc.toks)+1]
	t := &sc.toks[len(sc.toks)-1]
	*t = token{}
	t.start, t.end, t.ev, t.flags = start, i, -1, flags
	if letters == 0 && digits > 0 {
		t.kind = tkNum
	} else if flags&fCaps != 0 {
		sc.caps++
	} else if flags&(fLatin|fCyr) != 0 {
		sc.lower++
	}
	low := text[start:i]
	if needLow {
		from := len(sc.buf)
		for _, r := range low {
			if r < utf8.RuneSelf {
				if r >= 'A' && r <= 'Z' {
					r += 'a' - 'A'
				}
				sc.buf = append(sc.buf, byte(r))
				continue
			}
			switch r {
			case 'ё', 'Ё':
				r = 'е'
			case '’':
				r = '\''
			default:
				r = toLower(r)
			}
			sc.buf = utf8.AppendRune(sc.buf, r)
		}
		low = sc.keep(from)
		t.low = low
		t.flags |= fLow
	}
	t.ce = -1
	if t.kind == tkWord {
		var pre uint64
		if needLow {
			pre = prefix8(low)
		} else {
			pre = prefixIn(text, start, i)
		}
		var rest uint64 // see index
		if n := len(low); n > 8 && n <= 16 {
			if needLow {
				rest = prefix8(low[8:])
			} else {
				rest = prefixIn(text, start+8, i)
			}
		}
		t.ce = sc.cache.index(low, pre, rest)
		if flags&(fCyr|fLatin) == fLatin {
			// Language hints, computed once per word form.
			if sl := sc.cache.at(t.ce); sl == nil {
				t.vb = wordVotes(low, flags&fLtDiac != 0, sc.en, sc.lt)
			} else {
				if sl.state&slVotes == 0 {
					sl.votes = wordVotes(low, flags&fLtDiac != 0, sc.en, sc.lt)
					sl.state |= slVotes
				}
				t.vb = sl.votes
				if !needLow && flags&fLtDiac == 0 {
					// The key is the word as the text has it (lowerWords
					// takes such words with an inner apostrophe).
					sl.state |= slLower | uint8(flags&fElong)
				}
			}
		}
	}
	return i, t
}

// lowerHigh has the high bit of every byte set.
const lowerHigh = 0x8080808080808080

// notLower returns the bytes of x (eight bytes of text) that are no
// lower-case ASCII letters, as the high bit of each byte: those with the
// high bit set, or low seven bits below 0x61 or above 0x7a. With its high
// bit set, a byte minus 0x61 (or 0x7b) keeps the high bit exactly when its
// low seven bits are at least 0x61 (0x7b), and no borrow crosses a byte.
// (Three constants and eight steps: it computed the lower-case bytes
// before, with four constants, and inverted them.)
func notLower(x uint64) uint64 {
	h := x | lowerHigh
	return (x | ^(h - 0x6161616161616161) | (h - 0x7b7b7b7b7b7b7b7b)) & lowerHigh
}

// wordGoesOn marks the bytes after a run of lower-case ASCII letters with
// which word would go on: letters, digits, an apostrophe and any byte of a
// non-ASCII rune. Any other byte ends the word.
var wordGoesOn = func() (t [256]bool) {
	for c := range 256 {
		t[c] = c >= utf8.RuneSelf || asciiClass[c]&acWord != 0 || c == '\''
	}
	return t
}()

// lowerRun returns the end of the run of lower-case ASCII letters that
// starts at j. It tests eight bytes at a time: a byte loop's exit depends
// on the word's length, and the CPU mispredicts it for most words.
func lowerRun(text string, j int) int {
	for j+8 <= len(text) {
		if z := notLower(binary.LittleEndian.Uint64([]byte(text[j : j+8]))); z != 0 {
			return j + bits.TrailingZeros64(z)>>3
		}
		j += 8
	}
	for j < len(text) && text[j]-'a' < 26 {
		j++
	}
	return j
}

// load8 returns text[i:i+8] as a little-endian number. The compiler merges
// the byte loads into one and, unlike binary.LittleEndian.Uint64 on
// []byte(text[i:i+8]), needs no test for an empty slice.
func load8(text string, i int) uint64 {
	s := text[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// tail8 returns the bytes of text[i:], shorter than eight bytes,
// zero-padded, as a number; i < len(text) and len(text) >= 8. One load of
// the last eight bytes shifted down: lowerWords then takes the last word of
// a text as any other. (binary.LittleEndian rather than load8 keeps it
// small enough to inline: its call in lowerWords' loop cost spills.)
func tail8(text string, i int) uint64 {
	return binary.LittleEndian.Uint64([]byte(text[len(text)-8:])) >> (uint(i-len(text)) * 8 & 63)
}

// lowerWords tokenizes the words from i, which starts with a lower-case
// ASCII letter (as tokenize's fast case requires), for as long as each is
// a run of up to 16 lower-case ASCII letters (or a short one with an inner
// apostrophe) whose cache slot says all its token needs (slLower), is
// followed by a space (or a comma and a space: the next word then has
// fBreak) and the next such word, and the tokens stay below limit. It
// returns where tokenizing goes on, the last token and the packed votes
// (see voteLanes) of the others, which are all plain Latin words. brk
// applies to the first word.
//
// It is lowerWord's fast path in a loop: a call per word made tokenize
// spill and reload its state around it, and lowerWord set up its frame,
// for every word; here the state of a run of words stays in registers.
// Any other word goes to lowerWord.
func (sc *scratch) lowerWords(text string, i int, brk bool, limit int) (int, *token, uint64) {
	if len(text) < 8 {
		return sc.lowerWordLanes(text, i, brk, 0)
	}
	flags := uint16(fLatin)
	if brk {
		flags |= fBreak
	}
	// The tokens go to toks, up to its length (room); sc.toks and
	// sc.lower are updated once, when the run ends (kept in memory, they
	// were loaded and stored for every word).
	nt := len(sc.toks)
	room := min(cap(sc.toks), limit)
	if i > 0 && text[i-1] == '#' {
		flags |= fHash
		// The run ends after a hashtag, whose votes tokenize counts apart.
		room = min(room, nt+1)
	}
	toks := sc.toks[:room]
	slots := sc.cache.slots
	if len(slots) == 0 {
		// Never so (tokenize has reset the cache), but with this test
		// and an unsigned mask the compiler proves p&mask in range: no
		// bounds check per word.
		return sc.lowerWordLanes(text, i, brk, 0)
	}
	mask := uint(len(slots) - 1)
	var lanes uint64
	// x is text[i:i+8] (less at the end of text) as a number,
	// zero-padded.
	var x uint64
	if i+8 <= len(text) {
		x = load8(text, i)
	} else {
		x = tail8(text, i)
	}
	var t *token
loop:
	for nt < len(toks) {
		var n int
		var next byte
		var sl *cacheSlot
		var p uint
		// z marks the bytes of x that are no lower-case letters. (Testing
		// z rather than notLower(x) tells the compiler that z is not
		// zero: TrailingZeros64 needs no test for that case then.)
		if z := notLower(x); z != 0 {
			// As in lowerWord: x gives the word's length n, its prefix8
			// pre and the byte after it.
			sh := uint(bits.TrailingZeros64(z)) &^ 7 // 8*n
			n = int(sh >> 3)
			next = byte(x >> sh)
			// keep has the bits of the word's bytes in x set: those below
			// the lowest bit of z's byte, without a shift by n (which
			// only CX can count).
			keep := (z ^ (z - 1)) >> 8
			if wordGoesOn[next] {
				// An inner apostrophe and lower-case letters after it,
				// all in x ("don't", "it's": word's general case took
				// one in three texts) extend the word; anything else
				// goes to lowerWord.
				k := n + 1
				if next != '\'' || k >= 8 {
					break
				}
				y := x >> (8 * uint(k) & 63)
				n2 := bits.TrailingZeros64(notLower(y)) >> 3
				if n2 == 0 || k+n2 >= 8 {
					break
				}
				next = byte(y >> (8 * uint(n2) & 63))
				if wordGoesOn[next] {
					break
				}
				n = k + n2
				keep = 1<<(8*uint(n)&63) - 1
			}
			pre := x & keep
			p = uint(slotHash(pre)) & mask
			sl = &slots[p]
			for sl.pre != pre || sl.n != uint16(n) {
				// Probe on as index does: a common word that is not at
				// its first position ("with" is one) went to lowerWord
				// in every text.
				if sl.n == 0 {
					break loop
				}
				p = (p + 1) & mask
				sl = &slots[p]
			}
			if sl.state&slLower == 0 {
				break
			}
		} else {
			// Eight letters or more (one word in ten): up to 16 the same
			// way with a second load (zero-padded at the end of text), the
			// slot's key bytes 8 to 15 read from the arena (see
			// wordCache.restIs).
			var x2 uint64
			if i+16 <= len(text) {
				x2 = load8(text, i+8)
			} else if i+8 < len(text) {
				x2 = tail8(text, i+8)
			} // else the word's eight letters end the text
			z2 := notLower(x2)
			if z2 == 0 {
				break
			}
			n2 := bits.TrailingZeros64(z2) >> 3
			rest := x2 & (uint64(1)<<(8*uint(n2)&63) - 1)
			next = byte(x2 >> (8 * uint(n2) & 63))
			if wordGoesOn[next] {
				break
			}
			n = 8 + n2
			p = uint(slotHash2(x, rest)) & mask // (rest == 0 for eight letters)
			sl = &slots[p]
			for sl.pre != x || sl.n != uint16(n) || n2 > 0 && !sc.cache.restIn(sl.key, rest, n2) {
				if sl.n == 0 {
					break loop
				}
				p = (p + 1) & mask
				sl = &slots[p]
			}
			if sl.state&slLower == 0 {
				break
			}
		}
		flags |= uint16(sl.state & slElong) // fElong, known for the key
		vb := sl.votes
		t = &toks[nt]
		nt++
		// Every field, as lowerWord sets them.
		t.start, t.end = i, i+n
		t.val, t.emo = 0, 0
		t.kind, t.flags, t.clause = tkWord, flags, 0
		t.ev, t.ce = -1, int32(p)
		t.vb = vb
		i += n
		flags = fLatin
		if next != ' ' {
			// A comma and a space go on to the next word with fBreak, as
			// tokenize's comma case and then its fast case would (a comma
			// ended a run in one text in three: a return to tokenize and
			// a mispredicted branch or two there).
			if next != ',' || i+1 >= len(text) || text[i+1] != ' ' {
				goto doneAt
			}
			i++
			flags = fLatin | fBreak
		}
		i++
		// Go on only with a word that tokenize's fast case would take
		// (the same test on the first two bytes), while room is left.
		if nt >= len(toks) {
			goto done
		}
		if i <= len(text)-8 {
			x = load8(text, i)
		} else {
			if i >= len(text) {
				goto done
			}
			x = tail8(text, i)
		}
		if pairClass[byte(x)]&(pairClass[byte(x>>8)]>>pcSecond) != 0 {
			goto done
		}
		lanes += voteLanes[vb&(1<<6-1)]
	}
	// (sc.toks[:nt], not toks[:nt]: the compiler then stores the length
	// alone, without the pointer and its write-barrier test.)
	sc.lower += nt - len(sc.toks)
	sc.toks = sc.toks[:nt]
	return sc.lowerWordLanes(text, i, flags&fBreak != 0, lanes)
done:
	// The run ends after t, and i is past the space after it (tokenize
	// goes on there, as after lowerWord) or, with fBreak, past a comma and
	// a space (tokenize goes on at the comma).
	i -= int(flags&fBreak) >> 1
doneAt:
	// ... or i is where tokenize goes on.
	sc.lower += nt - len(sc.toks)
	sc.toks = sc.toks[:nt]
	return i, t, lanes
}

// lowerWords steps back over a comma and a space by (flags&fBreak)>>1:
// fBreak must be 4 (this fails to compile otherwise).
var _ = [1]struct{}{}[fBreak>>1-2]

// lowerWordLanes is lowerWord for lowerWords, passing lanes on.
func (sc *scratch) lowerWordLanes(text string, i int, brk bool, lanes uint64) (int, *token, uint64) {
	i, t := sc.lowerWord(text, i, brk)
	return i, t, lanes
}

// lowerWord is word for a word that starts with a lower-case ASCII letter
// (lowerWords takes most such words; this is for the others):
// when the word is a run of lower-case ASCII letters (most words), it sets
// up the token without word's general case; otherwise it calls word. It
// returns where tokenizing goes on (past a space that follows the word: one
// round of tokenize's loop less for most words) and the token.
func (sc *scratch) lowerWord(text string, i int, brk bool) (int, *token) {
	// The first eight bytes, loaded once, give the end of most words, the
	// byte after them and pre = prefix8(text[i:j]).
	// (Indexing rest rather than text spares bounds checks and pointer
	// arithmetic.)
	rest := text[i:]
	var n int // the word's length
	var pre uint64
	keep := ^uint64(0) // the bytes of pre that are the word's
	var next byte      // the byte after the word, 0 at the end of text
	if len(rest) >= 8 {
		x := binary.LittleEndian.Uint64([]byte(rest[:8]))
		if z := notLower(x); z != 0 {
			n = bits.TrailingZeros64(z) >> 3 // 1 to 7: text[i] is a letter
			// (&63: the compiler then needs no code for shifts of 64 or more)
			keep = 1<<(8*uint(n)&63) - 1
			pre = x & keep
			next = byte(x >> (8 * uint(n) & 63))
		} else {
			n, pre = lowerRun(rest, 8), x
			if n < len(rest) {
				next = rest[n]
			}
		}
	} else {
		n = lowerRun(rest, 1)
		pre = prefix8(rest[:n])
		if n < 8 {
			keep = 1<<(8*uint(n)&63) - 1
		}
		if n < len(rest) {
			next = rest[n]
		}
	}
	if wordGoesOn[next] {
		return sc.word(text, i, brk)
	}
	j := i + n
	after := j
	if next == ' ' {
		after++
	}
	flags := uint16(fLatin)
	if brk {
		flags |= fBreak
	}
	if i > 0 && text[i-1] == '#' {
		flags |= fHash
	}
	w := rest[:n]
	// A letter three times in a row: for a word of up to eight bytes
	// tested on pre without a loop or a test of the length, which the CPU
	// would mispredict (a zero byte k in d means w[k] == w[k+1] == w[k+2];
	// the bytes from len(w) on, all zero in pre, are masked out; bytes
	// len(w)-2 and len(w)-1 compare a letter with the zero padding).
	if n := len(w); n > 8 {
		for k := 2; k < n; k++ {
			if w[k] == w[k-1] && w[k] == w[k-2] {
				flags |= fElong
				break
			}
		}
	} else {
		const ones, highs = 0x0101010101010101, 0x8080808080808080
		d := (pre ^ pre>>8) | (pre ^ pre>>16) | ^keep
		if (d-ones)&^d&highs != 0 {
			flags |= fElong
		}
	}
	sc.lower++
	// The commonest case, without calls: a short word whose slot is at its
	// first probe position, with its votes computed, and room for the
	// token. Nothing is then live across a call, so the compiler keeps
	// everything in registers (any call on this path made it spill them
	// for every word).
	if n := j - i; n <= 8 && len(sc.toks) < cap(sc.toks) {
		p := slotHash(pre) & uint32(len(sc.cache.slots)-1) // shortHit, inline
		if sl := &sc.cache.slots[p]; sl.pre == pre && sl.n == uint16(n) && sl.state&slVotes != 0 {
			sc.toks = sc.toks[:len(sc.toks)+1]
			t := &sc.toks[len(sc.toks)-1]
			// Every field, without zeroing the token first (that is
			// twice the stores, and a call while the GC runs).
			// (spill and le are set by prep)
			t.start, t.end = i, j
			t.val, t.emo = 0, 0
			t.kind, t.flags, t.clause = tkWord, flags, 0
			t.ev, t.ce = -1, int32(p)
			t.vb = sl.votes
			return after, t
		}
	}
	return after, sc.addLowerWord(text, i, j, flags, pre)
}

// addLowerWord is lowerWord's general case: it appends the token of the
// word text[i:j] with the given flags and pre = prefix8(text[i:j]).
//
//go:noinline
func (sc *scratch) addLowerWord(text string, i, j int, flags uint16, pre uint64) *token {
	w := text[i:j]
	if len(sc.toks) == cap(sc.toks) {
		sc.toks = slices.Grow(sc.toks, 1)
	}
	sc.toks = sc.toks[:len(sc.toks)+1]
	t := &sc.toks[len(sc.toks)-1]
	// Field by field: a composite literal is built on the stack and then
	// copied (twice the stores).
	*t = token{}
	t.start, t.end, t.ev, t.flags = i, j, -1, flags
	t.ce = -1
	if j-i <= 8 {
		t.ce = sc.cache.shortHit(j-i, pre)
	}
	if t.ce < 0 {
		var rest uint64 // see index
		if j-i > 8 && j-i <= 16 {
			rest = prefixIn(text, i+8, j)
		}
		t.ce = sc.cache.index(w, pre, rest)
	}
	if sl := sc.cache.at(t.ce); sl == nil {
		t.vb = wordVotes(w, false, sc.en, sc.lt)
	} else {
		if sl.state&slVotes == 0 {
			sl.votes = wordVotes(w, false, sc.en, sc.lt)
		}
		// The key is the word as the text has it: its fElong is the key's.
		sl.state |= slVotes | slLower | uint8(flags&fElong)
		t.vb = sl.votes
	}
	return t
}

// foldLt returns s with Lithuanian diacritics folded, using the scratch buffer.
func (sc *scratch) foldLt(s string) string {
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if ltFoldRune(r) != r {
			break
		}
		i += size
	}
	if i == len(s) {
		return s
	}
	from := len(sc.buf)
	sc.buf = append(sc.buf, s[:i]...)
	for _, r := range s[i:] {
		sc.buf = utf8.AppendRune(sc.buf, ltFoldRune(r))
	}
	return sc.keep(from)
}

func ltFoldRune(r rune) rune {
	switch r {
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
	}
	return r
}

// unelongate collapses runs of three or more equal letters in s to max
// letters, in the scratch buffer.
func (sc *scratch) unelongate(s string, max int) string {
	from := len(sc.buf)
	var prev rune
	run := 0
	for _, r := range s {
		if r == prev {
			run++
		} else {
			run = 1
		}
		prev = r
		if run <= max {
			sc.buf = utf8.AppendRune(sc.buf, r)
		}
	}
	return sc.keep(from)
}
