package survey

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// postDelivery is a well-designed survey used by several tests.
func postDelivery() Survey {
	return Survey{
		ID:   "post-delivery-v1",
		Goal: "Find what to fix first in delivery and support",
		Lang: "en",
		Questions: []Question{
			NPSQuestion("nps", "How likely are you to recommend our shop to a friend or colleague?"),
			CSATQuestion("csat", "How satisfied or dissatisfied are you with your delivery?", 5),
			{ID: "improve", Kind: KindText, Text: "What should we improve?", ShowIf: IfScore("nps", 0, 6)},
			{ID: "channel", Kind: KindSingle, Text: "Where did you hear about us?",
				Choices: []Choice{{"search", "Search engine"}, {"friend", "A friend"}, {"ad", "An advert"}}},
			OpenQuestion("other", "Anything else you want to tell us?"),
		},
		Timing: Policy{Delay: 3 * 24 * time.Hour, Reminder: 4 * 24 * time.Hour},
	}
}

func TestValidateGood(t *testing.T) {
	t.Parallel()
	if err := postDelivery().Validate(); err != nil {
		t.Fatalf("Validate() = %v", err)
	}
}

func TestValidateNamesQuestion(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		edit     func(*Survey)
		question string
		field    string
	}{
		{"NPS not 0-10", func(s *Survey) { s.Questions[0].Scale.Min = 1 }, "nps", "Scale"},
		{"CSAT on 4 points", func(s *Survey) { s.Questions[1].Scale.Max = 4 }, "csat", "Scale"},
		{"empty text", func(s *Survey) { s.Questions[1].Text = " " }, "csat", "Text"},
		{"duplicate id", func(s *Survey) { s.Questions[4].ID = "nps" }, "nps", "ID"},
		{"bad id", func(s *Survey) { s.Questions[4].ID = "a b" }, "a b", "ID"},
		{"unknown kind", func(s *Survey) { s.Questions[4].Kind = "essay" }, "other", "Kind"},
		{"scale missing", func(s *Survey) { s.Questions[0].Scale = nil }, "nps", "Scale"},
		{"one choice", func(s *Survey) { s.Questions[3].Choices = s.Questions[3].Choices[:1] }, "channel", "Choices"},
		{"duplicate choice", func(s *Survey) { s.Questions[3].Choices[1].ID = "search" }, "channel", "Choices[1].ID"},
		{"condition on later question", func(s *Survey) { s.Questions[2].ShowIf = IfScore("other", 0, 1) }, "improve", "ShowIf.Question"},
		{"condition out of range", func(s *Survey) { s.Questions[2].ShowIf = IfScore("nps", 0, 11) }, "improve", "ShowIf"},
		{"condition on unknown choice", func(s *Survey) { s.Questions[4].ShowIf = IfChosen("channel", "tv") }, "other", "ShowIf.Choices"},
		{"bad utf-8", func(s *Survey) { s.Questions[4].Text = "why \xff" }, "other", "Text"},
		{"unknown metric", func(s *Survey) { s.Questions[1].Scale.Metric = "ces2" }, "csat", "Scale.Metric"},
	}
	for _, tc := range tests {
		s := postDelivery()
		tc.edit(&s)
		err := s.Validate()
		if !errors.Is(err, ErrInvalid) {
			t.Errorf("%s: Validate() = %v, want ErrInvalid", tc.name, err)
			continue
		}
		qe, ok := errors.AsType[*QuestionError](err)
		if !ok {
			t.Errorf("%s: no *QuestionError in %v", tc.name, err)
			continue
		}
		if qe.Question != tc.question || qe.Field != tc.field {
			t.Errorf("%s: error names %q.%s, want %q.%s (%v)", tc.name, qe.Question, qe.Field, tc.question, tc.field, err)
		}
		if !strings.Contains(err.Error(), tc.question) {
			t.Errorf("%s: message %q does not name %q", tc.name, err, tc.question)
		}
	}
}

func TestValidateSurveyFields(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		s     Survey
		field string
	}{
		{"zero", Survey{}, "ID"},
		{"no questions", Survey{ID: "x"}, "Questions"},
		{"deadline before delay", Survey{ID: "x", Questions: []Question{OpenQuestion("a", "Why?")},
			Timing: Policy{Delay: 40 * 24 * time.Hour}}, "Timing.Deadline"},
		{"bad trigger", Survey{ID: "x", Questions: []Question{OpenQuestion("a", "Why?")},
			Timing: Policy{Trigger: "opened"}}, "Timing.Trigger"},
		{"quiet all day", Survey{ID: "x", Questions: []Question{OpenQuestion("a", "Why?")},
			Timing: Policy{QuietStart: 8, QuietEnd: 22}}, "Timing.QuietStart"},
	} {
		err := tc.s.Validate()
		fe, ok := errors.AsType[*FieldError](err)
		if !ok || fe.Field != tc.field {
			t.Errorf("%s: Validate() = %v, want a FieldError on %s", tc.name, err, tc.field)
		}
	}
}

func TestSurveyJSONRoundTrip(t *testing.T) {
	t.Parallel()
	s := postDelivery()
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	var got Survey
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(s, got); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
	if !strings.Contains(string(b), `"kind":"scale"`) || !strings.Contains(string(b), `"metric":"nps"`) {
		t.Errorf("JSON lacks readable kind/metric: %s", b)
	}
}

func lintRules(fs []Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Rule+"@"+f.Question)
	}
	return out
}

func TestLintGoodSurveys(t *testing.T) {
	t.Parallel()
	ru := Survey{ID: "ru", Goal: "Понять, что улучшить в доставке", Lang: "ru", Questions: []Question{
		NPSQuestion("nps", "Насколько вероятно, что вы порекомендуете наш магазин другу или коллеге?"),
		CSATQuestion("csat", "Насколько вы удовлетворены доставкой?", 5),
		OpenQuestion("why", "Что нам стоит улучшить?"),
	}}
	lt := Survey{ID: "lt", Goal: "Suprasti, ką pagerinti pristatyme", Lang: "lt", Questions: []Question{
		NPSQuestion("nps", "Kaip tikėtina, kad rekomenduotumėte mūsų parduotuvę draugui ar kolegai?"),
		CESQuestion("ces", "Parduotuvė padarė taip, kad man buvo lengva grąžinti prekę.", 7),
		OpenQuestion("why", "Ką turėtume pagerinti?"),
	}}
	for _, s := range []Survey{postDelivery(), ru, lt} {
		if fs := s.Lint(); len(fs) != 0 {
			t.Errorf("%s: Lint() = %v, want no findings", s.ID, lintRules(fs))
		}
	}
}

func TestLintRules(t *testing.T) {
	t.Parallel()
	q := func(id, text string) Question { return Question{ID: id, Kind: KindText, Text: text} }
	tests := []struct {
		name string
		s    Survey
		want []string
	}{
		{"empty goal, no open, no scale", Survey{ID: "a", Questions: []Question{
			{ID: "c", Kind: KindSingle, Text: "Which?", Choices: []Choice{{"x", "X"}, {"y", "Y"}}}}},
			[]string{"no-open-question@", "no-scale-question@", "no-goal@"}},
		{"too many questions", Survey{ID: "a", Goal: "g", Questions: []Question{
			NPSQuestion("n", "How likely are you to recommend us?"), q("a", "Why?"), q("b", "What else?"), q("c", "Who?"),
			q("d", "Where?"), q("e", "When?"), q("f", "Which one?")}},
			[]string{"too-many-questions@"}},
		{"too many required open", Survey{ID: "a", Goal: "g", Questions: []Question{
			NPSQuestion("n", "How likely are you to recommend us?"),
			{ID: "a", Kind: KindText, Text: "Why?", Required: true},
			{ID: "b", Kind: KindText, Text: "What else?", Required: true}}},
			[]string{"too-many-required@"}},
		{"scale mismatch", Survey{ID: "a", Goal: "g", Questions: []Question{
			{ID: "s1", Kind: KindScale, Text: "Rate the delivery speed.", Construct: "delivery", Scale: &Scale{Min: 1, Max: 5, MinLabel: "Slow", MaxLabel: "Fast"}},
			{ID: "s2", Kind: KindScale, Text: "Rate the courier.", Construct: "Delivery", Scale: &Scale{Min: 1, Max: 10, MinLabel: "Bad", MaxLabel: "Good"}},
			q("o", "Why?")}},
			[]string{"scale-mismatch@s2"}},
		{"unlabelled scale", Survey{ID: "a", Goal: "g", Questions: []Question{
			{ID: "s1", Kind: KindScale, Text: "Rate the delivery speed.", Scale: &Scale{Min: 1, Max: 5}}, q("o", "Why?")}},
			[]string{"unlabelled-scale@s1"}},
	}
	wording := []struct {
		text, rule string
	}{
		{"How great was your experience with us?", "leading-question"},
		{"How much did you enjoy our excellent service?", "leading-question"},
		{"Don't you agree that the checkout was simple?", "leading-question"},
		{"Насколько вам понравился наш отличный сервис?", "leading-question"},
		{"Насколько вам понравилась доставка?", "leading-question"},
		{"Не правда ли, доставка была быстрой?", "leading-question"},
		{"Kaip labai jums patiko mūsų parduotuvė?", "leading-question"},
		{"Kaip vertinate mūsų puikų aptarnavimą?", "leading-question"},
		{"Kaip vertinate musu puiku aptarnavima?", "leading-question"},
		{"Rate the speed and politeness of delivery.", "double-barreled"},
		{"How satisfied were you with our prices as well as the range?", "double-barreled"},
		{"Оцените скорость и вежливость доставки.", "double-barreled"},
		{"Как вы оцениваете цены, а также ассортимент?", "double-barreled"},
		{"Kaip vertinate pristatymo greitį ir kurjerio mandagumą?", "double-barreled"},
		{"Kaip vertinate kainas bei asortimentą?", "double-barreled"},
		{"Was it fast? Was it cheap?", "double-barreled"},
	}
	for i, w := range wording {
		tests = append(tests, struct {
			name string
			s    Survey
			want []string
		}{w.text, Survey{ID: "w", Goal: "g", Questions: []Question{NPSQuestion("n", "How likely are you to recommend us?"), q("q"+string(rune('a'+i)), w.text)}},
			[]string{w.rule + "@q" + string(rune('a'+i))}})
	}
	for _, tc := range tests {
		got := lintRules(tc.s.Lint())
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("%s: Lint() (-want +got):\n%s", tc.name, diff)
		}
	}
}

func TestLintNeutralWording(t *testing.T) {
	t.Parallel()
	neutral := []string{
		"How likely are you to recommend us to a friend or colleague?",
		"How satisfied or dissatisfied were you with the delivery?",
		"Please read our terms and conditions before answering.",
		"And what should we improve?",
		"How likely are you to recommend us to friends and family?",
		"Насколько вероятно, что вы порекомендуете нас друзьям и знакомым?",
		"Ar rekomenduotumėte mus draugams ir šeimai?",
		"Как вы оцениваете скорость доставки?",
		"Что нам стоит улучшить?",
		"Ar pristatymas atvyko laiku?",
		"Kaip vertinate pristatymo greitį?",
	}
	for _, text := range neutral {
		s := Survey{ID: "n", Goal: "g", Questions: []Question{NPSQuestion("n", "How likely are you to recommend us?"), OpenQuestion("q", text)}}
		if fs := s.Lint(); len(fs) != 0 {
			t.Errorf("%q: Lint() = %v, want none", text, lintRules(fs))
		}
	}
}

func TestLintSpans(t *testing.T) {
	t.Parallel()
	s := Survey{ID: "x", Goal: "g", Questions: []Question{
		NPSQuestion("n", "How likely are you to recommend us?"),
		OpenQuestion("o", "Оцените скорость и вежливость доставки.")}}
	for _, f := range s.Lint() {
		q, _ := s.Question(f.Question)
		if got := q.Text[f.Start:f.End]; f.Rule == RuleDoubleBarreled && got != "скорость и вежливость" {
			t.Errorf("span = %q", got)
		}
	}
	if !slices.Contains(lintRules(s.Lint()), "double-barreled@o") {
		t.Error("no double-barreled finding")
	}
}

func BenchmarkLint(b *testing.B) {
	s := postDelivery()
	s.Questions = append(s.Questions, OpenQuestion("ru", "Насколько вам понравился наш отличный сервис и цены?"))
	b.ReportAllocs()
	for b.Loop() {
		_ = s.Lint()
	}
}

// TestConcurrentUse backs the package doc's claim that the functions are
// safe for concurrent use (run with -race): goroutines share one Survey
// and one Message and must all see what a single call sees.
func TestConcurrentUse(t *testing.T) {
	t.Parallel()
	s := postDelivery()
	s.Questions = append(s.Questions, OpenQuestion("ru", "Насколько вам понравился наш отличный сервис и цены?"))
	m := Message{Body: "If you were happy, leave us a 5-star review and get 10% off. Если вам понравилось, оставьте отзыв."}
	type result struct {
		lint, invite []Finding
		nps          float64
	}
	run := func() result {
		nps, _ := NPS([]int{10, 9, 3, 7})
		return result{s.Lint(), CheckInvitation(m, PlatformTrustpilot), nps}
	}
	done := make(chan result)
	for range 8 {
		go func() { done <- run() }()
	}
	want := run()
	if len(want.lint) == 0 || len(want.invite) == 0 {
		t.Fatalf("fixture finds nothing: %+v", want)
	}
	for range 8 {
		if diff := cmp.Diff(want, <-done, cmp.AllowUnexported(result{})); diff != "" {
			t.Errorf("concurrent result differs (-want +got):\n%s", diff)
		}
	}
}
