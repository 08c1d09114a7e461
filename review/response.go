package review

import (
	"slices"
	"time"
)

// Band groups reviews by rating for response figures and reply policies.
type Band uint8

// The rating bands. Fractional ratings fall in the band of their nearest
// whole star.
const (
	// BandUnrated holds reviews without stars.
	BandUnrated Band = iota
	// BandNegative holds 1–2★ reviews.
	BandNegative
	// BandNeutral holds 3★ reviews.
	BandNeutral
	// BandPositive holds 4–5★ reviews.
	BandPositive
)

var bandNames = [...]string{"unrated", "negative", "neutral", "positive"}

// String returns "unrated", "negative", "neutral" or "positive".
func (b Band) String() string {
	if int(b) < len(bandNames) {
		return bandNames[b]
	}
	return "Band(?)"
}

// BandOf returns the band of a rating.
func BandOf(rating float64) Band {
	switch starIndex(rating) {
	case 0:
		return BandUnrated
	case 1, 2:
		return BandNegative
	case 3:
		return BandNeutral
	}
	return BandPositive
}

// ResponseFigures describes how a business answers its reviews.
//
// Conventions (see metrics-and-policies §2.7): the rate counts reviews with
// a non-empty reply among all reviews, attributed to the review's creation
// date, so extra replies do not change it. Time to reply is the reply's
// CreatedAt minus the review's CreatedAt (a reply dated before its review,
// which only broken data produces, counts as 0). The median of an even
// number of times is the mean of the two middle ones; the 90th percentile is
// the nearest-rank value (the ⌈0.9·n⌉-th smallest).
type ResponseFigures struct {
	Reviews  int     `json:"reviews"`
	Answered int     `json:"answered"`
	Rate     float64 `json:"rate"` // Answered / Reviews, 0..1; 0 when no reviews
	// MedianTime and P90Time are the median and 90th-percentile time to
	// first reply over answered reviews; 0 when none is answered.
	MedianTime time.Duration `json:"median_time"`
	P90Time    time.Duration `json:"p90_time"`
	// Unanswered is Reviews − Answered; OldestUnanswered is the age at the
	// given moment of the oldest review still without a reply (0 when none).
	Unanswered       int           `json:"unanswered"`
	OldestUnanswered time.Duration `json:"oldest_unanswered"`
}

// Responses holds [ResponseFigures] overall and per rating band.
type Responses struct {
	All      ResponseFigures `json:"all"`
	Negative ResponseFigures `json:"negative"` // 1–2★
	Neutral  ResponseFigures `json:"neutral"`  // 3★
	Positive ResponseFigures `json:"positive"` // 4–5★
	Unrated  ResponseFigures `json:"unrated"`
}

// Band returns the figures for one band.
func (r Responses) Band(b Band) ResponseFigures {
	switch b {
	case BandNegative:
		return r.Negative
	case BandNeutral:
		return r.Neutral
	case BandPositive:
		return r.Positive
	case BandUnrated:
		return r.Unrated
	}
	return ResponseFigures{}
}

// ResponseStats computes response figures for rs as seen at now (the
// moment unanswered ages are measured at).
func ResponseStats(rs []Review, now time.Time) Responses {
	all := newRespAcc(len(rs))
	var bands [len(bandNames)]respAcc
	for i := range rs {
		b := BandOf(rs[i].Rating)
		all.add(&rs[i], now)
		bands[b].add(&rs[i], now)
	}
	return Responses{
		All:      all.figures(),
		Negative: bands[BandNegative].figures(),
		Neutral:  bands[BandNeutral].figures(),
		Positive: bands[BandPositive].figures(),
		Unrated:  bands[BandUnrated].figures(),
	}
}

type respAcc struct {
	n, answered int
	times       []time.Duration
	oldest      time.Duration
}

func newRespAcc(capacity int) respAcc { return respAcc{times: make([]time.Duration, 0, capacity)} }

func (a *respAcc) add(rv *Review, now time.Time) {
	a.n++
	if rv.Answered() {
		a.answered++
		a.times = append(a.times, max(0, rv.Reply.CreatedAt.Sub(rv.CreatedAt)))
		return
	}
	if age := now.Sub(rv.CreatedAt); age > a.oldest {
		a.oldest = age
	}
}

func (a *respAcc) figures() ResponseFigures {
	f := ResponseFigures{Reviews: a.n, Answered: a.answered, Unanswered: a.n - a.answered, OldestUnanswered: a.oldest}
	if a.n > 0 {
		f.Rate = float64(a.answered) / float64(a.n)
	}
	if k := len(a.times); k > 0 {
		slices.Sort(a.times)
		if k%2 == 1 {
			f.MedianTime = a.times[k/2]
		} else {
			f.MedianTime = (a.times[k/2-1] + a.times[k/2]) / 2
		}
		rank := (9*k + 9) / 10 // ⌈0.9·k⌉
		f.P90Time = a.times[rank-1]
	}
	return f
}
