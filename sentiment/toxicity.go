package sentiment

import (
	"math"
	"strings"
)

// Toxicity is how abusive a text is.
type Toxicity struct {
	// Score is 0 (clean) … 1: 1 - Π(1 - w) over the weights of the spans found.
	Score float64
	Spans []ToxicSpan
}

// ToxicSpan is one abusive term.
type ToxicSpan struct {
	Start, End int    // byte offsets into the text
	Kind       string // "insult", "profanity" or "threat"
}

// Kinds of ToxicSpan.
const (
	KindInsult    = "insult"
	KindProfanity = "profanity"
	KindThreat    = "threat"
)

// ruPrefixes are Russian verbal prefixes; obscene roots hide behind them
// ("за-", "вы-", "по-", ...), so Russian `*` roots are also tried after them.
// The bare "с" and "о" are left out: after them a root would match ordinary
// words (с+еб… is себе, себя).
var ruPrefixes = []string{"недо", "пере", "подъ", "разъ", "взъ", "въ", "при", "про", "раз", "вы", "до", "за", "на", "об", "от", "по", "под", "съ", "у", "ни"}

// Toxicity finds insults, profanity and threats in text, in every language
// the analyser knows (Russian obscene roots match in any inflection and
// after verbal prefixes).
func (a *Analyzer) Toxicity(text string) Toxicity {
	sc := getScratch()
	out := a.toxicity(sc, text)
	putScratch(sc) // not deferred: after a panic the scratch is dropped, not reused
	return out
}

func (a *Analyzer) toxicity(sc *scratch, text string) Toxicity {
	sc.tokenize(text)
	a.assignLangs(sc)
	var out Toxicity
	keep := 1.0
	for si := range sc.sents {
		s := &sc.sents[si]
		lx := a.lexFor(s.lang)
		stemf := stemFor(lx.lang)
		for i := s.t0; i < s.t1; i++ {
			sc.prep(&sc.toks[i], lx, stemf)
		}
		for i := s.t0; i < s.t1; i++ {
			t := &sc.toks[i]
			p, n := sc.matchAt(lx, i, s.t1, wantToxic)
			if p == nil && t.kind == tkWord && lx.lang == RU {
				p, n = ruPrefixed(lx, sc.norm(t)), 1
			}
			if p == nil {
				continue
			}
			out.Spans = append(out.Spans, ToxicSpan{Start: t.start, End: sc.toks[i+n-1].end, Kind: p.toxKind})
			keep *= 1 - p.toxW
			i += n - 1
		}
	}
	out.Score = math.Round((1-keep)*1000) / 1000
	return out
}

func ruPrefixed(lx *lexicon, w string) *payload {
	for _, p := range ruPrefixes {
		if !strings.HasPrefix(w, p) || len(w) <= len(p)+4 {
			continue
		}
		rest := w[len(p):]
		if strings.HasPrefix(rest, "ъ") || strings.HasPrefix(rest, "ь") {
			rest = rest[len("ъ"):]
		}
		for _, l := range lx.prefixLens {
			if l <= len(rest) {
				if in := lx.prefixes[rest[:l]]; in != nil && in.toxKind != "" {
					return &in.payload
				}
			}
		}
	}
	return nil
}
