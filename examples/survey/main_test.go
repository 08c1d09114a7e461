package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	var out bytes.Buffer
	if err := run(&out, 200, 3); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"leading-question", "double-barreled", "scale-mismatch", "conditioned-incentive", "gating", "NPS ", "What to fix first:", "1. ", "response_id,survey_id"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}

func TestSample(t *testing.T) {
	ss, err := parseSample(sampleTSV)
	if err != nil || len(ss) < 30 {
		t.Fatalf("sample: %d rows, %v", len(ss), err)
	}
	langs := map[string]bool{}
	for _, s := range ss {
		langs[s.lang] = true
		if s.nps < 0 || s.nps > 10 || s.csat < 1 || s.csat > 5 {
			t.Errorf("bad row %+v", s)
		}
	}
	if !langs["en"] || !langs["ru"] || !langs["lt"] {
		t.Errorf("sample languages %v, want en, ru and lt", langs)
	}
}
