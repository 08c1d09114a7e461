package survey

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// fakeAnalyze marks a fixed set of words as aspects, negative when the
// text contains "bad" or "slow".
func fakeAnalyze(text string) opinion {
	var sc opinion
	if strings.Contains(text, "bad") || strings.Contains(text, "slow") {
		sc.negativity = 0.8
	}
	if strings.Contains(text, "meh") {
		sc.negativity = 0.3
	}
	for word, asp := range map[string]string{"delivery": "delivery", "price": "price", "support": "service"} {
		if i := strings.Index(text, word); i >= 0 {
			pol := 0.0
			if strings.Contains(text, word+" bad") || strings.Contains(text, "slow "+word) {
				pol = -0.7
			}
			if strings.Contains(text, word+" great") {
				pol = 0.6
			}
			sc.mentions = append(sc.mentions, mention{aspect: asp, start: i, end: i + len(word), polarity: pol})
		}
	}
	return sc
}

func TestImprovements(t *testing.T) {
	t.Parallel()
	s := postDelivery()
	rs := []Response{
		{ID: "1", Answers: map[string]Answer{"nps": ScoreAnswer(6), "improve": TextAnswer("The slow delivery. Price was fine.")}},
		{ID: "2", Answers: map[string]Answer{"nps": ScoreAnswer(7), "improve": TextAnswer("delivery bad, support bad")}},
		{ID: "3", Answers: map[string]Answer{"other": TextAnswer("support great")}},             // positive: not counted
		{ID: "4", Answers: map[string]Answer{"other": TextAnswer("price ok")}},                  // neutral, calm: not counted
		{ID: "5", Answers: map[string]Answer{"other": TextAnswer("meh, price could be lower")}}, // neutral in an unhappy answer
		{ID: "6", Answers: map[string]Answer{"nps": ScoreAnswer(3)}},                            // no open answer
		{ID: "7", Answers: map[string]Answer{"other": TextAnswer("Just bad. Never again.")}},    // complaint without an aspect
	}
	got := improvements(s, slices.Values(rs), fakeAnalyze)
	type row struct {
		Aspect   string
		Count    int
		Examples []string
	}
	var rows []row
	for _, im := range got {
		var ex []string
		for _, q := range im.Examples {
			ex = append(ex, q.Response+":"+q.Text)
		}
		rows = append(rows, row{im.Aspect, im.Count, ex})
	}
	want := []row{
		{"delivery", 2, []string{"1:The slow delivery.", "2:delivery bad, support bad"}},
		{"service", 1, []string{"2:delivery bad, support bad"}},
		{"price", 1, []string{"5:meh, price could be lower"}},
		{"other", 1, []string{"7:Just bad. Never again."}},
	}
	if diff := cmp.Diff(want, rows); diff != "" {
		t.Errorf("Improvements (-want +got):\n%s", diff)
	}
	if got[0].Share != 100*2.0/6 || got[0].Impact != 1.8 || got[0].Negativity != 0.8 || got[0].Detractors != 1 || got[1].Detractors != 0 {
		t.Errorf("delivery figures = %+v", got[0])
	}
	if got := improvements(s, slices.Values([]Response(nil)), fakeAnalyze); got == nil || len(got) != 0 {
		t.Errorf("no responses: %v", got)
	}
}

func TestImprovementsImproveQuestion(t *testing.T) {
	t.Parallel()
	s := Survey{ID: "i", Questions: []Question{
		NPSQuestion("nps", "How likely are you to recommend us?"),
		ImproveQuestion("improve", "What should we improve?", nil),
		OpenQuestion("other", "Anything else?"),
	}}
	rs := []Response{
		{ID: "1", Answers: map[string]Answer{"improve": TextAnswer("cheaper price")}},   // calm wish: counts
		{ID: "2", Answers: map[string]Answer{"improve": TextAnswer("support great")}},   // positive tone: still named
		{ID: "3", Answers: map[string]Answer{"other": TextAnswer("price ok")}},          // calm, not an improve question
		{ID: "4", Answers: map[string]Answer{"improve": TextAnswer("slow delivery")}},   // complaint
		{ID: "5", Answers: map[string]Answer{"improve": TextAnswer("delivery, price")}}, // two aspects
	}
	var got []string
	for _, im := range improvements(s, slices.Values(rs), fakeAnalyze) {
		got = append(got, fmt.Sprintf("%s:%d:%.2f", im.Aspect, im.Count, im.Impact))
	}
	// delivery: 0.5+0.4 (slow) + 0.5 = 1.4; price: 0.5 + 0.5 = 1.0; service 0.5.
	if diff := cmp.Diff([]string{"delivery:2:1.40", "price:2:1.00", "service:1:0.50"}, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	bad := Survey{ID: "b", Questions: []Question{{ID: "s", Kind: KindScale, Text: "?", Improve: true, Scale: &Scale{Min: 1, Max: 5}}}}
	if err := bad.Validate(); err == nil {
		t.Error("Improve on a scale question validates")
	}
}

func TestAddExample(t *testing.T) {
	t.Parallel()
	var ex []Quote
	for i, n := range []float64{0.2, 0.9, 0.5, 0.9, 0.1, 0.7} {
		ex = addExample(ex, Quote{Text: string(rune('a' + i)), Negativity: n})
	}
	var got []string
	for _, q := range ex {
		got = append(got, q.Text)
	}
	if diff := cmp.Diff([]string{"b", "d", "f"}, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
