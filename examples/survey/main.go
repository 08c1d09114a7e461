// Command survey shows the survey package end to end on embedded sample
// data: it builds a post-delivery survey, lints a badly written one,
// schedules an invitation, checks a review-request text, simulates a few
// hundred responses and prints the NPS with its 95 % interval, a breakdown
// by product and the ranked "what to fix first" list.
//
//	go run ./examples/survey
//	go run ./examples/survey -n 1000 -seed 7
package main

import (
	"bufio"
	_ "embed"
	"flag"
	"fmt"
	"io"
	"log"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/reputekit/repute/sentiment"
	"github.com/reputekit/repute/survey"
)

//go:embed sample.tsv
var sampleTSV string

type sample struct {
	nps, csat                  int
	lang, product, channel, tx string
}

func main() {
	n := flag.Int("n", 300, "number of responses to simulate")
	seed := flag.Uint64("seed", 1, "random seed of the simulation")
	flag.Parse()
	if err := run(os.Stdout, *n, *seed); err != nil {
		log.Fatal(err)
	}
}

func run(w io.Writer, n int, seed uint64) error {
	// 1. A post-delivery survey: NPS, CSAT, an open follow-up for
	// detractors, one optional open question.
	s := survey.Survey{
		ID:   "post-delivery",
		Goal: "Find what to fix first between checkout and the customer's door",
		Lang: "en",
		Questions: []survey.Question{
			survey.NPSQuestion("nps", "How likely are you to recommend our shop to a friend or colleague?"),
			survey.CSATQuestion("csat", "How satisfied or dissatisfied are you with your order?", 5),
			survey.ImproveQuestion("improve", "What should we improve?", survey.IfScore("nps", 0, 8)),
			survey.OpenQuestion("other", "Is there anything else you want to tell us?"),
		},
		Timing: survey.Policy{Delay: 3 * 24 * time.Hour, Reminder: 4 * 24 * time.Hour, Deadline: 21 * 24 * time.Hour},
	}
	if err := s.Validate(); err != nil {
		return err
	}
	fmt.Fprintf(w, "Survey %q: %d questions, lint findings: %d\n\n", s.ID, len(s.Questions), len(s.Lint()))

	// 2. A badly written survey and what Lint says about it.
	bad := survey.Survey{ID: "bad", Questions: []survey.Question{
		{ID: "q1", Kind: survey.KindScale, Text: "How great was our amazing delivery?", Construct: "delivery",
			Scale: &survey.Scale{Min: 1, Max: 5, MinLabel: "Bad", MaxLabel: "Great"}},
		{ID: "q2", Kind: survey.KindScale, Text: "Оцените скорость и вежливость курьера.", Construct: "delivery",
			Scale: &survey.Scale{Min: 1, Max: 10}},
		{ID: "q3", Kind: survey.KindText, Text: "Kaip labai jums patiko mūsų parduotuvė?", Required: true},
		{ID: "q4", Kind: survey.KindText, Text: "Why?", Required: true},
	}}
	fmt.Fprintln(w, "Lint of a bad survey:")
	for _, f := range bad.Lint() {
		where := "survey"
		if f.Question != "" {
			where = f.Question
		}
		fmt.Fprintf(w, "  %-10s %-18s %-6s %s\n", f.Severity, f.Rule, where, f.Message)
	}

	// 3. When does the invitation go out? Delivered late in the evening in
	// Vilnius: three days later, never at night.
	vilnius := time.FixedZone("EET", 2*60*60)
	delivered := time.Date(2026, 3, 2, 21, 40, 0, 0, vilnius)
	inv, err := s.Timing.Schedule(survey.Event{OrderID: "A-1001", CustomerID: "c-17", Kind: survey.TriggerDelivered,
		At: delivered, Location: vilnius}, delivered, time.Time{})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\nDelivered %s → invite %s, remind %s, expires %s\n",
		delivered.Format("Mon 02 Jan 15:04"), inv.SendAt.Format("Mon 02 Jan 15:04"),
		inv.RemindAt.Format("Mon 02 Jan 15:04"), inv.Expires.Format("Mon 02 Jan 15:04"))

	// 4. A review request borrowed from a "growth hacks" article.
	msg := survey.Message{Subject: "Loved your order?", Body: "If you were happy, leave us a 5-star review on Google and get 10% off your next order!"}
	fmt.Fprintln(w, "\nReview request checked for Google:")
	for _, f := range survey.CheckInvitation(msg, survey.PlatformGoogle) {
		fmt.Fprintf(w, "  %-7s %-22s %q\n", f.Severity, f.Rule, msg.Body[f.Start:f.End])
	}

	// 5. Simulated responses from the embedded sample.
	samples, err := parseSample(sampleTSV)
	if err != nil {
		return err
	}
	rng := rand.New(rand.NewPCG(seed, 2026))
	start := time.Date(2026, 2, 2, 9, 0, 0, 0, time.UTC)
	responses := make([]survey.Response, 0, n)
	rejected := 0
	for i := range n {
		sm := samples[rng.IntN(len(samples))]
		r := survey.Response{
			ID: "r" + strconv.Itoa(i+1), SurveyID: s.ID, ProductID: sm.product, Channel: sm.channel, Lang: sm.lang,
			SubmittedAt: start.Add(time.Duration(rng.IntN(42*24)) * time.Hour),
			Answers:     map[string]survey.Answer{"nps": survey.ScoreAnswer(sm.nps), "csat": survey.ScoreAnswer(sm.csat)},
		}
		if sm.tx != "" {
			r.Answers["improve"] = survey.TextAnswer(sm.tx)
		}
		good, err := s.ValidateResponse(r)
		if err != nil {
			rejected++ // a promoter's answer to the detractor follow-up is dropped, the rest kept
		}
		responses = append(responses, good)
	}

	var nps survey.NPSScorer
	var csat survey.CSATScorer
	for _, r := range responses {
		_ = nps.Add(r.Answers["nps"].Score)
		_ = csat.Add(r.Answers["csat"].Score)
	}
	nr, err := nps.Result()
	if err != nil {
		return err
	}
	cr, err := csat.Result()
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\n%d responses (%d had an answer dropped by validation)\n", len(responses), rejected)
	fmt.Fprintf(w, "NPS  %+.1f  (95%% CI %+.1f … %+.1f; %d promoters, %d detractors)\n", nr.Score, nr.Interval.Low, nr.Interval.High, nr.Top, nr.Bottom)
	fmt.Fprintf(w, "CSAT %.1f%% (95%% CI %.1f … %.1f, %s)\n", cr.Score, cr.Interval.Low, cr.Interval.High, cr.Variant)

	segs, err := survey.Breakdown(s, "nps", slices.Values(responses), survey.ByProduct)
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "\nNPS by product:")
	for _, g := range segs {
		fmt.Fprintf(w, "  %-8s %+6.1f  (%+.1f … %+.1f, n=%d)\n", g.Key, g.Result.Score, g.Result.Interval.Low, g.Result.Interval.High, g.Result.N)
	}

	// 6. What to fix first, from the open answers in three languages.
	fmt.Fprintln(w, "\nWhat to fix first:")
	for i, im := range survey.Improvements(s, slices.Values(responses), sentiment.New()) {
		fmt.Fprintf(w, "  %d. %-12s %3d answers (%.0f%%, %d from detractors), mean negativity %.2f\n",
			i+1, im.Aspect, im.Count, im.Share, im.Detractors, im.Negativity)
		for _, q := range im.Examples {
			fmt.Fprintf(w, "       %q\n", q.Text)
		}
	}

	// 7. The first rows as CSV.
	fmt.Fprintln(w, "\nCSV export (first 3 responses):")
	return survey.WriteCSV(w, s, slices.Values(responses[:min(3, len(responses))]))
}

func parseSample(tsv string) ([]sample, error) {
	var out []sample
	sc := bufio.NewScanner(strings.NewReader(tsv))
	for line := 1; sc.Scan(); line++ {
		if sc.Text() == "" || strings.HasPrefix(sc.Text(), "#") {
			continue
		}
		f := strings.Split(sc.Text(), "\t")
		if len(f) != 6 {
			return nil, fmt.Errorf("sample.tsv:%d: %d fields, want 6", line, len(f))
		}
		nps, err1 := strconv.Atoi(f[0])
		csat, err2 := strconv.Atoi(f[1])
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("sample.tsv:%d: bad score", line)
		}
		out = append(out, sample{nps: nps, csat: csat, lang: f[2], product: f[3], channel: f[4], tx: f[5]})
	}
	return out, sc.Err()
}
