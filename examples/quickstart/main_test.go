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
