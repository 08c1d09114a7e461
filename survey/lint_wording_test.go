package survey

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestLintWordingCorpus runs the wording rules over typical survey questions
// in the three languages: neutral ones must pass, leading and
// double-barreled ones must be caught with the right span.
func TestLintWordingCorpus(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text, rule, span string
	}{
		{"How easy was it to find what you were looking for?", "", ""},
		{"How would you rate the quality of the product you received?", "", ""},
		{"What is the main reason for your score?", "", ""},
		{"Overall, how satisfied are you with your purchase?", "", ""},
		{"Is there anything else you'd like to share with us?", "", ""},
		{"Please tell us about your experience with our customer service team.", "", ""},
		{"How well did the product match its description?", "", ""},
		{"Как вы оцениваете качество товара?", "", ""},
		{"Насколько легко было оформить заказ?", "", ""},
		{"Насколько вы довольны покупкой в целом?", "", ""},
		{"Пришёл ли заказ вовремя?", "", ""},
		{"Kodėl skyrėte tokį įvertinimą?", "", ""},
		{"Kiek lengva buvo rasti tai, ko ieškojote?", "", ""},
		{"Ką galėtume padaryti geriau?", "", ""},
		{"Kiek esate patenkinti pirkiniu?", "", ""},

		{"How amazing was your experience?", "leading-question", "How amazing"},
		{"How happy were you with our quick delivery?", "leading-question", "How happy were you with our"},
		{"Wouldn't you agree that our prices are fair?", "leading-question", "Wouldn't you agree"},
		{"How satisfied were you with our helpful support team?", "leading-question", "our helpful"},
		{"Rate our award-winning customer service.", "leading-question", "our award-winning"},
		{"Как сильно вам понравился наш новый сайт?", "leading-question", "Как сильно вам понравился"},
		{"Оцените нашу замечательную доставку.", "leading-question", "нашу замечательную"},
		{"Вы ведь остались довольны?", "leading-question", "Вы ведь"},
		{"Kaip vertinate mūsų nuostabų pristatymą?", "leading-question", "mūsų nuostabų"},
		{"Ar nesutinkate, kad kainos geros?", "leading-question", "Ar nesutinkate"},
		{"Juk pristatymas buvo greitas?", "leading-question", "Juk"},

		{"How easy and quick was checkout?", "double-barreled", "easy and quick"},
		{"How would you rate the price and quality?", "double-barreled", "price and quality"},
		{"Как вы оцениваете цену и качество?", "double-barreled", "цену и качество"},
		{"Было ли удобно и быстро оформить заказ?", "double-barreled", "удобно и быстро"},
		{"Ar kurjeris buvo mandagus ir punktualus?", "double-barreled", "mandagus ir punktualus"},
	}
	for _, tc := range tests {
		s := Survey{ID: "x", Goal: "g", Questions: []Question{NPSQuestion("n", "How likely are you to recommend us?"), OpenQuestion("q", tc.text)}}
		type got struct{ Rule, Span string }
		var gots []got
		for _, f := range s.Lint() {
			gots = append(gots, got{f.Rule, tc.text[f.Start:f.End]})
		}
		var want []got
		if tc.rule != "" {
			want = []got{{tc.rule, tc.span}}
		}
		if diff := cmp.Diff(want, gots); diff != "" {
			t.Errorf("%q (-want +got):\n%s", tc.text, diff)
		}
	}
}
