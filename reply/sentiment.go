package reply

import (
	"sync"

	"github.com/reputekit/repute/sentiment"
)

// sentimentAnalyzer feeds the rules from the sentiment engine: how much a
// review complains, its toxicity (for take-offline and removable), its
// language and aspects.
type sentimentAnalyzer struct{ a *sentiment.Analyzer }

func (s sentimentAnalyzer) signals(text string) signals {
	sc := s.a.Analyze(text)
	sig := signals{
		Known:      true,
		Negativity: sc.Negativity,
		Negative:   sc.Label == sentiment.Negative,
		Positive:   sc.Label == sentiment.Positive,
		Lang:       sc.Lang,
	}
	for _, m := range sc.Aspects {
		a := string(m.Aspect)
		if m.Aspect == sentiment.AspectService {
			a = "support"
		}
		sig.Aspects = append(sig.Aspects, a)
		if m.Polarity < 0 {
			sig.NegAspects = append(sig.NegAspects, a)
		}
	}
	return sig
}

func (s sentimentAnalyzer) lang(text string) string { return sentiment.DetectLang(text) }

func (s sentimentAnalyzer) toxicity(text string) float64 { return s.a.Toxicity(text).Score }

var sharedAnalyzer = sync.OnceValue(func() *sentiment.Analyzer { return sentiment.New() })

// defaultAnalyzer returns the analyzer Check uses when none is given: one
// shared sentiment.Analyzer with the embedded lexicons.
func defaultAnalyzer() textAnalyzer { return sentimentAnalyzer{sharedAnalyzer()} }

// WithAnalyzer makes the checker use the caller's sentiment analyzer
// (for example one built with extra lexicon entries) to decide whether a
// review complains, how toxic it is and which language it is in.
func WithAnalyzer(a *sentiment.Analyzer) Option {
	return func(c *config) error {
		if a == nil {
			return ErrOption
		}
		c.analyzer = sentimentAnalyzer{a}
		return nil
	}
}
