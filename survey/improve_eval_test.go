package survey

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/reputekit/repute/sentiment"
)

// TestImprovementsShopData measures the "what to fix first" pipeline on the
// shared, hand-written shop reviews (ru, lt) with aspect labels: each text is
// one open answer; a (text, aspect) complaint found is correct when the text
// is labelled negative and the aspect is among its labels. The data stay
// outside the repository; the test is skipped when they are absent.
func TestImprovementsShopData(t *testing.T) {
	t.Parallel()
	an := sentiment.New()
	s := Survey{ID: "eval", Questions: []Question{OpenQuestion("text", "What should we improve?")}}
	for _, name := range []string{"ru_shop_written.jsonl", "lt_shop_written.jsonl"} {
		path := filepath.Join("..", "..", "shared", "data", "sentiment", name)
		f, err := os.Open(path)
		if err != nil {
			t.Skipf("evaluation data absent (%s): %v", path, err)
		}
		type item struct {
			ID, Text, Label string
			Aspects         []string
		}
		var items []item
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			var it item
			if err := json.Unmarshal(sc.Bytes(), &it); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			items = append(items, it)
		}
		f.Close()
		var found, correct, gold, anyLabel int
		goldCount := map[string]int{}
		var all []Response
		for _, it := range items {
			r := Response{ID: it.ID, Answers: map[string]Answer{"text": TextAnswer(it.Text)}}
			all = append(all, r)
			neg := it.Label == "negative"
			if neg {
				gold += len(it.Aspects)
				for _, a := range it.Aspects {
					goldCount[a]++
				}
			}
			for _, im := range Improvements(s, slices.Values([]Response{r}), an) {
				if im.Aspect == OtherAspect {
					continue
				}
				found++
				if slices.Contains(it.Aspects, im.Aspect) {
					anyLabel++
					if neg {
						correct++
					}
				}
			}
		}
		precision := float64(correct) / float64(max(found, 1))
		recall := float64(correct) / float64(max(gold, 1))
		ranked := Improvements(s, slices.Values(all), an)
		var top []string
		for _, im := range ranked[:min(3, len(ranked))] {
			top = append(top, im.Aspect)
		}
		t.Logf("%s: %d texts; complaint (text, aspect) pairs: precision %.2f (%d/%d; %d/%d with the aspect labelled, whatever the text's label), recall on negative texts %.2f (%d/%d); ranked top 3 %v; gold counts in negative texts %v",
			name, len(items), precision, correct, found, anyLabel, found, recall, correct, gold, top, goldCount)
		if precision < 0.4 {
			t.Errorf("%s: precision %.2f below 0.4", name, precision)
		}
	}
}
