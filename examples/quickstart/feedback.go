package main

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/reputekit/repute/reply"
	"github.com/reputekit/repute/review"
	"github.com/reputekit/repute/sentiment"
	"github.com/reputekit/repute/survey"
)

// scored is a review with the verdict of its stars and text.
type scored struct {
	review.Review
	score   sentiment.Score
	verdict sentiment.Verdict
}

// scoreAll analyses every review's title and body and merges the text's
// score with the stars.
func scoreAll(an *sentiment.Analyzer, rs []review.Review) []scored {
	out := make([]scored, len(rs))
	for i, rv := range rs {
		text := rv.Body
		if rv.Title != "" {
			text = rv.Title + ". " + rv.Body
		}
		s := an.Analyze(text)
		out[i] = scored{Review: rv, score: s, verdict: sentiment.CombineStars(rv.Rating, s)}
	}
	return out
}

// sentimentSection prints the most negative reviews first, with the aspects
// each one raises, whether it is constructive or venting, and which aspects
// customers complain about most across the data.
func sentimentSection(w io.Writer, an *sentiment.Analyzer, ss []scored, top int) {
	section(w, "Most negative first (stars and text combined)")
	byNeg := slices.Clone(ss)
	slices.SortStableFunc(byNeg, func(a, b scored) int {
		return cmp.Compare(b.verdict.Negativity, a.verdict.Negativity)
	})
	labels := map[sentiment.Label]int{}
	for _, s := range ss {
		labels[s.verdict.Label]++
	}
	fmt.Fprintf(w, "negative %d, neutral %d, positive %d; mixed (stars and text disagree or praise meets complaint): %d\n",
		labels[sentiment.Negative], labels[sentiment.Neutral], labels[sentiment.Positive], countMixed(ss))
	fmt.Fprintf(w, "%5s %-8s %-2s %-10s %-2s %-34s %s\n", "neg", "label", "★", "source", "", "aspects (−/+)", "text")
	for _, s := range byNeg[:min(top, len(byNeg))] {
		fmt.Fprintf(w, "%5.2f %-8s %-2s %-10s %-2s %-34s %s\n", s.verdict.Negativity, s.verdict.Label,
			stars(s.Rating), s.Source, s.score.Lang, clip(aspects(s.score), 34), clip(s.Body, 50))
		c := an.Constructiveness(s.Body)
		kind := "venting"
		if c.Constructive {
			kind = "constructive"
		}
		note := fmt.Sprintf("      %s (%.2f: %s)", kind, c.Score, strings.Join(c.Reasons, ", "))
		if t := an.Toxicity(s.Body); t.Score > 0 {
			var words []string
			for _, sp := range t.Spans {
				words = append(words, fmt.Sprintf("%q", s.Body[sp.Start:sp.End]))
			}
			note += fmt.Sprintf("; abusive %.2f: %s", t.Score, strings.Join(words, " "))
		}
		fmt.Fprintln(w, note)
	}

	// Which aspects do customers complain about, across all reviews?
	neg := map[sentiment.Aspect]int{}
	for _, s := range ss {
		seen := map[sentiment.Aspect]bool{}
		for _, m := range s.score.Aspects {
			if m.Polarity < 0 && !seen[m.Aspect] {
				seen[m.Aspect] = true
				neg[m.Aspect]++
			}
		}
	}
	type count struct {
		a sentiment.Aspect
		n int
	}
	var counts []count
	for a, n := range neg {
		counts = append(counts, count{a, n})
	}
	slices.SortFunc(counts, func(x, y count) int {
		return cmp.Or(cmp.Compare(y.n, x.n), cmp.Compare(x.a, y.a))
	})
	var parts []string
	for _, c := range counts {
		parts = append(parts, fmt.Sprintf("%s %d", c.a, c.n))
	}
	if len(parts) > 0 {
		fmt.Fprintf(w, "reviews complaining about each aspect: %s\n", strings.Join(parts, ", "))
	}
}

func countMixed(ss []scored) int {
	n := 0
	for _, s := range ss {
		if s.verdict.Mixed {
			n++
		}
	}
	return n
}

// aspects lists a score's aspects once each with the sign of its polarity.
func aspects(s sentiment.Score) string {
	seen := map[sentiment.Aspect]bool{}
	var parts []string
	for _, m := range s.Aspects {
		if seen[m.Aspect] {
			continue
		}
		seen[m.Aspect] = true
		sign := "·"
		switch {
		case m.Polarity < 0:
			sign = "−"
		case m.Polarity > 0:
			sign = "+"
		}
		parts = append(parts, string(m.Aspect)+sign)
	}
	if len(parts) == 0 {
		return "–"
	}
	return strings.Join(parts, " ")
}

func stars(r float64) string {
	if r == 0 {
		return "–"
	}
	return fmt.Sprintf("%.0f", r)
}

// clip shortens s to at most n runes on one line.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// planSection prints the reply plan for the unanswered reviews: who needs a
// person, who may get an automated answer, by when, and why.
func planSection(w io.Writer, an *sentiment.Analyzer, rs []review.Review, now time.Time, top int) {
	section(w, "Reply plan for the unanswered reviews")
	var open []review.Review
	for _, rv := range rs {
		if !rv.Answered() {
			open = append(open, rv)
		}
	}
	tasks := reply.Plan(open, reply.WithNow(now), reply.WithAnalyzer(an))
	byAction := map[reply.Action]int{}
	overdue, removable := 0, 0
	for _, t := range tasks {
		byAction[t.Action]++
		if t.Overdue {
			overdue++
		}
		if t.Removable {
			removable++
		}
	}
	fmt.Fprintf(w, "%d unanswered: %d need a person, %d may get an automated reply; %d overdue; %d may be reported for removal\n",
		len(open), byAction[reply.ActionPersonal], byAction[reply.ActionAutomated], overdue, removable)
	fmt.Fprintf(w, "%4s %-9s %-10s %-2s %-16s %s\n", "prio", "action", "source", "★", "due", "why")
	for _, t := range tasks[:min(top, len(tasks))] {
		rv := open[t.Index]
		due := t.Due.In(time.UTC).Format("2006-01-02 15:04")
		if t.Overdue {
			due += "!"
		}
		why := t.Reasons[0]
		if t.Removable {
			why += "; removable: " + strings.Join(t.RemovalReasons, ", ")
		}
		fmt.Fprintf(w, "%4.0f %-9s %-10s %-2s %-16s %s\n", t.Priority, t.Action, rv.Source, stars(rv.Rating), due, why)
	}
}

// The draft check always uses this review from the embedded sample: an
// aggressive 1★ complaint about a damaged kettle and unanswered e-mails.
const checkReviewID = "trustpilot:bb89be2b35481aeaafafdfd0"

const (
	badDraft = "Dear customer, thank you for your feedback. We are not responsible for damage caused by the courier, " +
		"and our team answers every e-mail within 24 hours, so you must have written to the wrong address. " +
		"Calling us clowns will not help."
	goodDraft = "Hi Gary, thank you for telling us, and we are sorry that your kettle arrived with a broken lid " +
		"and that your e-mails went unanswered. We will send a new kettle today at our cost, " +
		"and you do not need to return the damaged one. Please write to care@northwindgoods.example " +
		"so we can confirm the delivery address personally. From now on we will double-box every fragile " +
		"item before it leaves the warehouse. We hope the new kettle serves you well."
)

// checkSection runs reply.Check on a defensive draft and on a careful one
// for the same complaint and prints the findings like a linter.
func checkSection(w io.Writer, an *sentiment.Analyzer) {
	sample, _, _ := readReviews(bytes.NewReader(sample))
	i := slices.IndexFunc(sample, func(r review.Review) bool { return r.ID == checkReviewID })
	if i < 0 {
		return
	}
	rv := sample[i]
	section(w, "Checking two draft replies")
	fmt.Fprintf(w, "review (%s, %.0f★): %s\n", rv.Source, rv.Rating, clip(rv.Body, 100))
	pol := reply.DefaultPolicy()
	pol.Contacts = append(pol.Contacts, "care@northwindgoods.example")
	at := rv.CreatedAt.Add(20 * time.Hour)
	for _, d := range []struct{ name, text string }{{"defensive draft", badDraft}, {"careful draft", goodDraft}} {
		fs := reply.Check(rv, d.text, reply.WithNow(at), reply.WithPolicy(pol), reply.WithAnalyzer(an))
		fmt.Fprintf(w, "\n%s: %q\n", d.name, clip(d.text, 90))
		if len(fs) == 0 {
			fmt.Fprintln(w, "  no findings: ready for a person to publish")
		}
		for _, f := range fs {
			span := ""
			if f.End > f.Start {
				span = fmt.Sprintf(" [%s]", clip(d.text[f.Start:f.End], 40))
			}
			fmt.Fprintf(w, "  %d:%d: %s: %s: %s%s\n", f.Start, f.End, f.Severity, f.Rule, f.Message, span)
		}
	}
}

// surveySection builds the post-delivery survey a shop would send, lints it,
// schedules one invitation and scores a handful of made-up answers (the
// sample holds reviews, not survey responses; examples/survey simulates a
// few hundred).
func surveySection(w io.Writer) {
	section(w, "A post-delivery survey (example answers)")
	s := survey.Survey{
		ID:   "post-delivery",
		Goal: "find what to fix first in delivery and packaging",
		Lang: "en",
		Questions: []survey.Question{
			survey.NPSQuestion("nps", "How likely are you to recommend Northwind Goods to a friend?"),
			survey.CSATQuestion("csat", "How satisfied are you with the delivery of this order?", 5),
			survey.ImproveQuestion("fix", "What should we improve?", survey.IfScore("nps", 0, 6)),
		},
	}
	if err := s.Validate(); err != nil {
		fmt.Fprintln(w, "survey:", err)
		return
	}
	findings := s.Lint()
	fmt.Fprintf(w, "%d questions, goal %q, lint findings: %d\n", len(s.Questions), s.Goal, len(findings))
	for _, f := range findings {
		fmt.Fprintf(w, "  %s %s %s: %s\n", f.Severity, f.Rule, f.Question, f.Message)
	}

	pol := survey.Policy{Delay: 3 * 24 * time.Hour, Reminder: 4 * 24 * time.Hour}
	delivered := time.Date(2026, 10, 30, 19, 40, 0, 0, time.UTC)
	inv, err := pol.Schedule(survey.Event{OrderID: "NW-261107", CustomerID: "c-42", Kind: survey.TriggerDelivered,
		At: delivered, TimeZone: "Europe/Vilnius"}, delivered, time.Time{})
	if err != nil {
		fmt.Fprintln(w, "schedule:", err)
	} else {
		fmt.Fprintf(w, "delivered %s → invite %s, remind %s, drop after %s\n",
			delivered.Format("Jan 2 15:04 MST"), inv.SendAt.Format("Jan 2 15:04 MST"),
			inv.RemindAt.Format("Jan 2 15:04"), inv.Expires.Format("Jan 2"))
	}

	answers := []int{10, 9, 9, 10, 8, 7, 6, 9, 3, 10, 9, 8, 10, 5, 9}
	var nps survey.NPSScorer
	for _, a := range answers {
		if err := nps.Add(a); err != nil {
			fmt.Fprintln(w, "answer:", err)
		}
	}
	if r, err := nps.Result(); err == nil {
		fmt.Fprintf(w, "NPS of %d answers: %.1f (95%% interval %.1f to %.1f)", r.N, r.Score, r.Interval.Low, r.Interval.High)
		if r.ThinSample() {
			fmt.Fprint(w, " — too few answers to act on yet")
		}
		fmt.Fprintln(w)
	}
	if csat, err := survey.CSAT([]int{5, 4, 4, 3, 5, 2, 5, 4}, 5); err == nil {
		fmt.Fprintf(w, "CSAT (share of 4–5 on 1–5): %.1f%%\n", csat)
	}
}
