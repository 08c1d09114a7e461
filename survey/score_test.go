package survey

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"
)

func TestKnownScores(t *testing.T) {
	t.Parallel()
	csatWorked := make([]int, 0, 100) // spec §2.2: 40×5, 30×4, 10×3, 5×2, 15×1 → 70
	for _, g := range []struct{ v, n int }{{5, 40}, {4, 30}, {3, 10}, {2, 5}, {1, 15}} {
		for range g.n {
			csatWorked = append(csatWorked, g.v)
		}
	}
	tests := []struct {
		name string
		f    func() (float64, error)
		want float64
	}{
		{"NPS balanced", func() (float64, error) { return NPS([]int{10, 9, 8, 7, 6, 0}) }, 0},
		{"NPS all promoters", func() (float64, error) { return NPS([]int{9, 10, 10}) }, 100},
		{"NPS all detractors", func() (float64, error) { return NPS([]int{0, 6, 3}) }, -100},
		{"NPS passives only", func() (float64, error) { return NPS([]int{7, 8}) }, 0},
		{"NPS 2 of 4 promoters 1 detractor", func() (float64, error) { return NPS([]int{9, 10, 7, 5}) }, 25},
		{"CSAT 5-point", func() (float64, error) { return CSAT([]int{5, 4, 3, 2, 1}, 5) }, 40},
		{"CSAT worked example", func() (float64, error) { return CSAT(csatWorked, 5) }, 70},
		{"CSAT 3-point top box is 3 only", func() (float64, error) { return CSAT([]int{3, 2, 1, 3}, 3) }, 50},
		{"CSAT 7-point top-2", func() (float64, error) { return CSAT([]int{7, 6, 5, 4}, 7) }, 50},
		{"CES 7-point agree 5–7", func() (float64, error) { return CES([]int{7, 6, 5, 4, 3, 2, 1, 5}, 7) }, 50},
		{"CES 5-point agree 4–5", func() (float64, error) { return CES([]int{5, 4, 3, 2, 1}, 5) }, 40},
	}
	for _, tc := range tests {
		got, err := tc.f()
		if err != nil {
			t.Errorf("%s: error %v", tc.name, err)
			continue
		}
		if math.Abs(got-tc.want) > 1e-9 {
			t.Errorf("%s = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestScoreErrors(t *testing.T) {
	t.Parallel()
	if _, err := NPS(nil); !errors.Is(err, ErrNoAnswers) {
		t.Errorf("NPS(nil) error = %v, want ErrNoAnswers", err)
	}
	if _, err := CSAT([]int{}, 5); !errors.Is(err, ErrNoAnswers) {
		t.Errorf("CSAT(empty) error = %v, want ErrNoAnswers", err)
	}
	if _, err := CES(nil, 7); !errors.Is(err, ErrNoAnswers) {
		t.Errorf("CES(nil) error = %v, want ErrNoAnswers", err)
	}
	for _, tc := range []struct {
		name      string
		err       error
		index, at int
	}{
		{"NPS 11", func() error { _, err := NPS([]int{10, 9, 11, 3}); return err }(), 2, 11},
		{"NPS -1", func() error { _, err := NPS([]int{-1}); return err }(), 0, -1},
		{"CSAT 6 on 5", func() error { _, err := CSAT([]int{5, 6}, 5); return err }(), 1, 6},
		{"CSAT 0", func() error { _, err := CSAT([]int{0}, 3); return err }(), 0, 0},
		{"CES 8 on 7", func() error { _, err := CES([]int{1, 2, 3, 8}, 7); return err }(), 3, 8},
	} {
		re, ok := errors.AsType[*RangeError](tc.err)
		if !ok || !errors.Is(tc.err, ErrOutOfRange) {
			t.Errorf("%s: error %v, want a *RangeError", tc.name, tc.err)
			continue
		}
		if re.Index != tc.index || re.Value != tc.at {
			t.Errorf("%s: error names answer #%d = %d, want #%d = %d (%v)", tc.name, re.Index, re.Value, tc.index, tc.at, re)
		}
	}
	for _, max := range []int{0, 4, 10} {
		if _, err := CSAT([]int{1}, max); !errors.Is(err, ErrScale) {
			t.Errorf("CSAT on %d points: error %v, want ErrScale", max, err)
		}
	}
	if _, err := CES([]int{1}, 3); !errors.Is(err, ErrScale) {
		t.Errorf("CES on 3 points: error %v, want ErrScale", err)
	}
}

func TestIntervals(t *testing.T) {
	t.Parallel()
	var n NPSScorer
	for _, v := range []int{10, 9, 8, 7, 6, 0} {
		if err := n.Add(v); err != nil {
			t.Fatal(err)
		}
	}
	r, err := n.Result()
	if err != nil {
		t.Fatal(err)
	}
	// pP = pD = 1/3: SE = 100·√((2/3 − 0)/6) = 33.33; ±1.96 SE.
	h := 1.96 * 100 * math.Sqrt((2.0/3)/6)
	if math.Abs(r.Interval.Low+h) > 1e-9 || math.Abs(r.Interval.High-h) > 1e-9 {
		t.Errorf("NPS interval = %+v, want ±%.4f", r.Interval, h)
	}
	if r.Top != 2 || r.Bottom != 2 || r.N != 6 || r.Variant != VariantNPS {
		t.Errorf("NPS result = %+v", r)
	}
	// Wilson 95 % for 5 of 10 is 23.66–76.34 % (textbook value).
	c := CSATScorer{ScaleMax: 5}
	for _, v := range []int{5, 5, 4, 4, 4, 1, 2, 3, 3, 1} {
		if err := c.Add(v); err != nil {
			t.Fatal(err)
		}
	}
	cr, _ := c.Result()
	if math.Abs(cr.Interval.Low-23.66) > 0.01 || math.Abs(cr.Interval.High-76.34) > 0.01 {
		t.Errorf("CSAT Wilson interval = %+v, want 23.66–76.34", cr.Interval)
	}
	if cr.Variant != VariantCSAT5 || cr.Score != 50 {
		t.Errorf("CSAT result = %+v", cr)
	}
	if got := WilsonLower(0, 0); got != 0 {
		t.Errorf("WilsonLower(0,0) = %v", got)
	}
	var e CESScorer
	for _, v := range []int{7, 7, 6, 5, 1} {
		_ = e.Add(v)
	}
	er, _ := e.Result()
	if er.Variant != VariantCES7 || er.Score != 80 || er.Mean != 5.2 || !er.MeanInterval.Contains(er.Mean) {
		t.Errorf("CES result = %+v", er)
	}
}

func TestZeroScorers(t *testing.T) {
	t.Parallel()
	var n NPSScorer
	if _, err := n.Result(); !errors.Is(err, ErrNoAnswers) {
		t.Errorf("empty NPSScorer: %v", err)
	}
	var c CSATScorer // 5-point by default
	if err := c.Add(6); !errors.Is(err, ErrOutOfRange) {
		t.Errorf("zero CSATScorer.Add(6) = %v, want out of range", err)
	}
	var e CESScorer // 7-point by default
	if err := e.Add(7); err != nil {
		t.Errorf("zero CESScorer.Add(7) = %v", err)
	}
	bad := CSATScorer{ScaleMax: 4}
	if err := bad.Add(1); !errors.Is(err, ErrScale) {
		t.Errorf("CSATScorer{4}.Add = %v, want ErrScale", err)
	}
}

// TestNPSProperties checks on random samples that the NPS lies in
// [-100, 100], that its interval contains it and stays in range, and that
// merging two scorers equals scoring all answers at once.
func TestNPSProperties(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		n := 1 + rng.IntN(200)
		scores := make([]int, n)
		var a, b, all NPSScorer
		for i := range scores {
			scores[i] = rng.IntN(11)
			_ = all.Add(scores[i])
			if i%2 == 0 {
				_ = a.Add(scores[i])
			} else {
				_ = b.Add(scores[i])
			}
		}
		got, err := NPS(scores)
		if err != nil || got < -100 || got > 100 {
			t.Fatalf("NPS(%v) = %v, %v", scores, got, err)
		}
		r, _ := all.Result()
		if r.Score != got || !r.Interval.Contains(got) || r.Interval.Low < -100 || r.Interval.High > 100 {
			t.Fatalf("NPS %v interval %+v", got, r.Interval)
		}
		a.Merge(b)
		m, _ := a.Result()
		if m.N != r.N || m.Top != r.Top || m.Bottom != r.Bottom {
			t.Fatalf("merged %+v != %+v", m, r)
		}
		for _, max := range []int{3, 5, 7} {
			c := CSATScorer{ScaleMax: max}
			e := CESScorer{ScaleMax: 7}
			for _, v := range scores {
				_ = c.Add(1 + v%max)
				_ = e.Add(1 + v%7)
			}
			cr, _ := c.Result()
			er, _ := e.Result()
			for _, x := range []Result{cr, er} {
				if x.Score < 0 || x.Score > 100 || !x.Interval.Contains(x.Score) || !x.MeanInterval.Contains(x.Mean) {
					t.Fatalf("%s: %+v", x.Variant, x)
				}
			}
		}
	}
}

func TestScoreQuestion(t *testing.T) {
	t.Parallel()
	custom := Question{ID: "speed", Kind: KindScale, Text: "Speed?", Scale: &Scale{Min: 1, Max: 10}}
	r, err := Score(custom, []int{2, 4, 6})
	if err != nil || r.Mean != 4 || r.N != 3 || r.Metric != MetricNone {
		t.Errorf("Score(custom) = %+v, %v", r, err)
	}
	if _, err := Score(custom, []int{2, 11}); !errors.Is(err, ErrOutOfRange) {
		t.Errorf("Score(custom, 11) error = %v", err)
	} else if re, _ := errors.AsType[*RangeError](err); re.Index != 1 {
		t.Errorf("Score error names #%d, want #1", re.Index)
	}
	nps := NPSQuestion("nps", "How likely …?")
	if r, err := Score(nps, []int{10, 0}); err != nil || r.Score != 0 || r.Metric != MetricNPS {
		t.Errorf("Score(nps) = %+v, %v", r, err)
	}
	if _, err := Score(OpenQuestion("o", "Why?"), []int{1}); err == nil {
		t.Error("Score(open question) = nil error")
	}
}

var sink Result

// BenchmarkNPSScorer scores 1,000,000 answers per iteration with the
// streaming scorer; allocs/op must be 0.
func BenchmarkNPSScorer(b *testing.B) {
	scores := make([]int, 1_000_000)
	rng := rand.New(rand.NewPCG(3, 4))
	for i := range scores {
		scores[i] = rng.IntN(11)
	}
	b.ReportAllocs()
	for b.Loop() {
		var n NPSScorer
		for _, v := range scores {
			if err := n.Add(v); err != nil {
				b.Fatal(err)
			}
		}
		sink, _ = n.Result()
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(scores)), "ns/response")
}

// BenchmarkCSATScorer is BenchmarkNPSScorer for a 5-point CSAT.
func BenchmarkCSATScorer(b *testing.B) {
	scores := make([]int, 1_000_000)
	rng := rand.New(rand.NewPCG(5, 6))
	for i := range scores {
		scores[i] = 1 + rng.IntN(5)
	}
	b.ReportAllocs()
	for b.Loop() {
		var c CSATScorer
		for _, v := range scores {
			if err := c.Add(v); err != nil {
				b.Fatal(err)
			}
		}
		sink, _ = c.Result()
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(scores)), "ns/response")
}

// TestScorerAllocs checks the 0-allocations-per-answer claim outside a
// benchmark.
func TestScorerAllocs(t *testing.T) {
	var n NPSScorer
	var c CSATScorer
	var e CESScorer
	allocs := testing.AllocsPerRun(100, func() {
		for v := range 11 {
			_ = n.Add(v)
			_ = c.Add(1 + v%5)
			_ = e.Add(1 + v%7)
		}
	})
	if allocs != 0 {
		t.Errorf("scorers allocate %v times per run, want 0", allocs)
	}
}
