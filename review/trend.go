package review

import (
	"fmt"
	"time"
)

// Period is the width of a trend bucket.
type Period uint8

// The bucket widths. Weeks start on Monday (ISO 8601).
const (
	Day Period = iota
	Week
	Month
)

// String returns "day", "week" or "month".
func (p Period) String() string {
	switch p {
	case Day:
		return "day"
	case Week:
		return "week"
	case Month:
		return "month"
	}
	return fmt.Sprintf("Period(%d)", uint8(p))
}

// Bucket is one time window of a trend.
type Bucket struct {
	// Start is the first instant of the window in the trend's location;
	// End is the first instant after it.
	Start time.Time `json:"start"`
	End   time.Time `json:"end"`
	// Summary holds the window's reviews.
	Summary Summary `json:"summary"`
}

// Mean returns the mean rating of the bucket's rated reviews (0 when none).
func (b Bucket) Mean() float64 { return b.Summary.Mean }

// NegativeShare returns the share of 1–2★ among the bucket's rated reviews.
func (b Bucket) NegativeShare() float64 { return b.Summary.NegativeShare() }

// Trend buckets rs by CreatedAt into consecutive windows of period p,
// read in loc (nil means UTC): a "day" or "month" is the caller's local one,
// which matters for a shop whose evenings are another day in UTC. The result
// runs from the window of the oldest review to that of the newest with no
// gaps (empty windows have a zero Summary), so a silent month shows as one.
// Reviews with a zero CreatedAt are skipped. Order of rs does not matter.
func Trend(rs []Review, p Period, loc *time.Location) []Bucket {
	if loc == nil {
		loc = time.UTC
	}
	first, last := int64(0), int64(0)
	seen := false
	for i := range rs {
		if rs[i].CreatedAt.IsZero() {
			continue
		}
		k := bucketKey(rs[i].CreatedAt.In(loc), p)
		if !seen || k < first {
			first = k
		}
		if !seen || k > last {
			last = k
		}
		seen = true
	}
	if !seen {
		return nil
	}
	stats := make([]Stats, last-first+1)
	for i := range rs {
		if rs[i].CreatedAt.IsZero() {
			continue
		}
		stats[bucketKey(rs[i].CreatedAt.In(loc), p)-first].Add(rs[i])
	}
	out := make([]Bucket, len(stats))
	for i := range stats {
		start := keyStart(first+int64(i), p, loc)
		out[i] = Bucket{Start: start, End: keyStart(first+int64(i)+1, p, loc), Summary: stats[i].Summary()}
	}
	return out
}

// bucketKey numbers windows consecutively: days and weeks since the civil
// epoch 1970-01-01 (a Thursday), months as year·12 + month.
func bucketKey(t time.Time, p Period) int64 {
	y, m, d := t.Date()
	switch p {
	case Month:
		return int64(y)*12 + int64(m) - 1
	case Week:
		days := civilDays(y, m, d)
		return floorDiv(days+3, 7) // +3: Monday 1969-12-29 starts week 0
	}
	return civilDays(y, m, d)
}

func keyStart(k int64, p Period, loc *time.Location) time.Time {
	switch p {
	case Month:
		return time.Date(int(floorDiv(k, 12)), time.Month(k-floorDiv(k, 12)*12+1), 1, 0, 0, 0, 0, loc)
	case Week:
		return time.Date(1969, time.December, 29+int(k*7), 0, 0, 0, 0, loc)
	}
	return time.Date(1970, time.January, 1+int(k), 0, 0, 0, 0, loc)
}

// civilDays returns the days from 1970-01-01 to y-m-d in the proleptic
// Gregorian calendar, independent of any time zone.
func civilDays(y int, m time.Month, d int) int64 {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

// DropOptions tunes [DetectDrops]. The zero value uses the defaults.
type DropOptions struct {
	// Window is how many earlier non-empty buckets form the rolling mean
	// (default 3).
	Window int
	// MinDrop is how many stars below the rolling mean a bucket's mean must
	// fall to be flagged (default 0.5).
	MinDrop float64
	// MinCount is the fewest rated reviews a bucket needs to be judged
	// (default 5): two bad reviews in a quiet week are not a trend.
	MinCount int
}

// Drop is a bucket whose mean fell against the rolling mean before it.
type Drop struct {
	// Index is the bucket's position in the slice given to DetectDrops.
	Index int `json:"index"`
	// Bucket is that bucket.
	Bucket Bucket `json:"bucket"`
	// Baseline is the rolling mean of the earlier buckets (weighted by
	// their rated counts); Fall is Baseline − the bucket's mean.
	Baseline float64 `json:"baseline"`
	Fall     float64 `json:"fall"`
}

// DetectDrops flags every bucket whose mean is more than MinDrop below the
// review-weighted mean of up to Window earlier non-empty buckets. A bucket
// needs MinCount rated reviews to be judged, and at least one earlier
// non-empty bucket to compare with.
func DetectDrops(bs []Bucket, o DropOptions) []Drop {
	if o.Window <= 0 {
		o.Window = 3
	}
	if o.MinDrop <= 0 {
		o.MinDrop = 0.5
	}
	if o.MinCount <= 0 {
		o.MinCount = 5
	}
	var drops []Drop
	for i, b := range bs {
		if b.Summary.Rated() < o.MinCount {
			continue
		}
		var sum float64
		var n, used int
		for j := i - 1; j >= 0 && used < o.Window; j-- {
			if r := bs[j].Summary.Rated(); r > 0 {
				sum += bs[j].Summary.Total()
				n += r
				used++
			}
		}
		if n == 0 {
			continue
		}
		base := sum / float64(n)
		if fall := base - b.Summary.Mean; fall > o.MinDrop {
			drops = append(drops, Drop{Index: i, Bucket: b, Baseline: base, Fall: fall})
		}
	}
	return drops
}
