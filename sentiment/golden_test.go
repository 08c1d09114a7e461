package sentiment

import (
	"bufio"
	"encoding/json"
	"flag"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite testdata/golden.json from the current results")

// goldenResult is what the golden file pins for each corpus text: the label,
// the language, the compound rounded to 0.05 and the aspects with the sign of
// their polarity. Rounding keeps small lexicon edits from churning the file
// while any change of class, language or aspect shows up.
type goldenResult struct {
	Text     string   `json:"text"`
	Label    string   `json:"label"`
	Lang     string   `json:"lang"`
	Compound float64  `json:"compound"`
	Aspects  []string `json:"aspects,omitempty"`
}

func readCorpus(t *testing.T) []string {
	t.Helper()
	f, err := os.Open("testdata/corpus.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, line)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestGolden(t *testing.T) {
	a := New()
	var got []goldenResult
	for _, text := range readCorpus(t) {
		s := a.Analyze(text)
		r := goldenResult{Text: text, Label: s.Label.String(), Lang: s.Lang, Compound: math.Round(s.Compound*20) / 20}
		for _, m := range s.Aspects {
			sign := "0"
			switch {
			case m.Polarity <= -0.05:
				sign = "-"
			case m.Polarity >= 0.05:
				sign = "+"
			}
			r.Aspects = append(r.Aspects, string(m.Aspect)+sign)
		}
		got = append(got, r)
	}
	if *update {
		b, err := json.MarshalIndent(got, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile("testdata/golden.json", append(b, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	b, err := os.ReadFile("testdata/golden.json")
	if err != nil {
		t.Fatalf("%v (run go test -run TestGolden -update to create it)", err)
	}
	var want []goldenResult
	if err := json.Unmarshal(b, &want); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("golden results (-want +got):\n%s", diff)
	}
}
