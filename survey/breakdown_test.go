package survey

import (
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestBreakdown(t *testing.T) {
	t.Parallel()
	s := postDelivery()
	at := time.Date(2026, 3, 30, 23, 30, 0, 0, time.UTC) // Monday 31 March in Vilnius
	mk := func(id, product, channel string, nps int, when time.Time) Response {
		return Response{ID: id, ProductID: product, Channel: channel, SubmittedAt: when, Answers: map[string]Answer{"nps": ScoreAnswer(nps)}}
	}
	rs := []Response{
		mk("1", "hat", "email", 10, at),
		mk("2", "hat", "sms", 0, at),
		mk("3", "shoe", "email", 9, at.Add(-48*time.Hour)),
		mk("4", "shoe", "email", 8, at.Add(-48*time.Hour)),
		{ID: "5", ProductID: "shoe", Answers: map[string]Answer{"csat": ScoreAnswer(5)}}, // no NPS answer
		mk("6", "shoe", "web", 12, at),                                                   // out of range: skipped
	}
	got, err := Breakdown(s, "nps", slices.Values(rs), ByProduct)
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		Key        string
		N, Skipped int
		Score      float64
	}
	var rows []row
	for _, g := range got {
		rows = append(rows, row{g.Key, g.Result.N, g.Skipped, g.Result.Score})
	}
	want := []row{{"hat", 2, 0, 0}, {"shoe", 2, 1, 50}}
	if diff := cmp.Diff(want, rows); diff != "" {
		t.Errorf("by product (-want +got):\n%s", diff)
	}
	vilnius := mustLoc(t, "Europe/Vilnius")
	for _, tc := range []struct {
		by   Segmenter
		keys []string
	}{
		{ByChannel, []string{"email", "sms", "web"}},
		{ByDay(vilnius), []string{"2026-03-29", "2026-03-31"}},
		{ByDay(nil), []string{"2026-03-28", "2026-03-30"}},
		{ByWeek(vilnius), []string{"2026-W13", "2026-W14"}},
		{ByMonth(nil), []string{"2026-03"}},
		{nil, []string{""}},
	} {
		segs, err := Breakdown(s, "nps", slices.Values(rs), tc.by)
		if err != nil {
			t.Fatal(err)
		}
		var keys []string
		for _, g := range segs {
			keys = append(keys, g.Key)
		}
		if diff := cmp.Diff(tc.keys, keys); diff != "" {
			t.Errorf("keys (-want +got):\n%s", diff)
		}
	}
	if _, err := Breakdown(s, "nope", slices.Values(rs), nil); err == nil {
		t.Error("unknown question: no error")
	}
	if _, err := Breakdown(s, "other", slices.Values(rs), nil); err == nil {
		t.Error("open question: no error")
	}
}

// BenchmarkBreakdown scores 1,000,000 responses per iteration by product
// (10 segments); the only allocations are per segment, not per response.
func BenchmarkBreakdown(b *testing.B) {
	s := postDelivery()
	pool := make([]Response, 1000)
	for i := range pool {
		pool[i] = Response{ProductID: "p" + string(rune('0'+i%10)), Answers: map[string]Answer{"nps": ScoreAnswer(i % 11)}}
	}
	all := func(yield func(Response) bool) {
		for i := range 1_000_000 {
			if !yield(pool[i%len(pool)]) {
				return
			}
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		segs, err := Breakdown(s, "nps", all, ByProduct)
		if err != nil || len(segs) != 10 {
			b.Fatal(err, len(segs))
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/1e6, "ns/response")
}

func TestScoreAll(t *testing.T) {
	t.Parallel()
	s := postDelivery()
	rs := []Response{
		{Answers: map[string]Answer{"nps": ScoreAnswer(10), "csat": ScoreAnswer(5)}},
		{Answers: map[string]Answer{"nps": ScoreAnswer(0), "csat": ScoreAnswer(3)}},
		{Answers: map[string]Answer{"nps": ScoreAnswer(9), "csat": TextAnswer("five")}},
	}
	got := ScoreAll(s, slices.Values(rs))
	type row struct {
		Q          string
		N, Skipped int
		Score      float64
	}
	var rows []row
	for _, g := range got {
		rows = append(rows, row{g.Question, g.Result.N, g.Skipped, g.Result.Score})
	}
	if diff := cmp.Diff([]row{{"nps", 3, 0, 100.0 / 3}, {"csat", 2, 1, 50}}, rows); diff != "" {
		t.Errorf("ScoreAll (-want +got):\n%s", diff)
	}
}
