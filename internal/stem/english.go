package stem

import "slices"

// English returns the stem of a lower-case English word, computed with the
// Snowball English ("Porter2") algorithm, including its two lists of
// exceptional forms.
//
// The result is a substring of word (no allocation) whenever the algorithm
// only removes letters; when it rewrites them (cries→cri, hoping→hope) a new
// string is allocated. Bytes outside ASCII are treated as consonants, so
// UTF-8 input stays valid UTF-8; words of 2 bytes or less and words longer
// than 64 bytes are returned unchanged.
func English(word string) string {
	if len(word) <= 2 || len(word) > 64 {
		return word
	}
	if s, ok := enException1(word); ok {
		return s
	}
	var b enWord
	if word[0] == '\'' {
		word = word[1:]
	}
	b.n = copy(b.buf[:], word)
	// Mark consonant y: initial y, or y after a vowel.
	for i, c := range b.buf[:b.n] {
		if c == 'y' && (i == 0 || isEnVowel(b.buf[i-1])) {
			b.buf[i] = 'Y'
			b.ys |= 1 << i
		}
	}
	b.regions()
	b.step0()
	b.step1a()
	if enException2(b.buf[:b.n]) {
		return b.result(word)
	}
	b.step1b()
	b.step1c()
	b.step2()
	b.step3()
	b.step4()
	b.step5()
	return b.result(word)
}

// enWord is the word being stemmed, in a fixed buffer (so that it stays on
// the stack), with its regions. The algorithm never makes a word longer.
type enWord struct {
	buf    [64]byte
	n      int
	r1, r2 int
	ys     uint64 // positions of the y's marked as consonants (Y)
}

func (w *enWord) result(orig string) string {
	b := w.buf[:w.n]
	for i, c := range b {
		if c == 'Y' && w.ys&(1<<i) != 0 {
			b[i] = 'y'
		}
	}
	if len(b) <= len(orig) && orig[:len(b)] == string(b) { // compared, not allocated
		return orig[:len(b)]
	}
	return string(b)
}

func isEnVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

func isEnDouble(b []byte) bool {
	n := len(b)
	if n < 2 || b[n-1] != b[n-2] {
		return false
	}
	switch b[n-1] {
	case 'b', 'd', 'f', 'g', 'm', 'n', 'p', 'r', 't':
		return true
	}
	return false
}

func isEnLiEnding(c byte) bool {
	switch c {
	case 'c', 'd', 'e', 'g', 'h', 'k', 'm', 'n', 'r', 't':
		return true
	}
	return false
}

// regions sets R1 and R2 (byte offsets; len(b) when empty). Words starting
// with gener, commun or arsen have R1 right after that prefix.
func (w *enWord) regions() {
	b := w.buf[:w.n]
	w.r1, w.r2 = len(b), len(b)
	r1 := -1
	for _, p := range [...]string{"gener", "commun", "arsen"} {
		if len(b) >= len(p) && string(b[:len(p)]) == p {
			r1 = len(p)
			break
		}
	}
	if r1 < 0 {
		r1 = enAfterVC(b, 0)
	}
	w.r1 = r1
	w.r2 = enAfterVC(b, r1)
}

// enAfterVC returns the offset after the first non-vowel that follows a
// vowel, searching from i.
func enAfterVC(b []byte, i int) int {
	for ; i < len(b); i++ {
		if isEnVowel(b[i]) {
			break
		}
	}
	for ; i < len(b); i++ {
		if !isEnVowel(b[i]) {
			return i + 1
		}
	}
	return len(b)
}

// shortSyllableAt reports whether b[:end] ends in a short syllable: a vowel
// followed by a non-vowel other than w, x or Y and preceded by a non-vowel,
// or a vowel at the start of the word followed by a non-vowel.
func shortSyllableAt(b []byte, end int) bool {
	if end == 2 {
		return isEnVowel(b[0]) && !isEnVowel(b[1])
	}
	if end < 3 {
		return false
	}
	c, v, p := b[end-1], b[end-2], b[end-3]
	return !isEnVowel(c) && c != 'w' && c != 'x' && c != 'Y' && isEnVowel(v) && !isEnVowel(p)
}

func (w *enWord) isShort() bool {
	return w.r1 >= w.n && shortSyllableAt(w.buf[:w.n], w.n)
}

func (w *enWord) has(suffix string) bool {
	// The last byte first: it rules out most candidates without a memcmp.
	return w.n >= len(suffix) && w.buf[w.n-1] == suffix[len(suffix)-1] &&
		string(w.buf[w.n-len(suffix):w.n]) == suffix
}

// longest returns the longest of the suffixes that ends w, or "".
func (w *enWord) longest(suffixes ...string) string {
	best := ""
	for _, s := range suffixes {
		if len(s) > len(best) && w.has(s) {
			best = s
		}
	}
	return best
}

// replace swaps suffix, which w must end with, for with (never longer).
func (w *enWord) replace(suffix, with string) {
	w.n -= len(suffix)
	w.n += copy(w.buf[w.n:], with)
}

func (w *enWord) appendE() {
	if w.n < len(w.buf) {
		w.buf[w.n] = 'e'
		w.n++
	}
}

func (w *enWord) containsVowel(end int) bool {
	if end <= 0 {
		return false
	}
	for _, c := range w.buf[:end] {
		if isEnVowel(c) {
			return true
		}
	}
	return false
}

func (w *enWord) step0() {
	if s := w.longest("'s'", "'s", "'"); s != "" {
		w.replace(s, "")
	}
}

func (w *enWord) step1a() {
	switch s := w.longest("sses", "ied", "ies", "s", "us", "ss"); s {
	case "sses":
		w.replace(s, "ss")
	case "ied", "ies":
		if w.n > 4 {
			w.replace(s, "i")
		} else {
			w.replace(s, "ie")
		}
	case "s":
		if w.containsVowel(w.n - 2) {
			w.replace(s, "")
		}
	}
}

func (w *enWord) step1b() {
	switch s := w.longest("eed", "eedly", "ed", "edly", "ing", "ingly"); s {
	case "eed", "eedly":
		if w.n-len(s) >= w.r1 {
			w.replace(s, "ee")
		}
	case "ed", "edly", "ing", "ingly":
		if !w.containsVowel(w.n - len(s)) {
			return
		}
		w.replace(s, "")
		switch {
		case w.has("at"), w.has("bl"), w.has("iz"):
			w.appendE()
		case isEnDouble(w.buf[:w.n]):
			w.n--
		case w.isShort():
			w.appendE()
		}
	}
}

func (w *enWord) step1c() {
	n := w.n
	if n > 2 && (w.buf[n-1] == 'y' || w.buf[n-1] == 'Y') && !isEnVowel(w.buf[n-2]) {
		w.buf[n-1] = 'i'
	}
}

// enRule replaces suffix with repl.
type enRule struct{ suffix, repl string }

// enRules holds suffix rules bucketed by their last byte, longest first, so
// that finding the longest matching suffix looks at a handful of rules.
type enRules [128][]enRule

func newEnRules(rules ...enRule) *enRules {
	var rs enRules
	for _, r := range rules {
		c := r.suffix[len(r.suffix)-1]
		rs[c] = append(rs[c], r)
		slices.SortStableFunc(rs[c], func(a, b enRule) int { return len(b.suffix) - len(a.suffix) })
	}
	return &rs
}

// longest returns the rule with the longest suffix that ends w.
func (rs *enRules) longest(w *enWord) (enRule, bool) {
	if w.n == 0 || w.buf[w.n-1] >= 128 {
		return enRule{}, false
	}
	for _, r := range rs[w.buf[w.n-1]] {
		if w.has(r.suffix) {
			return r, true
		}
	}
	return enRule{}, false
}

var enStep2 = newEnRules(
	enRule{"tional", "tion"}, enRule{"enci", "ence"}, enRule{"anci", "ance"},
	enRule{"abli", "able"}, enRule{"entli", "ent"}, enRule{"izer", "ize"},
	enRule{"ization", "ize"}, enRule{"ational", "ate"}, enRule{"ation", "ate"},
	enRule{"ator", "ate"}, enRule{"alism", "al"}, enRule{"aliti", "al"},
	enRule{"alli", "al"}, enRule{"fulness", "ful"}, enRule{"ousli", "ous"},
	enRule{"ousness", "ous"}, enRule{"iveness", "ive"}, enRule{"iviti", "ive"},
	enRule{"biliti", "ble"}, enRule{"bli", "ble"}, enRule{"ogi", "og"},
	enRule{"fulli", "ful"}, enRule{"lessli", "less"}, enRule{"li", ""},
)

var enStep3 = newEnRules(
	enRule{"tional", "tion"}, enRule{"ational", "ate"}, enRule{"alize", "al"},
	enRule{"icate", "ic"}, enRule{"iciti", "ic"}, enRule{"ical", "ic"},
	enRule{"ful", ""}, enRule{"ness", ""}, enRule{"ative", ""},
)

var enStep4 = newEnRules(
	enRule{"al", ""}, enRule{"ance", ""}, enRule{"ence", ""}, enRule{"er", ""},
	enRule{"ic", ""}, enRule{"able", ""}, enRule{"ible", ""}, enRule{"ant", ""},
	enRule{"ement", ""}, enRule{"ment", ""}, enRule{"ent", ""}, enRule{"ism", ""},
	enRule{"ate", ""}, enRule{"iti", ""}, enRule{"ous", ""}, enRule{"ive", ""},
	enRule{"ize", ""}, enRule{"ion", ""},
)

func (w *enWord) step2() {
	r, ok := enStep2.longest(w)
	if !ok {
		return
	}
	start := w.n - len(r.suffix)
	if start < w.r1 {
		return
	}
	switch r.suffix {
	case "ogi":
		if start == 0 || w.buf[start-1] != 'l' {
			return
		}
	case "li":
		if start == 0 || !isEnLiEnding(w.buf[start-1]) {
			return
		}
	}
	w.replace(r.suffix, r.repl)
}

func (w *enWord) step3() {
	r, ok := enStep3.longest(w)
	if !ok {
		return
	}
	start := w.n - len(r.suffix)
	if start < w.r1 || (r.suffix == "ative" && start < w.r2) {
		return
	}
	w.replace(r.suffix, r.repl)
}

func (w *enWord) step4() {
	r, ok := enStep4.longest(w)
	if !ok {
		return
	}
	start := w.n - len(r.suffix)
	if start < w.r2 {
		return
	}
	if r.suffix == "ion" && (start == 0 || (w.buf[start-1] != 's' && w.buf[start-1] != 't')) {
		return
	}
	w.replace(r.suffix, "")
}

func (w *enWord) step5() {
	n := w.n
	if n == 0 {
		return
	}
	switch w.buf[n-1] {
	case 'e':
		if n-1 >= w.r2 || (n-1 >= w.r1 && !shortSyllableAt(w.buf[:n], n-1)) {
			w.n--
		}
	case 'l':
		if n-1 >= w.r2 && n >= 2 && w.buf[n-2] == 'l' {
			w.n--
		}
	}
}

func enException1(word string) (string, bool) {
	switch word {
	case "skis":
		return "ski", true
	case "skies":
		return "sky", true
	case "dying":
		return "die", true
	case "lying":
		return "lie", true
	case "tying":
		return "tie", true
	case "idly":
		return "idl", true
	case "gently":
		return "gentl", true
	case "ugly":
		return "ugli", true
	case "early":
		return "earli", true
	case "only":
		return "onli", true
	case "singly":
		return "singl", true
	case "sky", "news", "howe", "atlas", "cosmos", "bias", "andes":
		return word, true
	}
	return "", false
}

func enException2(word []byte) bool {
	for _, x := range [...]string{"inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed"} {
		if string(word) == x {
			return true
		}
	}
	return false
}
