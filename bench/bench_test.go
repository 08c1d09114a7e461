package bench

import (
	"sync/atomic"
	"testing"

	"github.com/jonreiter/govader"
	"github.com/reputekit/repute/sentiment"
)

// amazonTexts loads the Amazon snippets, skipping the benchmark without them.
func amazonTexts(b *testing.B) []string {
	b.Helper()
	files, err := Load(DefaultDataDir)
	if err != nil {
		b.Skipf("evaluation data not available: %v", err)
	}
	for _, f := range files {
		if f.Name == "en_vader_amazon" {
			texts := make([]string, len(f.Items))
			for i, it := range f.Items {
				texts[i] = it.Text
			}
			return texts
		}
	}
	b.Skip("en_vader_amazon.jsonl not found")
	return nil
}

// BenchmarkAmazon scores the Amazon snippets one after another; ns/op is per
// text, so texts/s = 1e9 / ns/op.
func BenchmarkAmazon(b *testing.B) {
	texts := amazonTexts(b)
	b.Run("repute", func(b *testing.B) {
		a := sentiment.New()
		i := 0
		for b.Loop() {
			_ = a.Analyze(texts[i%len(texts)])
			i++
		}
	})
	b.Run("repute-into", func(b *testing.B) {
		// AnalyzeInto, one Score reused: no allocation per text.
		a := sentiment.New()
		var s sentiment.Score
		i := 0
		for b.Loop() {
			a.AnalyzeInto(&s, texts[i%len(texts)])
			i++
		}
	})
	b.Run("govader", func(b *testing.B) {
		v := govader.NewSentimentIntensityAnalyzer()
		i := 0
		for b.Loop() {
			_ = v.PolarityScores(texts[i%len(texts)])
			i++
		}
	})
}

// BenchmarkAmazonParallel shows how Analyze scales with GOMAXPROCS.
func BenchmarkAmazonParallel(b *testing.B) {
	texts := amazonTexts(b)
	a := sentiment.New()
	var next atomic.Int64
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			i := next.Add(1)
			_ = a.Analyze(texts[int(i)%len(texts)])
		}
	})
}
