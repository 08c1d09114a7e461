package review

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func ratings(rs ...float64) []Review {
	out := make([]Review, len(rs))
	for i, r := range rs {
		out[i] = Review{ID: "x", Source: "t", Rating: r, CreatedAt: t0}
	}
	return out
}

func TestSummarize(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   []float64
		want Summary
	}{
		{"empty", nil, Summary{}},
		{"simple", []float64{5, 4, 4, 1, 0}, Summary{Count: 5, Unrated: 1, Sum: 14, Mean: 3.5, Distribution: [5]int{1, 0, 0, 2, 1}}},
		{"halves round up", []float64{4.5, 2.5, 1}, Summary{Count: 3, Sum: 8, Mean: 8.0 / 3, Distribution: [5]int{1, 0, 1, 0, 1}}},
		{"out of range counts unrated", []float64{7, 3}, Summary{Count: 2, Unrated: 1, Sum: 3, Mean: 3, Distribution: [5]int{0, 0, 1, 0, 0}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := Summarize(ratings(tt.in...))
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateApprox(0, 1e-12)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// Merging the Stats of two halves equals the Stats of the whole.
func TestStatsMergeProperty(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 200 {
		n := rng.IntN(300)
		rs := make([]Review, n)
		for i := range rs {
			rs[i].Rating = float64(rng.IntN(11)) / 2 // 0, 0.5 (invalid), 1 … 5
		}
		cut := 0
		if n > 0 {
			cut = rng.IntN(n + 1)
		}
		var a, b, whole Stats
		for i, rv := range rs {
			whole.Add(rv)
			if i < cut {
				a.Add(rv)
			} else {
				b.Add(rv)
			}
		}
		a.Merge(b)
		if diff := cmp.Diff(whole.Summary(), a.Summary(), cmpopts.EquateApprox(0, 1e-9)); diff != "" {
			t.Fatalf("trial %d: merged halves differ from whole (-whole +merged):\n%s", trial, diff)
		}
	}
}

func TestNeededForTarget(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name          string
		s             Summary
		target, stars float64
		want          int
		err           error
	}{
		{"calculator page example", Summary{Count: 50, Mean: 4.3}, 4.7, 5, 67, nil},
		{"already there", Summary{Count: 10, Mean: 4.6}, 4.5, 5, 0, nil},
		{"exactly there", Summary{Count: 10, Sum: 45, Mean: 4.5}, 4.5, 5, 0, nil},
		{"exact integer boundary", Summary{Count: 10, Sum: 40, Mean: 4}, 4.6, 5, 15, nil},
		{"with 4 stars", Summary{Count: 4, Sum: 12, Mean: 3}, 3.5, 4, 4, nil},
		{"no reviews yet", Summary{}, 4.5, 5, 1, nil},
		{"unrated ignored", Summary{Count: 12, Unrated: 2, Sum: 40, Mean: 4}, 4.5, 5, 10, nil},
		{"five point oh unreachable", Summary{Count: 3, Sum: 14, Mean: 14.0 / 3}, 5, 5, 0, ErrUnreachable},
		{"stars below target", Summary{Count: 3, Sum: 9, Mean: 3}, 4, 3.5, 0, ErrUnreachable},
		{"target out of range", Summary{Count: 3, Sum: 9, Mean: 3}, 5.5, 5, 0, ErrOutOfRange},
		{"stars out of range", Summary{Count: 3, Sum: 9, Mean: 3}, 4, 6, 0, ErrOutOfRange},
		{"NaN target", Summary{Count: 3, Sum: 9, Mean: 3}, math.NaN(), 5, 0, ErrOutOfRange},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := NeededForTarget(tt.s, tt.target, tt.stars)
			if !errors.Is(err, tt.err) || (tt.err == nil && err != nil) {
				t.Fatalf("error = %v, want %v", err, tt.err)
			}
			if got != tt.want {
				t.Errorf("NeededForTarget = %d, want %d", got, tt.want)
			}
		})
	}
}

// NeededForTarget's answer n reaches the target and n−1 does not, checked in
// integer arithmetic (ratings and targets in tenths of a star).
func TestNeededForTargetProperty(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		var st Stats
		for range rng.IntN(500) {
			st.AddRating(float64(1 + rng.IntN(5)))
		}
		s := st.Summary()
		target10 := 10 + rng.IntN(41) // 1.0 … 5.0
		stars := 1 + rng.IntN(5)
		n, err := NeededForTarget(s, float64(target10)/10, float64(stars))
		sum10 := int64(s.Sum) * 10
		rated := int64(s.Rated())
		reaches := func(x int64) bool { // (sum + x·stars)/(rated + x) ≥ target
			if rated+x == 0 {
				return false
			}
			return sum10+x*int64(stars)*10 >= int64(target10)*(rated+x)
		}
		if err != nil {
			if !errors.Is(err, ErrUnreachable) {
				t.Fatalf("unexpected error %v", err)
			}
			if reaches(0) || int64(stars)*10 > int64(target10) {
				t.Fatalf("%+v target %d/10 stars %d: reported unreachable", s, target10, stars)
			}
			continue
		}
		if !reaches(int64(n)) {
			t.Fatalf("%+v target %d/10 stars %d: %d does not reach", s, target10, stars, n)
		}
		if n > 0 && reaches(int64(n-1)) {
			t.Fatalf("%+v target %d/10 stars %d: %d−1 already reaches", s, target10, stars, n)
		}
	}
}

func TestDampedMean(t *testing.T) {
	t.Parallel()
	s := Summary{Count: 3, Sum: 15, Mean: 5}
	if got, want := DampedMean(s, TrustpilotPrior), (7*3.5+15)/10; math.Abs(got-want) > 1e-12 {
		t.Errorf("DampedMean = %v, want %v", got, want)
	}
	if got := DampedMean(s, Prior{}); got != 5 {
		t.Errorf("zero prior = %v, want plain mean 5", got)
	}
	if got := DampedMean(Summary{}, Prior{}); got != 0 {
		t.Errorf("empty = %v", got)
	}
	// With a half-life equal to the age of the old review, it weighs half.
	now := t0.Add(30 * 24 * time.Hour)
	rs := []Review{{Rating: 1, CreatedAt: t0}, {Rating: 5, CreatedAt: now}}
	got := DecayedDampedMean(rs, Prior{}, 30*24*time.Hour, now)
	if want := (0.5*1 + 5) / 1.5; math.Abs(got-want) > 1e-12 {
		t.Errorf("DecayedDampedMean = %v, want %v", got, want)
	}
	if got := DecayedDampedMean(rs, Prior{}, 0, now); got != 3 {
		t.Errorf("no decay = %v, want 3", got)
	}
	// The damped target helper agrees with a brute-force search.
	p := Prior{Mean: 3.5, Weight: 7}
	n, err := NeededForDampedTarget(s, p, 4.5, 5)
	if err != nil {
		t.Fatal(err)
	}
	dm := func(x int) float64 { return (15 + 7*3.5 + float64(x)*5) / float64(10+x) }
	if dm(n) < 4.5 || (n > 0 && dm(n-1) >= 4.5) {
		t.Errorf("NeededForDampedTarget = %d: dm(n)=%v dm(n-1)=%v", n, dm(n), dm(n-1))
	}
}

func TestReviewsToOffset(t *testing.T) {
	t.Parallel()
	tests := []struct {
		mean float64
		want int
		err  error
	}{
		{4.6, 9, nil},  // 3.6 / 0.4
		{4.7, 13, nil}, // 3.7 / 0.3 = 12.33
		{4.0, 3, nil},
		{1.0, 0, nil},
		{5.0, 0, ErrUnreachable},
	}
	for _, tt := range tests {
		s := Summary{Count: 100, Mean: tt.mean}
		got, err := ReviewsToOffset(s, 1, 5)
		if !errors.Is(err, tt.err) || got != tt.want {
			t.Errorf("mean %v: got %d, %v; want %d, %v", tt.mean, got, err, tt.want, tt.err)
		}
	}
	if _, err := ReviewsToOffset(Summary{}, 1, 5); !errors.Is(err, ErrUnreachable) {
		t.Errorf("empty summary: %v", err)
	}
}

func TestWilson(t *testing.T) {
	t.Parallel()
	tests := []struct {
		k, n int
		want float64
	}{
		{0, 0, 0},
		{2, 2, 0.3424},    // a perfect record on two reviews is weak evidence
		{90, 100, 0.8256}, // Evan Miller's canonical case
		{0, 10, 0},
		{5, 10, 0.2366},
	}
	for _, tt := range tests {
		if got := WilsonLowerBound(tt.k, tt.n, Z95); math.Abs(got-tt.want) > 5e-4 {
			t.Errorf("Wilson(%d/%d) = %.4f, want %.4f", tt.k, tt.n, got, tt.want)
		}
	}
	if z := ZForConfidence(0.95); math.Abs(z-1.959964) > 1e-6 {
		t.Errorf("z(0.95) = %v", z)
	}
	if !math.IsNaN(ZForConfidence(1)) {
		t.Error("z(1) should be NaN")
	}
	s := Summary{Count: 100, Sum: 450, Mean: 4.5, Distribution: [5]int{5, 0, 5, 20, 70}}
	if got := s.PositiveLowerBound(0.95); math.Abs(got-0.8256) > 5e-4 {
		t.Errorf("PositiveLowerBound = %v", got)
	}
}
