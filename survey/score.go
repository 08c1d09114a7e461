package survey

import (
	"errors"
	"fmt"
	"math"
)

// Z95 is the standard-normal quantile for the two-sided 95 % intervals
// every scorer reports.
const Z95 = 1.96

// ErrNoAnswers is returned when a score is asked of no answers.
var ErrNoAnswers = errors.New("survey: no answers to score")

// ErrScale is matched by the error for a scale the metric is not defined on
// (CSAT on other than 3, 5 or 7 points; CES on other than 5 or 7).
var ErrScale = errors.New("survey: unsupported scale")

// ErrOutOfRange is matched (errors.Is) by every [*RangeError].
var ErrOutOfRange = errors.New("survey: answer out of range")

// RangeError reports an answer outside its scale; it names the answer by
// its position in the input.
type RangeError struct {
	Index    int // position of the answer in the scores slice, from 0
	Value    int // the answer itself
	Min, Max int // the scale's ends
}

// Error describes the fault, naming where it is.
func (e *RangeError) Error() string {
	return fmt.Sprintf("survey: answer #%d is %d, outside %d–%d", e.Index, e.Value, e.Min, e.Max)
}

// Is makes every RangeError match [ErrOutOfRange].
func (e *RangeError) Is(target error) bool { return target == ErrOutOfRange }

// Interval is a two-sided 95 % confidence interval, in the unit of the score
// it belongs to, clamped to the score's range.
type Interval struct {
	// Low and High are the interval's ends, both included.
	Low  float64 `json:"low"`
	High float64 `json:"high"`
}

// Contains reports whether x lies in the interval (ends included).
func (iv Interval) Contains(x float64) bool { return x >= iv.Low && x <= iv.High }

// Variant names how a [Result] was computed.
type Variant string

// The scoring variants.
const (
	// VariantNPS: % promoters (9–10) − % detractors (0–6) of a 0–10 scale.
	VariantNPS Variant = "nps-0-10"
	// VariantCSAT3, VariantCSAT5, VariantCSAT7: % top box of a 3-, 5- or
	// 7-point satisfaction scale; top box is 3 of 3, 4–5 of 5, 6–7 of 7.
	VariantCSAT3 Variant = "csat-top-box-3"
	VariantCSAT5 Variant = "csat-top-2-box-5"
	VariantCSAT7 Variant = "csat-top-2-box-7"
	// VariantCES5, VariantCES7: % agree (4–5 of 5, 5–7 of 7) of a CES 2.0
	// agreement scale, higher = easier; the mean is reported alongside.
	VariantCES5 Variant = "ces-agree-top-2-of-5"
	VariantCES7 Variant = "ces-agree-top-3-of-7"
)

// Result is a scored set of answers.
type Result struct {
	// Metric and Variant say what Score is.
	Metric  Metric  `json:"metric"`
	Variant Variant `json:"variant"`
	// N is the number of answers.
	N int `json:"n"`
	// Score: NPS in points (−100…100); CSAT and CES in percent (0…100) of
	// top-box / agreeing answers.
	Score float64 `json:"score"`
	// Interval is the 95 % confidence interval of Score: for NPS the
	// normal approximation SE = 100·√((pP + pD − (pP − pD)²)/n), ±1.96 SE,
	// clamped to −100…100; for CSAT and CES the Wilson score interval of
	// the top-box share.
	Interval Interval `json:"interval"`
	// Top is the number of promoters (NPS), satisfied (CSAT) or agreeing
	// (CES) answers; Bottom the number of detractors (NPS only).
	Top    int `json:"top"`
	Bottom int `json:"bottom,omitempty"`
	// Mean of the raw answers on their own scale, with its 95 % normal
	// interval (sample standard deviation; zero width for one answer).
	Mean         float64  `json:"mean"`
	MeanInterval Interval `json:"mean_interval"`
	// ScaleMax is the scale's top point (10 for NPS).
	ScaleMax int `json:"scale_max"`
}

// ThinSample reports whether the score rests on fewer than 30 answers, the
// threshold one open-source NPS implementation flags (spec §2.1).
func (r Result) ThinSample() bool { return r.N < 30 }

// tally is the shared allocation-free accumulator.
type tally struct {
	n, top, bottom int
	sum, sumSq     float64
}

func (t *tally) add(v, topFrom, bottomTo int) {
	t.n++
	if v >= topFrom {
		t.top++
	}
	if v <= bottomTo {
		t.bottom++
	}
	f := float64(v)
	t.sum += f
	t.sumSq += f * f
}

func (t *tally) merge(o tally) {
	t.n += o.n
	t.top += o.top
	t.bottom += o.bottom
	t.sum += o.sum
	t.sumSq += o.sumSq
}

func (t *tally) mean(lo, hi float64) (float64, Interval) {
	n := float64(t.n)
	m := t.sum / n
	if t.n < 2 {
		return m, Interval{m, m}
	}
	v := (t.sumSq - n*m*m) / (n - 1)
	if v < 0 {
		v = 0
	}
	h := Z95 * math.Sqrt(v/n)
	return m, Interval{clamp(m-h, lo, hi), clamp(m+h, lo, hi)}
}

func clamp(x, lo, hi float64) float64 { return math.Max(lo, math.Min(hi, x)) }

// NPSScorer accumulates 0–10 answers into an NPS, one at a time, in
// constant memory and without allocating. The zero value is an empty scorer
// ready to use; it is not safe for concurrent use (use one per goroutine and
// [NPSScorer.Merge]).
type NPSScorer struct{ t tally }

// Add counts one answer; an answer outside 0–10 is not counted and returns a
// [*RangeError] whose Index is the number of answers counted so far.
func (s *NPSScorer) Add(score int) error {
	if score < 0 || score > 10 {
		return &RangeError{Index: s.t.n, Value: score, Min: 0, Max: 10}
	}
	s.t.add(score, 9, 6)
	return nil
}

// Merge adds the answers counted by o.
func (s *NPSScorer) Merge(o NPSScorer) { s.t.merge(o.t) }

// N returns the number of answers counted.
func (s *NPSScorer) N() int { return s.t.n }

// Result returns the NPS with its interval, or [ErrNoAnswers].
func (s *NPSScorer) Result() (Result, error) {
	t := s.t
	if t.n == 0 {
		return Result{}, ErrNoAnswers
	}
	n := float64(t.n)
	pP, pD := float64(t.top)/n, float64(t.bottom)/n
	score := 100 * float64(t.top-t.bottom) / n
	v := pP + pD - (pP-pD)*(pP-pD)
	if v < 0 {
		v = 0
	}
	h := Z95 * 100 * math.Sqrt(v/n)
	r := Result{Metric: MetricNPS, Variant: VariantNPS, N: t.n, Score: score,
		Interval: Interval{clamp(score-h, -100, 100), clamp(score+h, -100, 100)},
		Top:      t.top, Bottom: t.bottom, ScaleMax: 10}
	r.Mean, r.MeanInterval = t.mean(0, 10)
	return r, nil
}

// CSATScorer accumulates answers on a 1–ScaleMax satisfaction scale into a
// CSAT. The zero value scores a 5-point scale; set ScaleMax to 3 or 7 before
// the first Add for the others. It does not allocate and is not safe for
// concurrent use.
type CSATScorer struct {
	// ScaleMax is the top point: 3, 5 or 7 (0 = 5).
	ScaleMax int
	t        tally
}

func (s *CSATScorer) scale() int {
	if s.ScaleMax == 0 {
		return 5
	}
	return s.ScaleMax
}

// topBox returns the lowest satisfied answer on a 1–max CSAT scale.
func csatTop(max int) (int, Variant, error) {
	switch max {
	case 3:
		return 3, VariantCSAT3, nil
	case 5:
		return 4, VariantCSAT5, nil
	case 7:
		return 6, VariantCSAT7, nil
	}
	return 0, "", fmt.Errorf("%w: CSAT is defined on 3-, 5- and 7-point scales, not %d", ErrScale, max)
}

// Add counts one answer; an answer outside 1–ScaleMax returns a
// [*RangeError], an unsupported ScaleMax an error matching [ErrScale].
func (s *CSATScorer) Add(score int) error {
	max := s.scale()
	top, _, err := csatTop(max)
	if err != nil {
		return err
	}
	if score < 1 || score > max {
		return &RangeError{Index: s.t.n, Value: score, Min: 1, Max: max}
	}
	s.t.add(score, top, 0)
	return nil
}

// Merge adds the answers counted by o (which must use the same scale).
func (s *CSATScorer) Merge(o CSATScorer) { s.t.merge(o.t) }

// N returns the number of answers counted.
func (s *CSATScorer) N() int { return s.t.n }

// Result returns the CSAT with its Wilson interval, or [ErrNoAnswers].
func (s *CSATScorer) Result() (Result, error) {
	max := s.scale()
	_, variant, err := csatTop(max)
	if err != nil {
		return Result{}, err
	}
	if s.t.n == 0 {
		return Result{}, ErrNoAnswers
	}
	r := Result{Metric: MetricCSAT, Variant: variant, N: s.t.n, Top: s.t.top, ScaleMax: max,
		Score: 100 * float64(s.t.top) / float64(s.t.n), Interval: wilson(s.t.top, s.t.n)}
	r.Mean, r.MeanInterval = s.t.mean(1, float64(max))
	return r, nil
}

// CESScorer accumulates answers on a 1–ScaleMax CES agreement scale (higher
// = easier). The zero value scores the 7-point CES 2.0 scale; set ScaleMax
// to 5 for a 5-point one. A 5-point effort scale where 1 means little effort
// must be flipped first (6 − answer). It does not allocate and is not safe
// for concurrent use.
type CESScorer struct {
	// ScaleMax is the top point: 5 or 7 (0 = 7).
	ScaleMax int
	t        tally
}

func (s *CESScorer) scale() int {
	if s.ScaleMax == 0 {
		return 7
	}
	return s.ScaleMax
}

func cesTop(max int) (int, Variant, error) {
	switch max {
	case 5:
		return 4, VariantCES5, nil
	case 7:
		return 5, VariantCES7, nil
	}
	return 0, "", fmt.Errorf("%w: CES is defined on 5- and 7-point scales, not %d", ErrScale, max)
}

// Add counts one answer; an answer outside 1–ScaleMax returns a
// [*RangeError], an unsupported ScaleMax an error matching [ErrScale].
func (s *CESScorer) Add(score int) error {
	max := s.scale()
	top, _, err := cesTop(max)
	if err != nil {
		return err
	}
	if score < 1 || score > max {
		return &RangeError{Index: s.t.n, Value: score, Min: 1, Max: max}
	}
	s.t.add(score, top, 0)
	return nil
}

// Merge adds the answers counted by o (which must use the same scale).
func (s *CESScorer) Merge(o CESScorer) { s.t.merge(o.t) }

// N returns the number of answers counted.
func (s *CESScorer) N() int { return s.t.n }

// Result returns the CES (% agree as Score, the mean as Mean, each with its
// interval), or [ErrNoAnswers].
func (s *CESScorer) Result() (Result, error) {
	max := s.scale()
	_, variant, err := cesTop(max)
	if err != nil {
		return Result{}, err
	}
	if s.t.n == 0 {
		return Result{}, ErrNoAnswers
	}
	r := Result{Metric: MetricCES, Variant: variant, N: s.t.n, Top: s.t.top, ScaleMax: max,
		Score: 100 * float64(s.t.top) / float64(s.t.n), Interval: wilson(s.t.top, s.t.n)}
	r.Mean, r.MeanInterval = s.t.mean(1, float64(max))
	return r, nil
}

// wilson returns the Wilson score interval of k successes in n, in percent
// (spec §2.5; n = 0 gives 0–0).
func wilson(k, n int) Interval {
	if n == 0 {
		return Interval{}
	}
	nf := float64(n)
	p := float64(k) / nf
	z2 := Z95 * Z95
	den := 1 + z2/nf
	centre := p + z2/(2*nf)
	h := Z95 * math.Sqrt(p*(1-p)/nf+z2/(4*nf*nf))
	iv := Interval{clamp(100*(centre-h)/den, 0, 100), clamp(100*(centre+h)/den, 0, 100)}
	// Rounding leaves a few ulps where the exact bound is 0 or 100.
	if k == 0 {
		iv.Low = 0
	}
	if k == n {
		iv.High = 100
	}
	return iv
}

// WilsonLower returns the lower bound of the 95 % Wilson score interval of k
// positives out of n, as a share 0…1 (spec §2.5); 0 when n is 0 or k is
// outside 0…n.
func WilsonLower(k, n int) float64 {
	if n <= 0 || k < 0 || k > n {
		return 0
	}
	return wilson(k, n).Low / 100
}

// NPS returns the Net Promoter Score of 0–10 answers: 100 × (promoters 9–10
// − detractors 0–6) / all answers, in points from −100 to 100; passives
// (7–8) count in the denominator only. Empty input returns [ErrNoAnswers];
// an answer outside 0–10 returns a [*RangeError] naming it. Use
// [NPSScorer] for the interval.
func NPS(scores []int) (float64, error) {
	var s NPSScorer
	for i, v := range scores {
		if err := s.Add(v); err != nil {
			return 0, &RangeError{Index: i, Value: v, Min: 0, Max: 10}
		}
	}
	r, err := s.Result()
	return r.Score, err
}

// CSAT returns the customer satisfaction score of answers on a 1–scaleMax
// scale: the percentage of top-box answers (5-point: 4–5; 7-point: 6–7;
// 3-point: 3 only, so the neutral face never counts as satisfied). The value
// is not rounded (Delighted displays it rounded to a whole number; use
// math.Round for that). scaleMax other than 3, 5 or 7 returns an error
// matching [ErrScale]; empty input [ErrNoAnswers]; an answer outside the
// scale a [*RangeError] naming it. This is never the "mean mapped to 0–100"
// figure some tools also call CSAT.
func CSAT(scores []int, scaleMax int) (float64, error) {
	if _, _, err := csatTop(scaleMax); err != nil {
		return 0, err
	}
	s := CSATScorer{ScaleMax: scaleMax}
	for i, v := range scores {
		if err := s.Add(v); err != nil {
			return 0, &RangeError{Index: i, Value: v, Min: 1, Max: scaleMax}
		}
	}
	r, err := s.Result()
	return r.Score, err
}

// CES returns the customer effort score of answers on a 1–scaleMax CES 2.0
// agreement scale (higher = easier) as the percentage agreeing: 5–7 of 7,
// 4–5 of 5. [CESScorer] reports the mean alongside. scaleMax other than 5 or
// 7 returns an error matching [ErrScale]; empty input [ErrNoAnswers]; an
// answer outside the scale a [*RangeError] naming it.
func CES(scores []int, scaleMax int) (float64, error) {
	if _, _, err := cesTop(scaleMax); err != nil {
		return 0, err
	}
	s := CESScorer{ScaleMax: scaleMax}
	for i, v := range scores {
		if err := s.Add(v); err != nil {
			return 0, &RangeError{Index: i, Value: v, Min: 1, Max: scaleMax}
		}
	}
	r, err := s.Result()
	return r.Score, err
}

// Score scores answers to q according to its declared metric: NPS, CSAT or
// CES; a custom scale gets only N, Mean and MeanInterval. A question that is
// not a scale returns an error.
func Score(q Question, scores []int) (Result, error) {
	var sc metricScorer
	if err := sc.init(q); err != nil {
		return Result{}, err
	}
	for i, v := range scores {
		if err := sc.add(v); err != nil {
			if re, ok := errors.AsType[*RangeError](err); ok {
				re.Index = i
			}
			return Result{}, err
		}
	}
	return sc.result()
}

// metricScorer scores one scale question by its metric.
type metricScorer struct {
	metric Metric
	nps    NPSScorer
	csat   CSATScorer
	ces    CESScorer
	lo, hi int
	t      tally
}

func (m *metricScorer) init(q Question) error {
	if q.Kind != KindScale || q.Scale == nil {
		return fmt.Errorf("survey: question %q is not a scale question", truncate(q.ID, 64))
	}
	m.metric, m.lo, m.hi = q.Scale.Metric, q.Scale.Min, q.Scale.Max
	m.csat.ScaleMax, m.ces.ScaleMax = q.Scale.Max, q.Scale.Max
	return nil
}

func (m *metricScorer) add(v int) error {
	switch m.metric {
	case MetricNPS:
		return m.nps.Add(v)
	case MetricCSAT:
		return m.csat.Add(v)
	case MetricCES:
		return m.ces.Add(v)
	}
	if v < m.lo || v > m.hi {
		return &RangeError{Index: m.t.n, Value: v, Min: m.lo, Max: m.hi}
	}
	m.t.add(v, m.hi+1, m.lo-1)
	return nil
}

func (m *metricScorer) result() (Result, error) {
	switch m.metric {
	case MetricNPS:
		return m.nps.Result()
	case MetricCSAT:
		return m.csat.Result()
	case MetricCES:
		return m.ces.Result()
	}
	if m.t.n == 0 {
		return Result{}, ErrNoAnswers
	}
	r := Result{Variant: "mean", N: m.t.n, ScaleMax: m.hi}
	r.Mean, r.MeanInterval = m.t.mean(float64(m.lo), float64(m.hi))
	return r, nil
}
