package sentiment

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// boundary reports whether i is where a rune starts when text is decoded
// rune by rune (an invalid byte decodes as one RuneError of width 1), or
// len(text).
func boundary(text string, i int) bool {
	for j := range text {
		if j == i {
			return true
		}
		if j > i {
			return false
		}
	}
	return i == len(text)
}

func checkSpan(t *testing.T, text string, what string, start, end int) {
	t.Helper()
	if start < 0 || start > end || end > len(text) {
		t.Fatalf("%s span [%d,%d) outside text of %d bytes", what, start, end, len(text))
	}
	if !boundary(text, start) || !boundary(text, end) {
		t.Fatalf("%s span [%d,%d) not on rune boundaries in %q", what, start, end, text)
	}
}

func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{
		"", "not bad at all", "NOT GOOD!!!", "Thanks for delivering in a month.", "soooo good 😍👍🏽",
		"не понравилось", "Спасибо, что доставили через месяц.", "ne blogai", "nepatiko", "Super!! 10/10",
		":) :-( <3 o_O xD", "https://example.com/x?a=1 @user #tag", "4.5/5, 10/10, 1,000", "\xff\xfe\xfd", "a\u0301\u200d",
		"Order #12345 arrived 3 days late; please add tracking.", "don't", "’", "....!!!???", "ёЁ ąčęėįšųūž",
	} {
		f.Add(s)
	}
	a := New()
	// into is reused across inputs, as AnalyzeInto's callers do: each
	// result must still equal Analyze's, whatever the previous input left.
	var into Score
	f.Fuzz(func(t *testing.T, text string) {
		s := a.Analyze(text)
		a.AnalyzeInto(&into, text)
		if d := cmp.Diff(s, into, cmpopts.EquateEmpty()); d != "" {
			t.Fatalf("AnalyzeInto differs from Analyze (-Analyze +AnalyzeInto):\n%s", d)
		}
		if !(s.Compound >= -1 && s.Compound <= 1) {
			t.Fatalf("Compound %v out of [-1,1]", s.Compound)
		}
		if !(s.Negativity >= 0 && s.Negativity <= 1) {
			t.Fatalf("Negativity %v out of [0,1]", s.Negativity)
		}
		if s.Lang != "" && s.Lang != EN && s.Lang != RU && s.Lang != LT {
			t.Fatalf("Lang %q", s.Lang)
		}
		for _, st := range s.Sentences {
			checkSpan(t, text, "sentence", st.Start, st.End)
			if !(st.Compound >= -1 && st.Compound <= 1) {
				t.Fatalf("sentence Compound %v", st.Compound)
			}
		}
		for _, e := range s.Evidence {
			checkSpan(t, text, "evidence", e.Start, e.End)
			if e.Term != text[e.Start:e.End] {
				t.Fatalf("evidence term %q != span %q", e.Term, text[e.Start:e.End])
			}
		}
		for _, m := range s.Aspects {
			checkSpan(t, text, "aspect", m.Start, m.End)
			if !(m.Polarity >= -1 && m.Polarity <= 1) {
				t.Fatalf("aspect polarity %v", m.Polarity)
			}
		}
		tox := a.Toxicity(text)
		if !(tox.Score >= 0 && tox.Score <= 1) {
			t.Fatalf("toxicity %v", tox.Score)
		}
		for _, sp := range tox.Spans {
			checkSpan(t, text, "toxic", sp.Start, sp.End)
		}
		c := a.Constructiveness(text)
		if !(c.Score >= 0 && c.Score <= 1) {
			t.Fatalf("constructiveness %v", c.Score)
		}
		v := CombineStars(float64(len(text)%6), s)
		if !(v.Negativity >= 0 && v.Negativity <= 1) {
			t.Fatalf("verdict negativity %v", v.Negativity)
		}
		_ = DetectLang(text)
	})
}
