package survey

import (
	"fmt"
	"iter"
	"slices"
	"time"
)

// Segmenter returns the segment a response belongs to ("" is a segment
// too).
type Segmenter func(Response) string

// ByProduct segments responses by ProductID.
func ByProduct(r Response) string { return r.ProductID }

// ByChannel segments responses by Channel.
func ByChannel(r Response) string { return r.Channel }

// ByDay segments responses by the calendar day of SubmittedAt in loc (nil =
// UTC), keyed "2006-01-02".
func ByDay(loc *time.Location) Segmenter {
	return func(r Response) string { return inLoc(r.SubmittedAt, loc).Format(time.DateOnly) }
}

// ByWeek segments responses by the ISO week of SubmittedAt in loc (nil =
// UTC), keyed "2006-W01".
func ByWeek(loc *time.Location) Segmenter {
	return func(r Response) string {
		y, w := inLoc(r.SubmittedAt, loc).ISOWeek()
		return fmt.Sprintf("%04d-W%02d", y, w)
	}
}

// ByMonth segments responses by the month of SubmittedAt in loc (nil =
// UTC), keyed "2006-01".
func ByMonth(loc *time.Location) Segmenter {
	return func(r Response) string { return inLoc(r.SubmittedAt, loc).Format("2006-01") }
}

func inLoc(t time.Time, loc *time.Location) time.Time {
	if loc == nil {
		loc = time.UTC
	}
	return t.In(loc)
}

// Segment is the score of one segment.
type Segment struct {
	// Key names the segment: a product ID, a channel or a time bucket.
	Key string `json:"key"`
	// Result is the segment's score.
	Result Result `json:"result"`
	// Skipped counts answers in the segment that did not fit the question
	// (out of range, wrong shape) and were left out of Result.
	Skipped int `json:"skipped,omitempty"`
}

// Breakdown scores question questionID of survey s per segment of the
// responses: NPS, CSAT or CES by the question's metric (see [Score]), each
// with its interval. Segments come sorted by key; segments without an
// answer to the question are left out; a nil by puts every response in one
// segment keyed "". Answers that do not fit the question are counted in
// Skipped, not scored. The error reports an unknown or non-scale question.
// Memory grows with the number of segments, not of responses.
func Breakdown(s Survey, questionID string, rs iter.Seq[Response], by Segmenter) ([]Segment, error) {
	q, ok := s.Question(questionID)
	if !ok {
		return nil, fmt.Errorf("survey: %q is not a question of survey %q", truncate(questionID, 64), truncate(s.ID, 64))
	}
	var proto metricScorer
	if err := proto.init(q); err != nil {
		return nil, err
	}
	type acc struct {
		sc      metricScorer
		skipped int
	}
	segs := map[string]*acc{}
	for r := range rs {
		a, ok := r.Answers[questionID]
		if !ok {
			continue
		}
		key := ""
		if by != nil {
			key = by(r)
		}
		g := segs[key]
		if g == nil {
			g = &acc{sc: proto}
			segs[key] = g
		}
		if len(a.Choices) > 0 || a.Text != "" || g.sc.add(a.Score) != nil {
			g.skipped++
		}
	}
	keys := make([]string, 0, len(segs))
	for k := range segs {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	out := make([]Segment, 0, len(keys))
	for _, k := range keys {
		g := segs[k]
		res, err := g.sc.result()
		if err != nil {
			res = Result{Metric: q.Scale.Metric}
		}
		out = append(out, Segment{Key: k, Result: res, Skipped: g.skipped})
	}
	return out, nil
}

// QuestionResult is the score of one scale question of a survey.
type QuestionResult struct {
	// Question is the question's ID.
	Question string `json:"question"`
	// Result is zero (N = 0) when the question got no usable answer.
	Result Result `json:"result"`
	// Skipped counts answers that did not fit the question.
	Skipped int `json:"skipped,omitempty"`
}

// ScoreAll scores every scale question of s over the responses in one
// pass, in question order: NPS, CSAT or CES by each question's metric, the
// mean for a custom scale (see [Score]). Answers that do not fit their
// question are counted in Skipped, not scored.
func ScoreAll(s Survey, rs iter.Seq[Response]) []QuestionResult {
	type acc struct {
		id      string
		sc      metricScorer
		skipped int
	}
	var accs []acc
	for _, q := range s.Questions {
		var a acc
		if a.sc.init(q) == nil {
			a.id = q.ID
			accs = append(accs, a)
		}
	}
	for r := range rs {
		for i := range accs {
			a := &accs[i]
			ans, ok := r.Answers[a.id]
			if !ok {
				continue
			}
			if len(ans.Choices) > 0 || ans.Text != "" || a.sc.add(ans.Score) != nil {
				a.skipped++
			}
		}
	}
	out := make([]QuestionResult, len(accs))
	for i := range accs {
		res, _ := accs[i].sc.result()
		out[i] = QuestionResult{Question: accs[i].id, Result: res, Skipped: accs[i].skipped}
	}
	return out
}
