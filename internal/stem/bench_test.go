package stem

import "testing"

// Benchmark words: frequent review words, short and long, with and without
// endings. The "prefix" sets hold words whose stem is a prefix of the word
// (0 allocations expected); the "rewrite" sets hold words whose stem must be
// rewritten (ё→е, č→t, Porter2's y→i or restored e), one allocation each.
var (
	benchRU = []string{"доставка", "понравилось", "ужасного", "качественный",
		"заказали", "магазин", "благодарность", "рекомендую", "деньги", "пришла"}
	benchRURewrite = []string{"пришёл", "ещё", "всё", "её"}
	benchLT        = []string{"pristatymas", "atsiprašome", "kokybiška", "greitai",
		"labai", "patiko", "siuntinys", "rekomenduoju", "kurjeris", "nepirkite"}
	benchLTRewrite = []string{"greičiau", "aciu", "ačiū", "savaičių"}
	benchEN        = []string{"disappointed", "arrived", "customers", "terrible",
		"quickly", "packaging", "refund", "hopefulness", "great", "broken"}
	benchENRewrite = []string{"delivery", "happy", "hoping", "cries"}
)

func benchStem(b *testing.B, fn func(string) string, words []string) {
	b.ReportAllocs()
	var n int
	for _, w := range words {
		n += len(w)
	}
	b.SetBytes(int64(n))
	for b.Loop() {
		for _, w := range words {
			_ = fn(w)
		}
	}
}

func BenchmarkRussian(b *testing.B) {
	b.Run("prefix", func(b *testing.B) { benchStem(b, Russian, benchRU) })
	b.Run("rewrite", func(b *testing.B) { benchStem(b, Russian, benchRURewrite) })
}

func BenchmarkLithuanian(b *testing.B) {
	b.Run("prefix", func(b *testing.B) { benchStem(b, Lithuanian, benchLT) })
	b.Run("rewrite", func(b *testing.B) { benchStem(b, Lithuanian, benchLTRewrite) })
}

func BenchmarkEnglish(b *testing.B) {
	b.Run("prefix", func(b *testing.B) { benchStem(b, English, benchEN) })
	b.Run("rewrite", func(b *testing.B) { benchStem(b, English, benchENRewrite) })
}
