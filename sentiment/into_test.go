package sentiment

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// intoTexts is the golden corpus, odd inputs and, when present, every
// evaluation text: AnalyzeInto must agree with Analyze on all of them.
func intoTexts(t *testing.T) []string {
	t.Helper()
	texts := append(corpusTexts(t), "", " ", "!!!", ":(", "\xff\xfe", benchKB,
		strings.Repeat("Bad. ", 40), strings.Repeat("good and nice delivery, ", 40))
	eval, err := evalTexts()
	if err != nil {
		t.Fatal(err)
	}
	if eval == nil {
		t.Log("evaluation data absent (../shared/data/sentiment): checking the golden corpus only")
	}
	return append(texts, eval...)
}

// TestAnalyzeIntoMatchesAnalyze reuses one Score for every text, in an
// order that alternates long and short texts (so slices shrink and grow),
// and compares each result with Analyze's. Only nil versus empty slices
// may differ, as documented.
func TestAnalyzeIntoMatchesAnalyze(t *testing.T) {
	texts := intoTexts(t)
	a := New()
	var s Score
	s.Negativity, s.Lang = 0.5, "xx" // stale values must not survive
	for i := range texts {
		// from both ends towards the middle
		text := texts[i/2]
		if i%2 == 1 {
			text = texts[len(texts)-1-i/2]
		}
		a.AnalyzeInto(&s, text)
		if d := cmp.Diff(a.Analyze(text), s, cmpopts.EquateEmpty()); d != "" {
			t.Fatalf("%.60q: AnalyzeInto differs from Analyze (-Analyze +AnalyzeInto):\n%s", text, d)
		}
	}
}

// TestAnalyzeIntoReuses checks the documented memory behaviour: the
// slices keep their backing arrays from call to call, and once they have
// grown, short texts allocate nothing.
func TestAnalyzeIntoReuses(t *testing.T) {
	a := New()
	var s Score
	a.AnalyzeInto(&s, benchKB)
	ev := &s.Evidence[:1][0]
	a.AnalyzeInto(&s, "Terrible delivery, but a great product.")
	if len(s.Evidence) == 0 || &s.Evidence[0] != ev {
		t.Fatalf("Evidence not reused: %d items", len(s.Evidence))
	}
	// The longer text's evidence beyond the new length is cleared, so its
	// Terms do not keep that text alive.
	for i, e := range s.Evidence[len(s.Evidence):cap(s.Evidence)] {
		if e != (Evidence{}) {
			t.Fatalf("Evidence[%d] beyond the length still holds %+v", len(s.Evidence)+i, e)
		}
	}
	if testing.Short() || raceEnabled {
		t.Skip("allocation counts are not meaningful with -race (sync.Pool drops items) or needed in -short mode")
	}
	for _, text := range corpusTexts(t) {
		if n := testing.AllocsPerRun(50, func() { a.AnalyzeInto(&s, text) }); n != 0 {
			t.Errorf("%.40q: %.0f allocations per AnalyzeInto into a grown Score, want 0", text, n)
		}
	}
}
