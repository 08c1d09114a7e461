package sentiment

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestLabels(t *testing.T) {
	t.Parallel()
	a := New()
	tests := []struct {
		name string
		text string
		want Label
	}{
		{"en praise", "Great product, fast delivery!", Positive},
		{"en complaint", "Terrible. It broke after a week.", Negative},
		{"en not bad at all", "not bad at all", Positive},
		{"en multi-word", "It never arrived.", Negative},
		{"en negator stands for all", "The charger didn't work.", Negative},
		{"en neutral fact", "The box is blue.", Neutral},
		{"en fell apart", "The soles fell apart in a month.", Negative},
		{"en waste of money", "Total waste of money.", Negative},
		{"en highly recommend", "Highly recommend this seller.", Positive},
		{"en no problems", "No problems at all with the order.", Positive},
		{"en complaint pattern", "Still waiting for my refund.", Negative},
		{"en time span", "Two weeks later the zipper broke.", Negative},
		{"en emoji positive", "Arrived today 😍", Positive},
		{"en emoji negative", "Arrived today 😡", Negative},
		{"en emoticon", "ok I guess :(", Negative},
		{"ru negated verb", "не понравилось", Negative},
		{"ru praise", "Очень понравилось, спасибо!", Positive},
		{"ru multi-word", "Это просто деньги на ветер.", Negative},
		{"ru still waiting", "До сих пор жду заказ.", Negative},
		{"lt praise without diacritics", "labai patiko, greitas pristatymas", Positive},
		{"lt fused negation", "Prekė nepatiko.", Negative},
		{"lt fused negation adjective", "Labai nekokybiška medžiaga.", Negative},
		{"lt did not arrive", "Siuntinys neatėjo.", Negative},
		{"lt negative concord", "Niekada nesigailėjau, kad pirkau.", Positive},
		{"ru negative concord", "Ни разу не пожалел о покупке.", Positive},
		{"en wink-grin emoticon", "see you there ;D", Positive},
		{"en exasperated question", "Seriously?", Negative},
		{"en seriously only intensifies", "seriously good stuff", Positive},
		{"en closing emoticon sets the tone", "Made a total mess of the garden :)", Positive},
		{"en closing frown sets the tone", "Lovely, the bus is late again :(", Negative},
		{"en repeated curse keeps its valence", "Damn damn damn.", Negative},
		{"en agreement question without punctuation before it", "only two days to go Isn't that lovely?", Positive},
		{"en missing someone", "I miss my old neighbours", Negative},
		{"en negative question", "Who approved this junk?", Negative},
		{"en epistemic must have", "They must have been here before.", Neutral},
		{"en a negator does not flip a negator", "Nope, and nope.", Negative},
		{"en laughter is not negated", "I am not the one to ask haha", Positive},
		{"en cessation keeps the term", "This show never stops being funny.", Positive},
		{"en cessation keeps a negative term", "The fan won't stop being noisy.", Negative},
		{"en agreement question", "Isn't this view lovely?", Positive},
		{"en agreement question with a negative term", "Don't you just hate long queues?", Negative},
		{"en plain negated question", "Why isn't it working?", Negative},
		{"ru concord word negates the next word", "Никаких проблем с курьером, никаких задержек.", Positive},
		{"ru concord word and a negated entry", "Никаких денег мне не вернули.", Negative},
		{"ru without reaches two words", "Без лишней упаковки, но отличное качество и быстрая доставка", Positive},
		{"ru more than once", "Не раз покупал здесь, всегда всё хорошо.", Positive},
		{"lt more than once", "Ne kartą pirkau, visada patenkinta.", Positive},
		{"lt concord word and a ne- verb", "Jokių pinigų man negrąžino.", Negative},
		{"lt concord word right before a ne- noun", "Jokių nesklandumų.", Positive},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := a.Analyze(tt.text)
			if s.Label != tt.want {
				t.Errorf("Analyze(%q).Label = %v (compound %.3f, evidence %v), want %v", tt.text, s.Label, s.Compound, s.Evidence, tt.want)
			}
		})
	}
}

func TestNotNegative(t *testing.T) {
	t.Parallel()
	a := New()
	for _, text := range []string{"not bad at all", "ne blogai", "неплохо", "No complaints.", "Nieko blogo.", "without any issues"} {
		if s := a.Analyze(text); s.Label == Negative {
			t.Errorf("Analyze(%q) = %v (%.2f), want not negative", text, s.Label, s.Compound)
		}
	}
}

// TestOrdering checks rules that make one text more negative than another.
func TestOrdering(t *testing.T) {
	t.Parallel()
	a := New()
	tests := []struct {
		rule       string
		more, less string // more is more negative than less
	}{
		{"caps+exclamation", "NOT GOOD!!!", "not good"},
		{"caps in mixed text", "The service was TERRIBLE.", "The service was terrible."},
		{"exclamation", "Awful!!!", "Awful."},
		{"intensifier", "very bad", "bad"},
		{"diminisher", "bad", "slightly bad"},
		{"negated intensifier stays negative", "not very good", "very good"},
		{"not good vs not bad", "not good", "not bad"},
		{"contrast: after weighs more", "Nice box but the product is awful", "The product is awful but nice box"},
		{"question dampens", "The delivery was terrible.", "The delivery was terrible?"},
		{"elongation", "baaaad", "bad"},
		{"sarcasm", "Thanks for delivering in a month.", "Thanks for delivering."},
		{"ru intensifier", "очень плохо", "плохо"},
		{"ru contrast", "Хороший товар, но доставка ужасная", "Доставка ужасная, но хороший товар"},
		{"lt intensifier", "labai blogai", "blogai"},
	}
	for _, tt := range tests {
		m, l := a.Analyze(tt.more).Compound, a.Analyze(tt.less).Compound
		if !(m < l) {
			t.Errorf("%s: Analyze(%q) = %.3f, Analyze(%q) = %.3f; want the first lower", tt.rule, tt.more, m, tt.less, l)
		}
	}
}

func TestEvidenceRules(t *testing.T) {
	t.Parallel()
	a := New()
	tests := []struct {
		text string
		want []string // rules, in text order
	}{
		{"not good", []string{RuleLexicon}},
		{"very good!", []string{RuleIntensifier, RuleLexicon, RuleExclamation}},
		{"Great, but SLOW", []string{RuleLexicon, RuleContrast, RuleCaps, RuleLexicon}},
		{"still waiting", []string{RuleComplaint}},
		{"nebepatiko", []string{RuleNegation}},
		{"very nice 👍", []string{RuleIntensifier, RuleLexicon, RuleEmoji}},
	}
	for _, tt := range tests {
		s := a.Analyze(tt.text)
		var got []string
		for _, e := range s.Evidence {
			got = append(got, e.Rule)
			if tt.text[e.Start:e.End] != e.Term {
				t.Errorf("Analyze(%q): evidence term %q does not match span [%d,%d)", tt.text, e.Term, e.Start, e.End)
			}
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Analyze(%q) evidence rules (-want +got):\n%s", tt.text, diff)
		}
	}
}

func TestDetectLang(t *testing.T) {
	t.Parallel()
	tests := []struct{ text, want string }{
		{"The parcel arrived on time and the shoes fit well.", EN},
		{"Посылка пришла вовремя, всё отлично.", RU},
		{"Siuntinys atėjo laiku, viskas puiku.", LT},
		{"labai patiko, greitas pristatymas", LT},
		{"prekes kokybe gera, rekomenduoju visiems", LT},
		{"ok", ""},
		{"👍👍", ""},
		{"", ""},
		{"12345", ""},
		{"Отличный магазин #shop #sale #fast #love", RU},
		{"Labai patiko #quality #fast #thanks", LT},
		{"#отлично", RU},
	}
	for _, tt := range tests {
		if got := DetectLang(tt.text); got != tt.want {
			t.Errorf("DetectLang(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestMixedLanguageSentences(t *testing.T) {
	t.Parallel()
	a := New()
	text := "The delivery was fast and the shoes are great. Но размер не подошёл, пришлось вернуть."
	s := a.Analyze(text)
	var langs []string
	for _, st := range s.Sentences {
		langs = append(langs, st.Lang)
	}
	if diff := cmp.Diff([]string{EN, RU}, langs); diff != "" {
		t.Errorf("sentence languages (-want +got):\n%s", diff)
	}
	if s.Sentences[0].Label != Positive || s.Sentences[1].Label != Negative {
		t.Errorf("sentence labels = %v, %v; want positive, negative", s.Sentences[0].Label, s.Sentences[1].Label)
	}
	// A short English sentence with a clear signal keeps its language in a
	// mostly Lithuanian text.
	s = a.Analyze("Great shop! Labai patiko, ačiū.")
	langs = langs[:0]
	for _, st := range s.Sentences {
		langs = append(langs, st.Lang)
	}
	if diff := cmp.Diff([]string{EN, LT}, langs); diff != "" {
		t.Errorf("en+lt sentence languages (-want +got):\n%s", diff)
	}
}

func TestWithLang(t *testing.T) {
	t.Parallel()
	// "super" is praise in every language; forcing Lithuanian must not lose it,
	// and Score.Lang reports the forced language.
	s := New(WithLang(LT)).Analyze("super")
	if s.Lang != LT || s.Label != Positive {
		t.Errorf("WithLang(LT).Analyze(super) = lang %q label %v, want lt positive", s.Lang, s.Label)
	}
	if got := New(WithLang("xx")).Analyze("good product").Lang; got != EN {
		t.Errorf("an unknown WithLang leaves detection on: lang = %q, want en", got)
	}
}

func TestAspects(t *testing.T) {
	t.Parallel()
	a := New()
	type mention struct {
		Aspect   Aspect
		Term     string
		Negative bool
	}
	tests := []struct {
		text string
		want []mention
	}{
		{"Terrible delivery but great quality.", []mention{{AspectDelivery, "delivery", true}, {AspectQuality, "quality", false}}},
		{"The refund took forever and support never replied.", []mention{{AspectRefund, "refund", true}, {AspectService, "support", true}}},
		{"Доставка ужасная, а качество отличное.", []mention{{AspectDelivery, "Доставка", true}, {AspectQuality, "качество", false}}},
		{"Pristatymas vėlavo, bet kokybė puiki.", []mention{{AspectDelivery, "Pristatymas", true}, {AspectQuality, "kokybė", false}}},
	}
	for _, tt := range tests {
		s := a.Analyze(tt.text)
		var got []mention
		for _, m := range s.Aspects {
			got = append(got, mention{m.Aspect, tt.text[m.Start:m.End], m.Polarity < 0})
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Analyze(%q).Aspects (-want +got):\n%s", tt.text, diff)
		}
	}
}

func TestToxicity(t *testing.T) {
	t.Parallel()
	a := New()
	tests := []struct {
		text      string
		wantKinds []string
	}{
		{"You are idiots and this shop is a scam.", []string{KindInsult}},
		{"What the fuck is this", []string{KindProfanity}},
		{"I know where you live.", []string{KindThreat}},
		{"The parcel arrived late.", nil},
		{"Вы меня заебали своими задержками", []string{KindProfanity}},
		{"Купил себе куртку, сидит хорошо.", nil},
		{"Оставил у себя, доволен.", nil},
	}
	for _, tt := range tests {
		tox := a.Toxicity(tt.text)
		var kinds []string
		for _, sp := range tox.Spans {
			kinds = append(kinds, sp.Kind)
		}
		if diff := cmp.Diff(tt.wantKinds, kinds); diff != "" {
			t.Errorf("Toxicity(%q) kinds (-want +got):\n%s", tt.text, diff)
		}
		if (tox.Score > 0) != (len(tt.wantKinds) > 0) {
			t.Errorf("Toxicity(%q).Score = %v", tt.text, tox.Score)
		}
	}
}

func TestConstructiveness(t *testing.T) {
	t.Parallel()
	a := New()
	specific := a.Constructiveness("Order #48213 arrived 5 days late and the box was crushed; please add tracking updates by email.")
	if !specific.Constructive {
		t.Errorf("specific complaint: %+v, want constructive", specific)
	}
	venting := a.Constructiveness("Worst ever!!! Idiots!!!")
	if venting.Constructive || venting.Score >= specific.Score {
		t.Errorf("venting: %+v, want not constructive and below %v", venting, specific.Score)
	}
	ru := a.Constructiveness("Заказ 123456 пришёл без инструкции, стоит добавить её в коробку.")
	if !ru.Constructive {
		t.Errorf("ru suggestion: %+v, want constructive", ru)
	}
	lt := a.Constructiveness("Užsakymas 5531 vėlavo savaitę, reikėtų informuoti pirkėjus apie vėlavimą.")
	if !lt.Constructive {
		t.Errorf("lt suggestion: %+v, want constructive", lt)
	}
}

func TestCombineStars(t *testing.T) {
	t.Parallel()
	a := New()
	tests := []struct {
		stars     float64
		text      string
		wantLabel Label
		wantMixed bool
	}{
		{1, "ok", Negative, false},
		{5, "Terrible delivery but great product.", Positive, true},
		{5, "Love it!", Positive, false},
		{3, "It is fine.", Positive, false},
		{0, "Broken on arrival.", Negative, false},
		{5, "Awful, broken, a scam, never again.", Negative, true},
	}
	for _, tt := range tests {
		v := CombineStars(tt.stars, a.Analyze(tt.text))
		if v.Label != tt.wantLabel || v.Mixed != tt.wantMixed {
			t.Errorf("CombineStars(%v, %q) = %+v, want label %v mixed %v", tt.stars, tt.text, v, tt.wantLabel, tt.wantMixed)
		}
	}
	if v := CombineStars(1, a.Analyze("ok")); v.Negativity < 0.8 {
		t.Errorf("1 star ok: Negativity %v, want >= 0.8", v.Negativity)
	}
}

func TestWithLexicon(t *testing.T) {
	t.Parallel()
	base := New()
	if base.Err() != nil {
		t.Fatalf("embedded lexicons: %v", base.Err())
	}
	custom := New(WithLexicon(EN, stringsReader("banger\t3\nterrible\t0\n# comment\nbad line\n")))
	if got := custom.Analyze("what a banger").Label; got != Positive {
		t.Errorf("custom word: label %v, want positive", got)
	}
	if got := custom.Analyze("terrible").Label; got != Neutral {
		t.Errorf("overridden word: label %v, want neutral", got)
	}
	if got := base.Analyze("terrible").Label; got != Negative {
		t.Errorf("the base analyser must not change: label %v", got)
	}
	if custom.Err() == nil {
		t.Error("a line without a valence must be reported by Err")
	}
	if New(WithLexicon(EN, nil)).Err() == nil {
		t.Error("a nil reader must be reported by Err")
	}
}

func TestLabelText(t *testing.T) {
	t.Parallel()
	for _, l := range []Label{Negative, Neutral, Positive} {
		b, err := l.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var back Label
		if err := back.UnmarshalText(b); err != nil || back != l {
			t.Errorf("round trip of %v: %v, %v", l, back, err)
		}
	}
	var l Label
	if err := l.UnmarshalText([]byte("meh")); err == nil {
		t.Error("UnmarshalText(meh): want an error")
	}
}

func TestEmptyAndOdd(t *testing.T) {
	t.Parallel()
	a := New()
	for _, text := range []string{"", " ", "\n\n", "!!!", "???", ". . .", "\xff\xfe", "🙂"} {
		s := a.Analyze(text)
		if s.Compound < -1 || s.Compound > 1 || s.Negativity < 0 || s.Negativity > 1 {
			t.Errorf("Analyze(%q) out of range: %+v", text, s)
		}
	}
	if s := a.Analyze(""); s.Label != Neutral || len(s.Sentences) != 0 {
		t.Errorf("Analyze(\"\") = %+v, want neutral with no sentences", s)
	}
}
