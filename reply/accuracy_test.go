package reply

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/reputekit/repute/review"
)

// labelledCase is one line of a reply-check case file (format:
// ../shared/data/reply/README.md).
type labelledCase struct {
	ID     string `json:"id"`
	Lang   string `json:"lang"`
	Review struct {
		Rating    float64   `json:"rating"`
		Title     string    `json:"title"`
		Body      string    `json:"body"`
		Author    string    `json:"author"`
		CreatedAt time.Time `json:"created_at"`
	} `json:"review"`
	Draft     string    `json:"draft"`
	DraftedAt time.Time `json:"drafted_at"`
	Expect    []string  `json:"expect"`
	NotExpect []string  `json:"not_expect"`
	Note      string    `json:"note"`
}

func (lc labelledCase) toReview() review.Review {
	return review.Review{
		ID: lc.ID, Source: "test", Rating: lc.Review.Rating, Title: lc.Review.Title, Body: lc.Review.Body,
		Author: review.Author{Name: lc.Review.Author}, CreatedAt: lc.Review.CreatedAt, Lang: lc.Lang,
	}
}

func readCases(t testing.TB, path string) []labelledCase {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		if os.IsNotExist(err) {
			t.Skipf("labelled cases not found at %s (they live outside the repository)", path)
		}
		t.Fatal(err)
	}
	defer f.Close()
	var out []labelledCase
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var lc labelledCase
		if err := json.Unmarshal(sc.Bytes(), &lc); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out = append(out, lc)
	}
	return out
}

type ruleScore struct{ tp, fn, fp, tn int }

// score runs every case and returns per-rule counts and the failures.
func score(t *testing.T, cases []labelledCase) (map[string]*ruleScore, []string) {
	c, err := NewChecker()
	if err != nil {
		t.Fatal(err)
	}
	scores := map[string]*ruleScore{}
	var fails []string
	for _, lc := range cases {
		got := map[string]bool{}
		for _, f := range c.Check(lc.toReview(), lc.Draft, WithNow(lc.DraftedAt)) {
			got[f.Rule] = true
		}
		for _, r := range lc.Expect {
			s := scores[r]
			if s == nil {
				s = &ruleScore{}
				scores[r] = s
			}
			if got[r] {
				s.tp++
			} else {
				s.fn++
				fails = append(fails, fmt.Sprintf("%s: missed %s", lc.ID, r))
			}
		}
		for _, r := range lc.NotExpect {
			s := scores[r]
			if s == nil {
				s = &ruleScore{}
				scores[r] = s
			}
			if got[r] {
				s.fp++
				fails = append(fails, fmt.Sprintf("%s: false %s", lc.ID, r))
			} else {
				s.tn++
			}
		}
	}
	return scores, fails
}

func report(t *testing.T, name string, cases []labelledCase, minRecall, maxFP float64) {
	scores, fails := score(t, cases)
	var rules []string
	for r := range scores {
		rules = append(rules, r)
	}
	sort.Strings(rules)
	var tot ruleScore
	t.Logf("%s: %d cases", name, len(cases))
	t.Logf("%-20s %5s %5s %5s %5s %9s %7s", "rule", "tp", "fn", "fp", "tn", "precision", "recall")
	for _, r := range rules {
		s := scores[r]
		tot.tp += s.tp
		tot.fn += s.fn
		tot.fp += s.fp
		tot.tn += s.tn
		t.Logf("%-20s %5d %5d %5d %5d %9s %7s", r, s.tp, s.fn, s.fp, s.tn, ratio(s.tp, s.tp+s.fp), ratio(s.tp, s.tp+s.fn))
	}
	t.Logf("%-20s %5d %5d %5d %5d %9s %7s", "TOTAL", tot.tp, tot.fn, tot.fp, tot.tn, ratio(tot.tp, tot.tp+tot.fp), ratio(tot.tp, tot.tp+tot.fn))
	clean := 0
	empty := 0
	for _, lc := range cases {
		if len(lc.Expect) == 0 {
			empty++
			ok := true
			for _, f := range fails {
				if strings.HasPrefix(f, lc.ID+":") {
					ok = false
				}
			}
			if ok {
				clean++
			}
		}
	}
	t.Logf("good replies (expect: []) with no not_expect finding: %d/%d", clean, empty)
	for _, f := range fails {
		t.Log(f)
	}
	recall := float64(tot.tp) / float64(max(1, tot.tp+tot.fn))
	fpRate := float64(tot.fp) / float64(max(1, tot.fp+tot.tn))
	if recall < minRecall {
		t.Errorf("%s: recall of expect %.3f < %.2f", name, recall, minRecall)
	}
	if fpRate > maxFP {
		t.Errorf("%s: %.1f%% of not_expect reported (limit %.0f%%)", name, 100*fpRate, 100*maxFP)
	}
}

func ratio(a, b int) string {
	if b == 0 {
		return "-"
	}
	return fmt.Sprintf("%.3f", float64(a)/float64(b))
}

// TestAccuracyDev runs the shared labelled cases (never copied into the
// repository): recall of expect must be at least 0.85 and at most 10% of
// not_expect entries may be reported.
func TestAccuracyDev(t *testing.T) {
	cases := readCases(t, filepath.Join("..", "..", "shared", "data", "reply", "cases-dev.jsonl"))
	report(t, "cases-dev", cases, 0.85, 0.10)
}

// TestAccuracyOwn runs our own cases in testdata.
func TestAccuracyOwn(t *testing.T) {
	cases := readCases(t, filepath.Join("testdata", "cases.jsonl"))
	report(t, "testdata", cases, 0.85, 0.10)
}
