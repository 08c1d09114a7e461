package review

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"strconv"
	"time"
)

// ErrUnreachable is returned (wrapped) when a target mean can never be
// reached with the stars offered, e.g. a 5.0 average once any review below
// 5★ exists.
var ErrUnreachable = errors.New("review: target cannot be reached")

// ErrOutOfRange is returned (wrapped) when a star value or a target lies
// outside the 1–5 star scale.
var ErrOutOfRange = errors.New("review: value outside 1–5 stars")

// NeededForTarget returns how many new reviews of stars each lift the plain
// mean of s to at least target: the exact smallest integer x with
//
//	(Total + x·stars) / (Rated + x) ≥ target,
//
// that is x = ⌈(target·n − Total) / (stars − target)⌉, computed in exact
// rational arithmetic from the shortest decimal form of each float (so
// 4.7 means 47/10, not the nearest binary fraction) — n reaches the target
// and n−1 does not. It returns 0 when s already meets the target, and an
// error wrapping [ErrOutOfRange] when target or stars is outside 1–5, or
// [ErrUnreachable] when stars ≤ target and the mean is below it.
//
// target is the raw mean. A platform that displays the mean rounded (to one
// decimal, or to half stars) shows a target of 4.5 once the raw mean
// reaches 4.45 or 4.25 respectively: pass that lower raw value if the
// displayed figure is what matters.
func NeededForTarget(s Summary, target, stars float64) (int, error) {
	if err := checkStars("target", target); err != nil {
		return 0, err
	}
	if err := checkStars("stars", stars); err != nil {
		return 0, err
	}
	n := new(big.Rat).SetInt64(int64(s.Rated()))
	return needed(n, ratOf(s.Total()), ratOf(target), ratOf(stars))
}

// Prior is the prior of a damped (Bayesian) average: Weight pseudo-reviews
// of Mean stars added to every calculation, so that a product with three
// 5★ reviews does not outrank one with three hundred at 4.8.
type Prior struct {
	// Mean is the prior mean C in stars (1–5), typically the shop's or the
	// category's overall mean.
	Mean float64
	// Weight is the number of pseudo-reviews m (≥ 0). 0 gives the plain mean.
	Weight float64
}

// TrustpilotPrior is the prior Trustpilot documents for its TrustScore: the
// value of 7 reviews worth 3.5 stars. Repute applies no recency decay by
// default and does not claim to reproduce TrustScore exactly.
var TrustpilotPrior = Prior{Mean: 3.5, Weight: 7}

// DampedMean returns the Bayesian average (IMDb form)
//
//	(Total + m·C) / (n + m)
//
// with n rated reviews, m = p.Weight and C = p.Mean. It returns 0 when
// n + m is 0.
func DampedMean(s Summary, p Prior) float64 {
	den := float64(s.Rated()) + p.Weight
	if den <= 0 {
		return 0
	}
	return (s.Total() + p.Weight*p.Mean) / den
}

// DecayedDampedMean is [DampedMean] with each review weighted by its age at
// now: a review halfLife old counts half, one 2·halfLife old a quarter.
// halfLife ≤ 0 turns decay off. Unrated reviews are skipped; reviews dated
// after now count fully.
func DecayedDampedMean(rs []Review, p Prior, halfLife time.Duration, now time.Time) float64 {
	var w, sum float64
	for i := range rs {
		if starIndex(rs[i].Rating) == 0 {
			continue
		}
		wi := 1.0
		if age := now.Sub(rs[i].CreatedAt); halfLife > 0 && age > 0 {
			wi = math.Exp2(-float64(age) / float64(halfLife))
		}
		w += wi
		sum += wi * rs[i].Rating
	}
	den := w + p.Weight
	if den <= 0 {
		return 0
	}
	return (sum + p.Weight*p.Mean) / den
}

// NeededForDampedTarget is [NeededForTarget] for the damped mean: the
// smallest x with (Total + m·C + x·stars) / (n + m + x) ≥ target, i.e.
// x = ⌈(target·(n + m) − (Total + m·C)) / (stars − target)⌉.
func NeededForDampedTarget(s Summary, p Prior, target, stars float64) (int, error) {
	if err := checkStars("target", target); err != nil {
		return 0, err
	}
	if err := checkStars("stars", stars); err != nil {
		return 0, err
	}
	if p.Weight < 0 || math.IsNaN(p.Weight) || math.IsInf(p.Weight, 0) {
		return 0, fmt.Errorf("review: prior weight %v must be a finite number ≥ 0", p.Weight)
	}
	m := ratOf(p.Weight)
	n := new(big.Rat).Add(new(big.Rat).SetInt64(int64(s.Rated())), m)
	total := new(big.Rat).Add(ratOf(s.Total()), new(big.Rat).Mul(m, ratOf(p.Mean)))
	return needed(n, total, ratOf(target), ratOf(stars))
}

// ReviewsToOffset answers "how many good reviews make up for one bad one":
// after one more review of bad stars, the smallest number of reviews of
// good stars that brings the plain mean back to at least where it is now.
// The answer is ⌈(A − bad) / (good − A)⌉ for the current mean A, so it
// grows steeply as A nears good: at a 4.6 average one 1★ review takes 9
// five-star reviews to offset, at 4.7 it takes 13 — the folk rule "one bad
// review needs 10–12 good ones" holds for averages between about
// 4.64 and 4.69. It returns 0 when
// bad ≥ A, and an error wrapping [ErrUnreachable] when good ≤ A (at a 5.0
// average nothing offsets a lower review) or when s has no rated review.
func ReviewsToOffset(s Summary, bad, good float64) (int, error) {
	if err := checkStars("bad", bad); err != nil {
		return 0, err
	}
	if err := checkStars("good", good); err != nil {
		return 0, err
	}
	if s.Rated() <= 0 {
		return 0, fmt.Errorf("%w: no rated reviews to hold a mean", ErrUnreachable)
	}
	n := new(big.Rat).SetInt64(int64(s.Rated()))
	total := ratOf(s.Total())
	mean := new(big.Rat).Quo(total, n)
	n.Add(n, big.NewRat(1, 1))
	total.Add(total, ratOf(bad))
	return needed(n, total, mean, ratOf(good))
}

// needed returns the smallest x ≥ 0 with (total + x·stars)/(n + x) ≥ target.
func needed(n, total, target, stars *big.Rat) (int, error) {
	if n.Sign() > 0 {
		mean := new(big.Rat).Quo(total, n)
		if mean.Cmp(target) >= 0 {
			return 0, nil
		}
	}
	if stars.Cmp(target) <= 0 {
		return 0, fmt.Errorf("%w: reviews of %s★ never lift the mean to %s",
			ErrUnreachable, stars.FloatString(2), target.FloatString(2))
	}
	// x ≥ (target·n − total) / (stars − target)
	num := new(big.Rat).Sub(new(big.Rat).Mul(target, n), total)
	x := new(big.Rat).Quo(num, new(big.Rat).Sub(stars, target))
	q, r := new(big.Int).QuoRem(x.Num(), x.Denom(), new(big.Int))
	if r.Sign() > 0 {
		q.Add(q, big.NewInt(1))
	}
	if n.Sign() == 0 && q.Sign() == 0 {
		q.SetInt64(1) // no reviews yet: one is needed to have a mean at all
	}
	if !q.IsInt64() || q.Int64() > math.MaxInt32*int64(1<<20) {
		return 0, fmt.Errorf("%w: more than %d reviews needed", ErrUnreachable, int64(math.MaxInt32)<<20)
	}
	return int(q.Int64()), nil
}

func checkStars(name string, v float64) error {
	if !(v >= 1 && v <= 5) {
		return fmt.Errorf("%w: %s = %v", ErrOutOfRange, name, v)
	}
	return nil
}

// ratOf converts x exactly as its shortest decimal representation reads.
func ratOf(x float64) *big.Rat {
	r, ok := new(big.Rat).SetString(strconv.FormatFloat(x, 'g', -1, 64))
	if !ok { // NaN or Inf never reach here: callers check ranges first
		return new(big.Rat)
	}
	return r
}

// Z95 is the standard normal quantile for a two-sided 95 % interval.
const Z95 = 1.959963984540054

// ZForConfidence returns the z value of a two-sided interval at the given
// confidence (0 < c < 1): √2·erf⁻¹(c); 0.95 → 1.96, 0.99 → 2.576. Values
// outside (0, 1) return NaN.
func ZForConfidence(c float64) float64 {
	if !(c > 0 && c < 1) {
		return math.NaN()
	}
	return math.Sqrt2 * math.Erfinv(c)
}

// WilsonLowerBound returns the lower bound of the Wilson score interval for
// a share of positive out of total at normal quantile z (use [Z95] or
// [ZForConfidence]):
//
//	(p̂ + z²/2n − z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n),  p̂ = positive/n.
//
// It returns 0 when total ≤ 0, and clamps positive into [0, total]. Ranking
// by this bound (Evan Miller, "How Not To Sort By Average Rating") puts a
// product with 90 good reviews of 100 above one with 2 of 2.
func WilsonLowerBound(positive, total int, z float64) float64 {
	if total <= 0 {
		return 0
	}
	positive = max(0, min(positive, total))
	n := float64(total)
	p := float64(positive) / n
	z2 := z * z
	lo := (p + z2/(2*n) - z*math.Sqrt(p*(1-p)/n+z2/(4*n*n))) / (1 + z2/n)
	return max(0, lo)
}

// PositiveLowerBound returns the Wilson lower bound of the share of rated
// reviews with 4–5★ at the given two-sided confidence (e.g. 0.95).
func (s Summary) PositiveLowerBound(confidence float64) float64 {
	return WilsonLowerBound(s.PositiveCount(), s.Rated(), ZForConfidence(confidence))
}
