package reply

// signals is what the rules need to know about a review's text beyond
// the phrase data: how much it complains, how toxic it is, its language
// and the sentiment aspects it raises.
type signals struct {
	Negativity float64  // 0..1
	Negative   bool     // the text's label is negative
	Positive   bool     // the text's label is positive
	Lang       string   // "en", "ru", "lt" or ""
	Aspects    []string // aspects the text mentions (sentiment's names mapped to ours)
	NegAspects []string // the ones it speaks of negatively
	Known      bool     // an analyzer produced these values
}

// textAnalyzer is the seam between the rules and the sentiment engine.
type textAnalyzer interface {
	signals(text string) signals
	toxicity(text string) float64 // 0..1
	lang(text string) string      // "en", "ru", "lt" or ""
}

// noAnalyzer knows nothing; the rules then rely on stars and phrase data.
type noAnalyzer struct{}

func (noAnalyzer) signals(string) signals { return signals{} }

func (noAnalyzer) toxicity(string) float64 { return 0 }

func (noAnalyzer) lang(string) string { return "" }
