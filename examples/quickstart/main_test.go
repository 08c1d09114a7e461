package main

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestSampleIsClean(t *testing.T) {
	t.Parallel()
	rs, bad, err := readReviews(bytes.NewReader(sample))
	if err != nil || len(bad) > 0 {
		t.Fatalf("sample: err %v, bad lines %v", err, bad)
	}
	if len(rs) < 80 {
		t.Fatalf("sample has %d reviews, want at least 80", len(rs))
	}
	langs, sources := map[string]int{}, map[string]int{}
	for _, rv := range rs {
		langs[rv.Lang]++
		sources[rv.Source]++
	}
	for _, l := range []string{"en", "ru", "lt"} {
		if langs[l] == 0 {
			t.Errorf("no %s reviews in the sample", l)
		}
	}
	if len(sources) < 4 {
		t.Errorf("sample uses %d platforms, want at least 4", len(sources))
	}
}

func TestBadLinesAreReportedAndTheRestKept(t *testing.T) {
	t.Parallel()
	f, err := os.ReadFile("testdata/bad.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	rs, bad, err := readReviews(bytes.NewReader(f))
	if err != nil {
		t.Fatal(err)
	}
	var lines []int
	for _, b := range bad {
		lines = append(lines, b.Line)
	}
	if diff := cmp.Diff([]int{4, 5}, lines); diff != "" {
		t.Errorf("bad lines (-want +got):\n%s", diff)
	}
	if len(rs) != 4 {
		t.Errorf("kept %d reviews, want 4", len(rs))
	}
}

// The report's figures agree with a computation done here by hand, without
// the review package's aggregates.
func TestReportNumbers(t *testing.T) {
	t.Parallel()
	rs, _, _ := readReviews(bytes.NewReader(sample))
	var sum, n float64
	var dist [5]int
	months := map[string][2]float64{}
	loc, err := time.LoadLocation("Europe/Vilnius")
	if err != nil {
		t.Skip("no tzdata:", err)
	}
	for _, rv := range rs {
		sum += rv.Rating
		n++
		dist[int(rv.Rating)-1]++
		m := rv.CreatedAt.In(loc).Format("2006-01")
		v := months[m]
		months[m] = [2]float64{v[0] + rv.Rating, v[1] + 1}
	}
	// smallest x with (sum + 5x)/(n + x) ≥ 4.5, by search
	x := 0
	for (sum+5*float64(x))/(n+float64(x)) < 4.5 {
		x++
	}
	var out strings.Builder
	report(&out, "sample", rs, reportOptions{Loc: loc, Target: 4.5})
	got := out.String()
	want := []string{
		fmt.Sprintf("mean %.2f★", sum/n),
		fmt.Sprintf("5★ reviews needed to reach 4.5★: %d", x),
		fmt.Sprintf("damped mean (7 reviews at 3.5★ prior): %.2f★", (sum+7*3.5)/(n+7)),
	}
	for star := 1; star <= 5; star++ {
		want = append(want, fmt.Sprintf(" %4d  ", dist[star-1]))
	}
	for m, v := range months {
		want = append(want, fmt.Sprintf("%-8s %7d %6.2f", m, int(v[1]), v[0]/v[1]))
	}
	want = append(want, "2026-08") // the August courier trouble
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("report lacks %q", w)
		}
	}
	if !strings.Contains(got, "◀ dropped") || !strings.Contains(got[strings.Index(got, "2026-08"):], "◀ dropped") {
		t.Errorf("August is not flagged:\n%s", got)
	}
}

func sampleReport(t *testing.T) string {
	t.Helper()
	rs, _, _ := readReviews(bytes.NewReader(sample))
	var out strings.Builder
	report(&out, "sample", rs, reportOptions{Loc: time.UTC, Target: 4.5})
	return out.String()
}

// sectionOf returns the lines of the report between a section title and the
// next blank line after its underline.
func sectionOf(t *testing.T, report, title string) []string {
	t.Helper()
	i := strings.Index(report, "\n"+title+"\n")
	if i < 0 {
		t.Fatalf("report has no %q section:\n%s", title, report)
	}
	rest := report[i+len(title)+2:]
	rest = rest[strings.Index(rest, "\n")+1:] // the underline
	if j := strings.Index(rest, "\n\n"); j >= 0 {
		rest = rest[:j]
	}
	return strings.Split(rest, "\n")
}

func TestMostNegativeFirst(t *testing.T) {
	t.Parallel()
	lines := sectionOf(t, sampleReport(t), "Most negative first (stars and text combined)")
	var negs []float64
	for _, l := range lines {
		var v float64
		if _, err := fmt.Sscanf(l, " %f negative", &v); err == nil {
			negs = append(negs, v)
		}
	}
	if len(negs) != 8 {
		t.Fatalf("listed %d negative reviews, want 8:\n%s", len(negs), strings.Join(lines, "\n"))
	}
	for i := 1; i < len(negs); i++ {
		if negs[i] > negs[i-1] {
			t.Errorf("row %d (%.2f) is more negative than the row before it (%.2f)", i, negs[i], negs[i-1])
		}
	}
	// The aggressive kettle review is among them, with its insult named.
	all := strings.Join(lines, "\n")
	for _, want := range []string{"Absolute clowns", `abusive 0.50: "clowns"`, "reviews complaining about each aspect: delivery"} {
		if !strings.Contains(all, want) {
			t.Errorf("section lacks %q:\n%s", want, all)
		}
	}
}

func TestReplyPlanSection(t *testing.T) {
	t.Parallel()
	rs, _, _ := readReviews(bytes.NewReader(sample))
	open := 0
	for _, rv := range rs {
		if rv.Reply == nil {
			open++
		}
	}
	lines := sectionOf(t, sampleReport(t), "Reply plan for the unanswered reviews")
	if !strings.HasPrefix(lines[0], fmt.Sprintf("%d unanswered: ", open)) {
		t.Errorf("first line %q does not count the %d unanswered reviews", lines[0], open)
	}
	var prios []float64
	for _, l := range lines[2:] {
		var p float64
		var action string
		if _, err := fmt.Sscanf(l, "%f %s", &p, &action); err != nil {
			t.Fatalf("row %q: %v", l, err)
		}
		prios = append(prios, p)
	}
	if len(prios) == 0 || !strings.Contains(lines[2], "personal") {
		t.Fatalf("the plan does not start with a personal reply:\n%s", strings.Join(lines, "\n"))
	}
	for i := 1; i < len(prios); i++ {
		if prios[i] > prios[i-1] {
			t.Errorf("plan not ordered by priority: %v", prios)
		}
	}
}

func TestDraftChecks(t *testing.T) {
	t.Parallel()
	report := sampleReport(t)
	i := strings.Index(report, "\ndefensive draft: ")
	j := strings.Index(report, "\ncareful draft: ")
	k := strings.Index(report, "\nA post-delivery survey")
	if i < 0 || j < i || k < j {
		t.Fatalf("draft check section missing or out of order:\n%s", report)
	}
	bad, good := report[i:j], report[j:k]
	for _, rule := range []string{": apology:", ": defensive:", ": take-offline:", ": personal:", ": resolution:"} {
		if !strings.Contains(bad, rule) {
			t.Errorf("the defensive draft is not flagged for %s:\n%s", rule, bad)
		}
	}
	if !strings.Contains(good, "no findings") {
		t.Errorf("the careful draft has findings:\n%s", good)
	}
}

func TestSurveySection(t *testing.T) {
	t.Parallel()
	lines := sectionOf(t, sampleReport(t), "A post-delivery survey (example answers)")
	all := strings.Join(lines, "\n")
	// 15 answers: 9 promoters (9–10), 3 detractors (0–6): NPS = 100·6/15 = 40.
	// CSAT: 6 of 8 answers are 4 or 5 = 75%.
	for _, want := range []string{"lint findings: 0", "invite Nov 3 09:00 EET", "NPS of 15 answers: 40.0", "CSAT (share of 4–5 on 1–5): 75.0%"} {
		if !strings.Contains(all, want) {
			t.Errorf("survey section lacks %q:\n%s", want, all)
		}
	}
}
