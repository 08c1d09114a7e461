package review

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestResponseStats(t *testing.T) {
	t.Parallel()
	h := time.Hour
	ans := func(rating float64, created time.Time, after time.Duration) Review {
		return Review{Rating: rating, CreatedAt: created, Reply: &Reply{Body: "Thanks", CreatedAt: created.Add(after)}}
	}
	now := t0.Add(100 * h)
	rs := []Review{
		ans(5, t0, 1*h),
		ans(4, t0, 3*h),
		ans(1, t0, 10*h),
		ans(2, t0, 2*h),
		ans(5, t0, -1*h), // reply dated before review: counts as 0
		{Rating: 1, CreatedAt: t0.Add(10 * h)},
		{Rating: 3, CreatedAt: t0.Add(50 * h)},
		{Rating: 5, CreatedAt: t0.Add(20 * h), Reply: &Reply{Body: "  ", CreatedAt: t0}}, // blank reply is no reply
	}
	got := ResponseStats(rs, now)
	want := Responses{
		All: ResponseFigures{Reviews: 8, Answered: 5, Rate: 5.0 / 8, MedianTime: 2 * h, P90Time: 10 * h,
			Unanswered: 3, OldestUnanswered: 90 * h},
		Negative: ResponseFigures{Reviews: 3, Answered: 2, Rate: 2.0 / 3, MedianTime: 6 * h, P90Time: 10 * h,
			Unanswered: 1, OldestUnanswered: 90 * h},
		Neutral: ResponseFigures{Reviews: 1, Unanswered: 1, OldestUnanswered: 50 * h},
		Positive: ResponseFigures{Reviews: 4, Answered: 3, Rate: 0.75, MedianTime: 1 * h, P90Time: 3 * h,
			Unanswered: 1, OldestUnanswered: 80 * h},
	}
	if diff := cmp.Diff(want, got, cmpopts.EquateApprox(0, 1e-12)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if got.Band(BandNeutral) != want.Neutral || got.Band(Band(9)) != (ResponseFigures{}) {
		t.Error("Band accessor")
	}
	if z := ResponseStats(nil, now); z != (Responses{}) {
		t.Errorf("empty input: %+v", z)
	}
}

func TestBandOf(t *testing.T) {
	t.Parallel()
	want := map[float64]Band{0: BandUnrated, 1: BandNegative, 2: BandNegative, 2.5: BandNeutral, 3: BandNeutral, 4: BandPositive, 5: BandPositive, 9: BandUnrated}
	for r, b := range want {
		if got := BandOf(r); got != b {
			t.Errorf("BandOf(%v) = %v, want %v", r, got, b)
		}
	}
}

func TestTrend(t *testing.T) {
	t.Parallel()
	vilnius, err := time.LoadLocation("Europe/Vilnius")
	if err != nil {
		t.Skip("no tzdata:", err)
	}
	at := func(s string, rating float64) Review {
		ts, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return Review{Rating: rating, CreatedAt: ts}
	}
	rs := []Review{
		at("2026-05-31T22:30:00Z", 1), // 01:30 on 1 June in Vilnius
		at("2026-05-10T12:00:00Z", 5),
		at("2026-07-02T12:00:00Z", 4),
		{Rating: 5}, // no date: skipped
	}
	got := Trend(rs, Month, vilnius)
	type row struct {
		Start string
		Count int
		Mean  float64
	}
	var rows []row
	for _, b := range got {
		rows = append(rows, row{b.Start.Format("2006-01-02 MST"), b.Summary.Count, b.Mean()})
	}
	want := []row{{"2026-05-01 EEST", 1, 5}, {"2026-06-01 EEST", 1, 1}, {"2026-07-01 EEST", 1, 4}}
	if diff := cmp.Diff(want, rows); diff != "" {
		t.Errorf("monthly in Vilnius (-want +got):\n%s", diff)
	}
	// In UTC the late-May review stays in May and June is an empty bucket.
	utc := Trend(rs, Month, nil)
	if len(utc) != 3 || utc[0].Summary.Count != 2 || utc[1].Summary.Count != 0 {
		t.Errorf("UTC buckets: %+v", utc)
	}
	// Weeks start on Monday; days follow the calendar.
	wk := Trend([]Review{at("2026-11-22T12:00:00Z", 3), at("2026-11-23T12:00:00Z", 3)}, Week, time.UTC)
	if len(wk) != 2 || wk[1].Start.Weekday() != time.Monday || wk[0].End != wk[1].Start {
		t.Errorf("weeks: %+v", wk)
	}
	days := Trend([]Review{at("2026-03-01T00:00:00Z", 3), at("2026-02-27T23:59:59Z", 3)}, Day, time.UTC)
	if len(days) != 3 || days[1].Start.Day() != 28 {
		t.Errorf("days: %+v", days)
	}
	if Trend(nil, Day, nil) != nil {
		t.Error("empty input gives buckets")
	}
}

func TestDetectDrops(t *testing.T) {
	t.Parallel()
	mk := func(ratings ...float64) Bucket {
		var st Stats
		for _, r := range ratings {
			st.AddRating(r)
		}
		return Bucket{Summary: st.Summary()}
	}
	bs := []Bucket{
		mk(5, 5, 4, 4, 5),
		mk(4, 4, 5, 5, 4, 4),
		mk(),                 // an empty month is skipped in the baseline
		mk(2, 1, 3, 2, 4, 1), // the bad month
		mk(1, 1),             // too few to judge
		mk(5, 4, 5, 4, 5),
	}
	got := DetectDrops(bs, DropOptions{})
	if len(got) != 1 || got[0].Index != 3 {
		t.Fatalf("drops = %+v, want only index 3", got)
	}
	if want := 49.0 / 11; got[0].Baseline != want {
		t.Errorf("baseline = %v, want %v", got[0].Baseline, want)
	}
	if got := DetectDrops(bs, DropOptions{MinDrop: 3}); len(got) != 0 {
		t.Errorf("MinDrop 3 still flags %+v", got)
	}
}
