package sentiment

import (
	"fmt"
	"io"
)

// Lang is an ISO 639-1 language code. It is an alias of string, so
// Score.Lang and other plain strings compare with the constants directly.
type Lang = string

// The languages with embedded lexicons.
const (
	EN Lang = "en"
	RU Lang = "ru"
	LT Lang = "lt"
)

// Label is the three-way class of a text.
type Label int

// Labels. The zero value is Neutral only through [Label.String]'s default;
// Analyze always sets one of these explicitly.
const (
	Negative Label = iota - 1
	Neutral
	Positive
)

// String returns "negative", "neutral" or "positive".
func (l Label) String() string {
	switch {
	case l < 0:
		return "negative"
	case l > 0:
		return "positive"
	}
	return "neutral"
}

// MarshalText implements encoding.TextMarshaler with the String form.
func (l Label) MarshalText() ([]byte, error) { return []byte(l.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler for the String form.
func (l *Label) UnmarshalText(b []byte) error {
	switch string(b) {
	case "negative":
		*l = Negative
	case "neutral":
		*l = Neutral
	case "positive":
		*l = Positive
	default:
		return fmt.Errorf("sentiment: unknown label %q", b)
	}
	return nil
}

// Thresholds on Compound that decide the Label (VADER's published values).
const (
	NegativeThreshold = -0.05
	PositiveThreshold = 0.05
)

// LabelOf returns the Label for a compound score with the package thresholds.
func LabelOf(compound float64) Label {
	switch {
	case compound <= NegativeThreshold:
		return Negative
	case compound >= PositiveThreshold:
		return Positive
	}
	return Neutral
}

// Score is the result of [Analyzer.Analyze].
type Score struct {
	// Compound is the normalised sum of all contributions, -1 (very
	// negative) … +1 (very positive).
	Compound float64
	// Negativity is how strongly the text complains, 0 … 1, from its
	// negative evidence only (see the package documentation for the
	// calibration). A mixed text can have a positive Compound and a
	// Negativity above zero.
	Negativity float64
	// Label is the class of Compound (see NegativeThreshold).
	Label Label
	// Lang is the language of the text ("en", "ru", "lt") or "" when it has
	// no language signal (emoji only, numbers).
	Lang string
	// Sentences holds each sentence's span and score, in text order.
	Sentences []Sentence
	// Evidence lists the terms and rules that moved the score, in text order.
	Evidence []Evidence
	// Aspects lists the aspect terms found, each with its own polarity.
	Aspects []AspectMention
}

// Sentence is one sentence of an analysed text.
type Sentence struct {
	Start, End int // byte offsets into the text
	Compound   float64
	Label      Label
	Lang       string
}

// Evidence is one term or rule that moved a score.
type Evidence struct {
	Start, End int     // byte offsets of the term in the text
	Term       string  // the text of the span
	Rule       string  // "lexicon", "negation", "contrast", "intensifier", "caps", "exclamation", "emoji", "complaint-pattern", "sarcasm", "question", "elongation"
	Weight     float64 // the contribution to the sum before normalisation (0 for modifiers that only scale others)
}

// Rules reported in Evidence.Rule.
const (
	RuleLexicon     = "lexicon"
	RuleNegation    = "negation"
	RuleContrast    = "contrast"
	RuleIntensifier = "intensifier"
	RuleCaps        = "caps"
	RuleExclamation = "exclamation"
	RuleEmoji       = "emoji"
	RuleComplaint   = "complaint-pattern"
	RuleSarcasm     = "sarcasm"
	RuleQuestion    = "question"
	RuleElongation  = "elongation"
)

// Aspect is a topic of a shop review.
type Aspect string

// The aspects known to the embedded lexicons.
const (
	AspectDelivery    Aspect = "delivery"
	AspectPrice       Aspect = "price"
	AspectQuality     Aspect = "quality"
	AspectService     Aspect = "service"
	AspectRefund      Aspect = "refund"
	AspectSize        Aspect = "size"
	AspectPackaging   Aspect = "packaging"
	AspectDescription Aspect = "description"
	AspectWebsite     Aspect = "website"
)

// Aspects lists every known aspect in a fixed order.
var Aspects = []Aspect{AspectDelivery, AspectPrice, AspectQuality, AspectService, AspectRefund,
	AspectSize, AspectPackaging, AspectDescription, AspectWebsite}

// AspectMention is one mention of an aspect in a text.
type AspectMention struct {
	Aspect     Aspect
	Start, End int     // byte offsets of the aspect term
	Polarity   float64 // -1 … +1, from the sentiment terms nearest to it in its clause or sentence; 0 when none
}

// Option configures an [Analyzer].
type Option func(*config)

type config struct {
	lang  Lang
	extra []extraLexicon
}

type extraLexicon struct {
	lang Lang
	data []byte
	err  error
}

// WithLang forces the language of every text (skipping detection). An
// unknown language leaves detection on.
func WithLang(lang Lang) Option {
	return func(c *config) {
		if lang == EN || lang == RU || lang == LT {
			c.lang = lang
		}
	}
}

// WithLexicon adds or overrides valence entries for lang, read from r in the
// valence.tsv format ("term<TAB>valence", '#' comments, valence in -4..+4).
// r is read when the option is created. Lines that do not parse are skipped
// and reported by [Analyzer.Err]; an entry with valence 0 removes the word's
// valence.
func WithLexicon(lang Lang, r io.Reader) Option {
	var x extraLexicon
	x.lang = lang
	if r == nil {
		x.err = fmt.Errorf("sentiment: WithLexicon(%q): nil reader", lang)
	} else {
		x.data, x.err = io.ReadAll(r)
		if x.err != nil {
			x.err = fmt.Errorf("sentiment: WithLexicon(%q): %w", lang, x.err)
		}
	}
	return func(c *config) { c.extra = append(c.extra, x) }
}

// LexiconError reports a line of a lexicon that could not be used.
type LexiconError struct {
	Lang Lang
	File string
	Line int
	Msg  string
}

// Error describes the line and the problem, e.g.
// "sentiment: lexicon en/valence.tsv line 12: valence "x" is not a number in -4..4".
func (e *LexiconError) Error() string {
	return fmt.Sprintf("sentiment: lexicon %s/%s line %d: %s", e.Lang, e.File, e.Line, e.Msg)
}
