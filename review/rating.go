package review

import (
	"fmt"
	"math"
	"strings"
)

// FromTen maps a rating on a 1–10 scale (as some shop platforms and older
// Trustpilot exports send it) onto 1–5 stars by halving, so 10 → 5, 9 → 4.5,
// 2 → 1 and 1 → 0.5 clamped up to 1. Halving keeps the mean exactly
// proportional, which is what the star arithmetic in this package needs; a
// linear 1–10 → 1–5 map (1 + (x−1)·4/9) would give awkward ninths. 0 stays 0
// (unrated). Values outside 0–10 are an error.
func FromTen(x float64) (float64, error) {
	if x == 0 {
		return 0, nil
	}
	if !(x >= 1 && x <= 10) {
		return 0, fmt.Errorf("review: rating %v is outside 1–10", x)
	}
	return math.Max(1, x/2), nil
}

// FromWord maps the enum words that Google Business Profile sends
// ("ONE".."FIVE", any case) to 1–5 stars. "STAR_RATING_UNSPECIFIED" and the
// empty string map to 0 (unrated). Anything else is an error.
func FromWord(w string) (float64, error) {
	switch strings.ToUpper(strings.TrimSpace(w)) {
	case "ONE":
		return 1, nil
	case "TWO":
		return 2, nil
	case "THREE":
		return 3, nil
	case "FOUR":
		return 4, nil
	case "FIVE":
		return 5, nil
	case "", "STAR_RATING_UNSPECIFIED":
		return 0, nil
	}
	return 0, fmt.Errorf("review: unknown star word %q", w)
}

// Recommendation-style ratings (Facebook's "recommends / doesn't recommend")
// map onto the ends of the star scale.
const (
	// RecommendStars is the rating given to "recommends": 5, since a
	// recommendation is the strongest praise the platform allows.
	RecommendStars = 5.0
	// NotRecommendStars is the rating given to "doesn't recommend": 1, since
	// a platform that offers only two answers cannot tell a mild complaint
	// from a furious one, and treating every "no" as a complaint makes
	// triage answer it within the negative-review deadline.
	NotRecommendStars = 1.0
)

// FromRecommendation maps a binary recommendation to stars:
// true → [RecommendStars] (5), false → [NotRecommendStars] (1).
func FromRecommendation(recommends bool) float64 {
	if recommends {
		return RecommendStars
	}
	return NotRecommendStars
}
