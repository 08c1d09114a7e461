package stem

import "testing"

// Benchmark words: a mix of short and long forms with and without endings.
var (
	benchRU = []string{"доставка", "понравилось", "ужасного", "качественный",
		"заказали", "магазин", "благодарность", "рекомендую", "деньги", "пришёл"}
	benchLT = []string{"pristatymas", "atsiprašome", "kokybiška", "greičiau",
		"labai", "patiko", "siuntinys", "rekomenduoju", "kurjeris", "aciu"}
	benchEN = []string{"delivery", "disappointed", "arrived", "customers",
		"terrible", "quickly", "packaging", "refund", "hopefulness", "great"}
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

func BenchmarkRussian(b *testing.B)    { benchStem(b, Russian, benchRU) }
func BenchmarkLithuanian(b *testing.B) { benchStem(b, Lithuanian, benchLT) }
func BenchmarkEnglish(b *testing.B)    { benchStem(b, English, benchEN) }
