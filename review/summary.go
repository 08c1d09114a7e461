package review

// Summary is the star arithmetic of a set of reviews: how many, how many
// rated, their mean and their distribution over whole stars.
//
// A Summary is plain data. [Summarize] and [Stats.Summary] fill every field;
// a hand-written literal that sets only Count and Mean (for example "50
// reviews averaging 4.3") is also accepted by [NeededForTarget] and the
// other helpers here, which then treat all Count reviews as rated.
type Summary struct {
	// Count is the number of reviews summarised, rated or not.
	Count int `json:"count"`
	// Unrated is how many of them carry no star rating (Rating 0).
	Unrated int `json:"unrated"`
	// Sum is the total of the star ratings of the rated reviews. For whole
	// and half stars it is exact.
	Sum float64 `json:"sum"`
	// Mean is Sum divided by the number of rated reviews (0 when none).
	Mean float64 `json:"mean"`
	// Distribution counts rated reviews by star, index 0 = 1★ … 4 = 5★.
	// A fractional rating counts under its nearest star, halves rounding up
	// (4.5 counts as 5★).
	Distribution [5]int `json:"distribution"`
}

// Rated returns the number of reviews with a star rating: Count − Unrated.
func (s Summary) Rated() int { return s.Count - s.Unrated }

// Total returns the sum of the star ratings. It is Sum when set; for a
// literal that gives only Count and Mean it is Mean × Rated, rounded to the
// nearest hundredth of a star, which removes the floating-point noise of
// the product (4.3 × 50 is 214.99999999999997 in float64) without changing
// any total that a real set of whole- or half-star ratings can have.
func (s Summary) Total() float64 {
	if s.Sum != 0 || s.Rated() == 0 {
		return s.Sum
	}
	return roundTo(s.Mean*float64(s.Rated()), 100)
}

// NegativeShare returns the share of rated reviews with 1 or 2 stars, 0..1.
func (s Summary) NegativeShare() float64 {
	if s.Rated() <= 0 {
		return 0
	}
	return float64(s.Distribution[0]+s.Distribution[1]) / float64(s.Rated())
}

// PositiveCount returns how many rated reviews have 4 or 5 stars.
func (s Summary) PositiveCount() int { return s.Distribution[3] + s.Distribution[4] }

// Summarize returns the [Summary] of rs. It is the slice form of [Stats].
func Summarize(rs []Review) Summary {
	var st Stats
	for i := range rs {
		st.Add(rs[i])
	}
	return st.Summary()
}

// Stats accumulates a [Summary] one review at a time in constant memory,
// so any stream or iterator can feed it. Stats of parts can be combined
// with [Stats.Merge] for parallel aggregation.
//
// The zero value is an empty Stats ready to use. A Stats is not safe for
// concurrent use; give each goroutine its own and Merge them.
type Stats struct {
	count, unrated int
	sum            float64
	dist           [5]int
}

// Add counts one review. A rating outside 1–5 (other than 0, unrated) is
// counted as unrated: it cannot be placed on the star scale, and
// [Review.Validate] reports it.
func (st *Stats) Add(rv Review) { st.AddRating(rv.Rating) }

// AddRating counts one review given only its rating (0 = unrated).
func (st *Stats) AddRating(rating float64) {
	st.count++
	i := starIndex(rating)
	if i == 0 {
		st.unrated++
		return
	}
	st.sum += rating
	st.dist[i-1]++
}

// Merge adds the counts of o to st.
func (st *Stats) Merge(o Stats) {
	st.count += o.count
	st.unrated += o.unrated
	st.sum += o.sum
	for i := range st.dist {
		st.dist[i] += o.dist[i]
	}
}

// Summary returns the Summary of everything added so far.
func (st *Stats) Summary() Summary {
	s := Summary{Count: st.count, Unrated: st.unrated, Sum: st.sum, Distribution: st.dist}
	if r := st.count - st.unrated; r > 0 {
		s.Mean = st.sum / float64(r)
	}
	return s
}

func roundTo(x float64, per float64) float64 {
	if x < 0 {
		return -roundTo(-x, per)
	}
	return float64(int64(x*per+0.5)) / per
}
