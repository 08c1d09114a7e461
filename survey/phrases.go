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
	words []string // "x*" prefix, "_" any word, else a stem
}

// phraseList is the parsed content of one rules/<lang>/<name>.txt file.
type phraseList struct {
	lang    string
	phrases []phrase
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
			case strings.HasSuffix(w, "*"):
				w = surface(lang, w)
			default:
				w = stemWord(lang, w)
			}
			p.words = append(p.words, w)
		}
		l.phrases = append(l.phrases, p)
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
// the text, leftmost first, the longest phrase winning at a position.
func (l *phraseList) find(s stemmed) []match {
	var out []match
	for i := 0; i < len(s.toks); {
		best := -1
		for k, p := range l.phrases {
			if n := len(p.words); n > 0 && i+n <= len(s.toks) && (best < 0 || n > len(l.phrases[best].words)) && p.matchAt(s, i) {
				best = k
			}
		}
		if best < 0 {
			i++
			continue
		}
		n := len(l.phrases[best].words)
		out = append(out, match{phrase: l.phrases[best].text, first: i, end: i + n,
			start: s.toks[i].start, stop: s.toks[i+n-1].end})
		i += n
	}
	return out
}

func (p phrase) matchAt(s stemmed, i int) bool {
	for j, w := range p.words {
		tok, st := s.words[i+j], s.stems[i+j]
		switch {
		case w == "_":
		case strings.HasSuffix(w, "*"):
			if !strings.HasPrefix(tok, w[:len(w)-1]) {
				return false
			}
		case w != st && w != tok:
			return false
		}
	}
	return true
}

// textLangs returns the languages to check a text in: lang when it is one
// the rules know, else all of them.
func textLangs(lang string) []string {
	for _, l := range langs {
		if l == lang {
			return []string{l}
		}
	}
	return langs[:]
}
