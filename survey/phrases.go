package survey

import (
	"bufio"
	"embed"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

//go:embed rules/*/*.txt
var rulesFS embed.FS

// langs are the languages whose phrase lists are embedded, in check order.
var langs = [...]string{"en", "ru", "lt"}

// token is one word of a text with its byte span.
type token struct {
	word       string // lower case, ё folded to е
	start, end int
}

// tokenize splits text into words: runs of letters and digits, with an
// apostrophe or hyphen inside a word kept ("don't", "best-in-class"). "&"
// is a word of its own. Invalid UTF-8 bytes separate words.
func tokenize(text string) []token {
	var toks []token
	start := -1
	flush := func(end int) {
		if start >= 0 {
			toks = append(toks, token{word: fold(text[start:end]), start: start, end: end})
			start = -1
		}
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			flush(i)
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			if start < 0 {
				start = i
			}
		case (r == '\'' || r == '’' || r == '-') && start >= 0 && i+size < len(text):
			next, _ := utf8.DecodeRuneInString(text[i+size:])
			if !unicode.IsLetter(next) {
				flush(i)
			}
		case r == '&':
			flush(i)
			toks = append(toks, token{word: "&", start: i, end: i + size})
		default:
			flush(i)
		}
		i += size
	}
	flush(len(text))
	return toks
}

// fold lower-cases s, folds ё to е and the typographic apostrophe to '.
func fold(s string) string {
	s = strings.ToLower(s)
	if strings.ContainsAny(s, "ё’") {
		s = strings.NewReplacer("ё", "е", "’", "'").Replace(s)
	}
	return s
}

// phrase is one entry of a phrase list: words to match in sequence.
type phrase struct {
	text  string
	words []pword
}

// pword is one word of a phrase.
type pword struct {
	s    string // the stem, or the prefix for kind kindPrefix
	kind uint8
}

// The kinds of phrase word.
const (
	kindStem   uint8 = iota // equal stems (or equal words)
	kindPrefix              // "root*": the word starts with s
	kindAny                 // "_": any one word
)

// phraseList is the parsed content of one rules/<lang>/<name>.txt file,
// indexed by the first word of each phrase.
type phraseList struct {
	lang    string
	phrases []phrase
	byStem  map[string][]int // phrases whose first word is a stem
	byOther []int            // phrases whose first word is a prefix or "_"
}

// lists holds every parsed rules/<lang>/<name>.txt, keyed "<lang>/<name>";
// built once, on first use, and read-only afterwards.
var lists = sync.OnceValue(func() map[string]*phraseList {
	m := map[string]*phraseList{}
	for _, lang := range langs {
		entries, _ := rulesFS.ReadDir("rules/" + lang)
		for _, e := range entries {
			name, ok := strings.CutSuffix(e.Name(), ".txt")
			if !ok {
				continue
			}
			b, err := rulesFS.ReadFile("rules/" + lang + "/" + e.Name())
			if err != nil {
				continue
			}
			m[lang+"/"+name] = parseList(lang, string(b))
		}
	}
	return m
})

// emptyList stands in for a list a language does not have.
var emptyList = &phraseList{}

// loadList returns the parsed list rules/<lang>/<name>.txt (empty when the
// file is absent).
func loadList(lang, name string) *phraseList {
	if l, ok := lists()[lang+"/"+name]; ok {
		return l
	}
	return emptyList
}

func parseList(lang, text string) *phraseList {
	l := &phraseList{lang: lang}
	sc := bufio.NewScanner(strings.NewReader(text))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		p := phrase{text: line}
		for _, w := range strings.Fields(fold(line)) {
			switch {
			case w == "_":
				p.words = append(p.words, pword{kind: kindAny})
			case strings.HasSuffix(w, "*"):
				p.words = append(p.words, pword{s: surface(lang, strings.TrimSuffix(w, "*")), kind: kindPrefix})
			default:
				p.words = append(p.words, pword{s: stemWord(lang, w)})
			}
		}
		if len(p.words) == 0 {
			continue
		}
		k := len(l.phrases)
		l.phrases = append(l.phrases, p)
		if p.words[0].kind == kindStem {
			if l.byStem == nil {
				l.byStem = map[string][]int{}
			}
			l.byStem[p.words[0].s] = append(l.byStem[p.words[0].s], k)
		} else {
			l.byOther = append(l.byOther, k)
		}
	}
	return l
}

// stemmed holds a text's tokens and their stems in one language.
type stemmed struct {
	toks  []token
	words []string // surface forms (see surface)
	stems []string
}

func stemTokens(lang string, toks []token) stemmed {
	s := stemmed{toks: toks, words: make([]string, len(toks)), stems: make([]string, len(toks))}
	for i, t := range toks {
		s.words[i] = surface(lang, t.word)
		s.stems[i] = stemWord(lang, t.word)
	}
	return s
}

// match is a phrase found in a text.
type match struct {
	phrase      string
	first, end  int // token range [first, end)
	start, stop int // byte range
}

// find returns every non-overlapping occurrence of the list's phrases in
// the text, leftmost first, the longest phrase winning at a position (the
// first listed among equals).
func (l *phraseList) find(s stemmed) []match {
	var out []match
	for i := 0; i < len(s.toks); {
		best, bestN := -1, 0
		try := func(k int) {
			p := &l.phrases[k]
			n := len(p.words)
			if i+n <= len(s.toks) && (n > bestN || n == bestN && k < best) && p.matchAt(s, i) {
				best, bestN = k, n
			}
		}
		for _, k := range l.byStem[s.stems[i]] {
			try(k)
		}
		if s.words[i] != s.stems[i] {
			for _, k := range l.byStem[s.words[i]] {
				try(k)
			}
		}
		for _, k := range l.byOther {
			try(k)
		}
		if best < 0 {
			i++
			continue
		}
		out = append(out, match{phrase: l.phrases[best].text, first: i, end: i + bestN,
			start: s.toks[i].start, stop: s.toks[i+bestN-1].end})
		i += bestN
	}
	return out
}

func (p *phrase) matchAt(s stemmed, i int) bool {
	for j, w := range p.words {
		switch w.kind {
		case kindAny:
		case kindPrefix:
			if !strings.HasPrefix(s.words[i+j], w.s) {
				return false
			}
		default:
			if w.s != s.stems[i+j] && w.s != s.words[i+j] {
				return false
			}
		}
	}
	return true
}
