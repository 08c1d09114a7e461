package survey

import (
	"iter"

	"github.com/reputekit/repute/sentiment"
)

// TextAnalyzer reads one open answer. [*sentiment.Analyzer] satisfies it;
// tests and callers with their own models can plug in another.
type TextAnalyzer interface {
	Analyze(text string) sentiment.Score
}

// Improvements runs every open answer of the responses through a and
// returns the aspects to fix, ranked "what to fix first": by Impact (every
// complaining answer counts 0.5 + 0.5 × its negativity, so frequent
// complaints come first and strong ones weigh more), then by Count, then by
// name. In an answer to a question marked [Question].Improve ("What should
// we improve?") every aspect mentioned counts, whatever its tone ("faster
// delivery, please"). Elsewhere a mention counts as a complaint when its
// polarity is negative, or when it is neutral and the whole answer's
// negativity is at least 0.25. A clear complaint (negativity ≥ 0.5) that
// names no known aspect counts under [OtherAspect], listed last. Each answer
// counts once per aspect. Only
// answers to open questions of s are read; answers longer than
// [MaxTextBytes] are skipped. A nil a means sentiment.New(). The result is
// empty, not nil, when nothing complains.
func Improvements(s Survey, rs iter.Seq[Response], a TextAnalyzer) []Improvement {
	if a == nil {
		a = sentiment.New()
	}
	return improvements(s, rs, func(text string) opinion {
		sc := a.Analyze(text)
		op := opinion{negativity: sc.Negativity, mentions: make([]mention, len(sc.Aspects))}
		for i, m := range sc.Aspects {
			op.mentions[i] = mention{aspect: string(m.Aspect), start: m.Start, end: m.End, polarity: m.Polarity}
		}
		return op
	})
}
