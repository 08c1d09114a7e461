package sentiment

import (
	"testing"
)

func TestLabels(t *testing.T) {
	t.Parallel()
	a := New()
	tests := []struct {
		text string
		want Label
	}{
		{"Great product, fast delivery!", Positive},
		{"Terrible. It broke after a week.", Negative},
		{"not bad at all", Positive},
		{"It never arrived.", Negative},
		{"The box is blue.", Neutral},
		{"не понравилось", Negative},
		{"Очень понравилось, спасибо!", Positive},
		{"labai patiko, greitas pristatymas", Positive},
		{"Prekė nepatiko.", Negative},
	}
	for _, tt := range tests {
		if got := a.Analyze(tt.text).Label; got != tt.want {
			t.Errorf("Analyze(%q).Label = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestNotBadIsNotNegative(t *testing.T) {
	t.Parallel()
	a := New()
	for _, text := range []string{"not bad at all", "ne blogai", "неплохо"} {
		if s := a.Analyze(text); s.Label == Negative {
			t.Errorf("Analyze(%q) = %v (%.2f), want not negative", text, s.Label, s.Compound)
		}
	}
}

func TestEmphasis(t *testing.T) {
	t.Parallel()
	a := New()
	loud, calm := a.Analyze("NOT GOOD!!!"), a.Analyze("not good")
	if !(loud.Compound < calm.Compound) {
		t.Errorf("NOT GOOD!!! = %.3f, not good = %.3f; want the first more negative", loud.Compound, calm.Compound)
	}
}
