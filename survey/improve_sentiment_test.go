package survey

import (
	"slices"
	"testing"

	"github.com/reputekit/repute/sentiment"
)

func TestImprovementsWithSentiment(t *testing.T) {
	t.Parallel()
	s := postDelivery()
	texts := []string{
		"The delivery was two weeks late.",
		"Доставка задержалась на неделю.",
		"Pristatymas vėlavo savaitę.",
		"Delivery took forever and the courier was rude.",
		"Too expensive.",
		"Everything was great, thank you!",
	}
	var rs []Response
	for i, tx := range texts {
		rs = append(rs, Response{ID: string(rune('a' + i)), Answers: map[string]Answer{"other": TextAnswer(tx)}})
	}
	got := Improvements(s, slices.Values(rs), sentiment.New())
	if len(got) == 0 || got[0].Aspect != string(sentiment.AspectDelivery) || got[0].Count < 3 {
		t.Fatalf("Improvements = %+v, want delivery first with at least 3 answers", got)
	}
	for _, im := range got {
		if im.Count < 1 || len(im.Examples) == 0 || len(im.Examples) > MaxExamples || im.Negativity < 0 || im.Negativity > 1 {
			t.Errorf("bad improvement %+v", im)
		}
	}
}
