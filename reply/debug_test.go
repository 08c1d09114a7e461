package reply

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDebugCase(t *testing.T) {
	id := os.Getenv("REPLY_CASE")
	if id == "" {
		t.Skip("set REPLY_CASE")
	}
	file := filepath.Join("..", "..", "shared", "data", "reply", "cases-dev.jsonl")
	if strings.HasPrefix(id, "own") {
		file = filepath.Join("testdata", "cases.jsonl")
	}
	cases := readCases(t, file)
	for _, lc := range cases {
		if !strings.HasPrefix(lc.ID, id) {
			continue
		}
		for _, f := range Check(lc.toReview(), lc.Draft, WithNow(lc.DraftedAt)) {
			t.Logf("%s %s %q %s", lc.ID, f.Rule, lc.Draft[f.Start:f.End], f.Message)
		}
	}
}
