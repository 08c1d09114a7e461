package review

import (
	"math/rand/v2"
	"testing"
	"time"
)

func benchReviews(n int) []Review {
	rng := rand.New(rand.NewPCG(7, 8))
	rs := make([]Review, n)
	for i := range rs {
		rs[i] = Review{
			Rating:    float64(1 + rng.IntN(5)),
			CreatedAt: t0.Add(time.Duration(rng.IntN(180*24)) * time.Hour),
		}
	}
	return rs
}

func BenchmarkStatsAdd(b *testing.B) {
	rv := Review{Rating: 4, CreatedAt: t0}
	var st Stats
	for b.Loop() {
		st.Add(rv)
	}
	if st.Summary().Count == 0 {
		b.Fatal("nothing counted")
	}
}

func BenchmarkSummarize1M(b *testing.B) {
	rs := benchReviews(1_000_000)
	b.ResetTimer()
	for b.Loop() {
		_ = Summarize(rs)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/1e6, "ns/review")
}

func BenchmarkTrendMonth1M(b *testing.B) {
	rs := benchReviews(1_000_000)
	loc, err := time.LoadLocation("Europe/Vilnius")
	if err != nil {
		loc = time.UTC
	}
	b.ResetTimer()
	for b.Loop() {
		_ = Trend(rs, Month, loc)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/1e6, "ns/review")
}

func BenchmarkTrendDay1M(b *testing.B) {
	rs := benchReviews(1_000_000)
	b.ResetTimer()
	for b.Loop() {
		_ = Trend(rs, Day, time.UTC)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/1e6, "ns/review")
}

func BenchmarkResponseStats100k(b *testing.B) {
	rs := benchReviews(100_000)
	for i := range rs {
		if i%2 == 0 {
			rs[i].Reply = &Reply{Body: "thanks", CreatedAt: rs[i].CreatedAt.Add(time.Duration(i%97) * time.Hour)}
		}
	}
	b.ResetTimer()
	for b.Loop() {
		_ = ResponseStats(rs, t0.Add(200*24*time.Hour))
	}
}
