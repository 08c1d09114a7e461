package sentiment

import (
	"strings"
	"testing"
)

var benchTexts = map[string]string{
	"short": "Great product, but the delivery was late!",
	"en":    "The jacket fits perfectly and the colour is exactly as pictured, but the parcel arrived a week late and support never replied to my emails.",
	"ru":    "Куртка села идеально, цвет как на фото, но посылка пришла на неделю позже, а поддержка так и не ответила на мои письма.",
	"lt":    "Striukė tiko puikiai, spalva kaip nuotraukoje, bet siuntinys atėjo savaite vėliau, o pagalba taip ir neatsakė į laiškus.",
}

// benchKB is about 1 KB of mixed review text.
var benchKB = strings.Repeat(benchTexts["en"]+" ", 8)[:1000]

func benchAnalyze(b *testing.B, text string) {
	a := New()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		_ = a.Analyze(text)
	}
}

// BenchmarkAnalyzeIntoEN is BenchmarkAnalyzeEN reusing one Score.
func BenchmarkAnalyzeIntoEN(b *testing.B) {
	a := New()
	text := benchTexts["en"]
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	var s Score
	for b.Loop() {
		a.AnalyzeInto(&s, text)
	}
}

// raceEnabled is set by race_test.go under the race detector.
var raceEnabled bool

func BenchmarkAnalyzeShort(b *testing.B) { benchAnalyze(b, benchTexts["short"]) }
func BenchmarkAnalyze1KB(b *testing.B)   { benchAnalyze(b, benchKB) }
func BenchmarkAnalyzeEN(b *testing.B)    { benchAnalyze(b, benchTexts["en"]) }
func BenchmarkAnalyzeRU(b *testing.B)    { benchAnalyze(b, benchTexts["ru"]) }
func BenchmarkAnalyzeLT(b *testing.B)    { benchAnalyze(b, benchTexts["lt"]) }

// BenchmarkAnalyzeLongRun is 100 KB without punctuation, full of aspect
// terms and sentiment words: it must stay linear.
func BenchmarkAnalyzeLongRun(b *testing.B) {
	benchAnalyze(b, strings.Repeat("delivery great price terrible thanks still waiting ", 2000))
}

func BenchmarkAnalyzeParallel(b *testing.B) {
	a := New()
	text := benchTexts["en"]
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			_ = a.Analyze(text)
		}
	})
}

func BenchmarkToxicity(b *testing.B) {
	a := New()
	b.ReportAllocs()
	for b.Loop() {
		_ = a.Toxicity(benchTexts["en"])
	}
}

func BenchmarkDetectLang(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_ = DetectLang(benchTexts["lt"])
	}
}

// TestAnalyzeAllocs pins the allocation budget: at most one allocation per
// Analyze for a text under 1 KB once the word cache is warm.
func TestAnalyzeAllocs(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("allocation counts are not meaningful with -race (sync.Pool drops items) or needed in -short mode")
	}
	a := New()
	texts := map[string]string{"1KB": benchKB}
	for k, v := range benchTexts {
		texts[k] = v
	}
	for name, text := range texts {
		_ = a.Analyze(text) // warm the pooled scratch and its word cache
		got := testing.AllocsPerRun(50, func() { _ = a.Analyze(text) })
		if got > 1 {
			t.Errorf("%s: %.1f allocations per Analyze, want <= 1", name, got)
		}
	}
}
