package survey

import (
	"cmp"
	"iter"
	"slices"
	"strings"
)

// Improvement is one aspect of the business that open answers complain
// about, with how often and how strongly.
type Improvement struct {
	// Aspect is the sentiment package's aspect name ("delivery", "price",
	// "quality", "service", "refund", "size", "packaging",
	// "description", "website").
	Aspect string `json:"aspect"`
	// Count is the number of open answers that complain about it.
	Count int `json:"count"`
	// Share is Count as a percentage of the open answers analysed.
	Share float64 `json:"share"`
	// Negativity is the mean negativity (0…1) of those answers.
	Negativity float64 `json:"negativity"`
	// Detractors counts those answers whose response gave 0–6 on the
	// survey's NPS question (0 when the survey has none).
	Detractors int `json:"detractors"`
	// Impact is the ranking key: the sum over those answers of
	// 0.5 + 0.5 × negativity, so every complaint counts, a strong one up to
	// twice as much as a mild wish, and frequent complaints come first.
	Impact float64 `json:"impact"`
	// Examples are up to [MaxExamples] quotes, most negative first: the
	// sentence of the answer that names the aspect.
	Examples []Quote `json:"examples"`
}

// Quote is an example sentence from an open answer.
type Quote struct {
	// Response and Question are the IDs the quote comes from.
	Response string `json:"response"`
	Question string `json:"question"`
	// Text is the sentence quoted.
	Text string `json:"text"`
	// Negativity is the sentiment engine's negativity of Text (0…1).
	Negativity float64 `json:"negativity"`
}

// MaxExamples is how many example quotes an [Improvement] keeps.
const MaxExamples = 3

// OtherAspect is the [Improvement] that collects clear complaints
// (negativity at least 0.5) naming no known aspect, so that they are not
// lost; it is always listed last, as a pointer to answers worth reading.
const OtherAspect = "other"

// otherNegativity is how negative an answer without aspects must be to
// count under OtherAspect.
const otherNegativity = 0.5

// complaintNegativity is how negative an answer must be for a neutral
// mention of an aspect in it to count as a complaint.
const complaintNegativity = 0.25

// opinion is what Improvements needs to know about one open answer.
type opinion struct {
	negativity float64
	mentions   []mention
}

type mention struct {
	aspect     string
	start, end int
	polarity   float64
}

// analyzeFunc reads one open answer.
type analyzeFunc func(text string) opinion

// improvements is [Improvements] over any analyzer; each answer counts once
// per aspect, at its most negative mention.
func improvements(s Survey, rs iter.Seq[Response], analyze analyzeFunc) []Improvement {
	type acc struct {
		imp         Improvement
		neg, impact float64
	}
	aspects := map[string]*acc{}
	analysed := 0
	npsID := ""
	for _, q := range s.Questions {
		if q.Kind == KindScale && q.Scale != nil && q.Scale.Metric == MetricNPS {
			npsID = q.ID
			break
		}
	}
	for r := range rs {
		detractor := false
		if a, ok := r.Answers[npsID]; ok && npsID != "" {
			detractor = a.Score >= 0 && a.Score <= 6 && a.Text == "" && len(a.Choices) == 0
		}
		for qi := range s.Questions {
			q := &s.Questions[qi]
			if q.Kind != KindText {
				continue
			}
			a, ok := r.Answers[q.ID]
			if !ok || strings.TrimSpace(a.Text) == "" || len(a.Text) > MaxTextBytes {
				continue
			}
			analysed++
			op := analyze(a.Text)
			best := map[string]mention{}
			for _, m := range op.mentions {
				if !q.Improve && (m.polarity > 0 || (m.polarity == 0 && op.negativity < complaintNegativity)) {
					continue
				}
				if b, seen := best[m.aspect]; !seen || m.polarity < b.polarity {
					best[m.aspect] = m
				}
			}
			if len(best) == 0 && op.negativity >= otherNegativity {
				best[OtherAspect] = mention{aspect: OtherAspect, start: -1}
			}
			for name, m := range best {
				g := aspects[name]
				if g == nil {
					g = &acc{imp: Improvement{Aspect: name}}
					aspects[name] = g
				}
				g.imp.Count++
				if detractor {
					g.imp.Detractors++
				}
				g.neg += op.negativity
				g.impact += 0.5 + 0.5*op.negativity
				g.imp.Examples = addExample(g.imp.Examples, Quote{Response: r.ID, Question: q.ID,
					Text: sentenceAround(a.Text, m.start, m.end), Negativity: op.negativity})
			}
		}
	}
	out := make([]Improvement, 0, len(aspects))
	for _, g := range aspects {
		g.imp.Impact = g.impact
		g.imp.Negativity = g.neg / float64(g.imp.Count)
		g.imp.Share = 100 * float64(g.imp.Count) / float64(analysed)
		out = append(out, g.imp)
	}
	slices.SortFunc(out, func(a, b Improvement) int {
		if (a.Aspect == OtherAspect) != (b.Aspect == OtherAspect) {
			if a.Aspect == OtherAspect {
				return 1
			}
			return -1
		}
		if c := cmp.Compare(b.Impact, a.Impact); c != 0 {
			return c
		}
		if c := cmp.Compare(b.Count, a.Count); c != 0 {
			return c
		}
		return strings.Compare(a.Aspect, b.Aspect)
	})
	return out
}

// addExample keeps the MaxExamples most negative quotes, first seen first
// on ties, without repeating a text.
func addExample(ex []Quote, q Quote) []Quote {
	for _, e := range ex {
		if e.Text == q.Text {
			return ex
		}
	}
	i := len(ex)
	for i > 0 && ex[i-1].Negativity < q.Negativity {
		i--
	}
	if i >= MaxExamples {
		return ex
	}
	ex = slices.Insert(ex, i, q)
	if len(ex) > MaxExamples {
		ex = ex[:MaxExamples]
	}
	return ex
}

// sentenceAround returns the trimmed sentence of text holding the byte
// range start–end, or the whole text when the range is unusable.
func sentenceAround(text string, start, end int) string {
	if start < 0 || end > len(text) || start > end {
		return truncate(strings.TrimSpace(text), 280)
	}
	for _, s := range sentences(text) {
		if start >= s[0] && start < s[1] || start == end && start == s[1] {
			return truncate(strings.TrimSpace(text[s[0]:s[1]]), 280)
		}
	}
	return truncate(strings.TrimSpace(text), 280)
}
