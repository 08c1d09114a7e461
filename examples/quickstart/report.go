package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/reputekit/repute/review"
	"github.com/reputekit/repute/sentiment"
)

type reportOptions struct {
	Loc    *time.Location
	Target float64
	// Now is the moment ages are measured at; zero means the newest
	// review or reply in the data, so a report on old data reads the same
	// every day.
	Now time.Time
	// Top is how many reviews the sentiment and plan sections list
	// (0 = 8).
	Top int
}

func report(w io.Writer, name string, rs []review.Review, o reportOptions) {
	if o.Top <= 0 {
		o.Top = 8
	}
	now := o.Now
	if now.IsZero() {
		now = newest(rs)
	}
	s := review.Summarize(rs)
	fmt.Fprintf(w, "Repute quickstart — %s\n", name)
	fmt.Fprintf(w, "%d reviews from %d sources, as of %s\n", s.Count, countSources(rs), now.In(o.Loc).Format("2006-01-02 15:04 MST"))

	section(w, "Stars")
	fmt.Fprintf(w, "rated %d, unrated %d, mean %.2f★\n", s.Rated(), s.Unrated, s.Mean)
	histogram(w, s)
	fmt.Fprintf(w, "damped mean (7 reviews at 3.5★ prior): %.2f★\n", review.DampedMean(s, review.TrustpilotPrior))
	fmt.Fprintf(w, "share of 4–5★: %.0f%% (Wilson 95%% lower bound %.0f%%)\n",
		100*float64(s.PositiveCount())/float64(max(1, s.Rated())), 100*s.PositiveLowerBound(0.95))
	if n, err := review.NeededForTarget(s, o.Target, 5); err != nil {
		fmt.Fprintf(w, "reaching %.1f★: %v\n", o.Target, err)
	} else if n == 0 {
		fmt.Fprintf(w, "the mean is already at or above %.1f★\n", o.Target)
	} else {
		fmt.Fprintf(w, "5★ reviews needed to reach %.1f★: %d\n", o.Target, n)
	}
	if n, err := review.ReviewsToOffset(s, 1, 5); err == nil {
		fmt.Fprintf(w, "at this mean one new 1★ review takes %d five-star reviews to offset\n", n)
	}

	section(w, "Responses")
	resp := review.ResponseStats(rs, now)
	fmt.Fprintf(w, "%-10s %7s %9s %6s %9s %9s %11s %15s\n", "band", "reviews", "answered", "rate", "median", "p90", "unanswered", "oldest waiting")
	row := func(label string, f review.ResponseFigures) {
		if f.Reviews == 0 {
			return
		}
		fmt.Fprintf(w, "%-10s %7d %9d %5.0f%% %9s %9s %11d %15s\n", label, f.Reviews, f.Answered, 100*f.Rate,
			dur(f.MedianTime, f.Answered), dur(f.P90Time, f.Answered), f.Unanswered, dur(f.OldestUnanswered, f.Unanswered))
	}
	row("all", resp.All)
	row("1–2★", resp.Negative)
	row("3★", resp.Neutral)
	row("4–5★", resp.Positive)
	row("unrated", resp.Unrated)

	section(w, "Monthly trend ("+o.Loc.String()+")")
	buckets := review.Trend(rs, review.Month, o.Loc)
	drops := review.DetectDrops(buckets, review.DropOptions{})
	flagged := make(map[int]review.Drop, len(drops))
	for _, d := range drops {
		flagged[d.Index] = d
	}
	fmt.Fprintf(w, "%-8s %7s %6s %8s\n", "month", "reviews", "mean", "1–2★")
	for i, b := range buckets {
		mean := "    –"
		if b.Summary.Rated() > 0 {
			mean = fmt.Sprintf("%5.2f", b.Mean())
		}
		line := fmt.Sprintf("%-8s %7d %6s %7.0f%%", b.Start.Format("2006-01"), b.Summary.Count, mean, 100*b.NegativeShare())
		if d, ok := flagged[i]; ok {
			line += fmt.Sprintf("  ◀ dropped %.2f★ below the %.2f★ of the months before", d.Fall, d.Baseline)
		}
		fmt.Fprintln(w, line)
	}
	if len(drops) == 0 {
		fmt.Fprintln(w, "no month fell more than 0.5★ below the months before it")
	}

	an := sentiment.New()
	sentimentSection(w, an, scoreAll(an, rs), o.Top)
	planSection(w, an, rs, now, o.Top)
	checkSection(w, an)
	surveySection(w)
}

func section(w io.Writer, title string) {
	fmt.Fprintf(w, "\n%s\n%s\n", title, strings.Repeat("─", len([]rune(title))))
}

// histogram draws one bar per star, scaled to 40 cells for the largest.
func histogram(w io.Writer, s review.Summary) {
	top := 0
	for _, c := range s.Distribution {
		top = max(top, c)
	}
	for star := 5; star >= 1; star-- {
		c := s.Distribution[star-1]
		cells := 0
		if top > 0 {
			cells = (c*40 + top - 1) / top
		}
		pct := 0.0
		if s.Rated() > 0 {
			pct = 100 * float64(c) / float64(s.Rated())
		}
		fmt.Fprintf(w, "%d★ %-40s %4d  %3.0f%%\n", star, strings.Repeat("█", cells), c, pct)
	}
}

func dur(d time.Duration, n int) string {
	if n == 0 {
		return "–"
	}
	switch {
	case d >= 48*time.Hour:
		return fmt.Sprintf("%.1f days", d.Hours()/24)
	case d >= time.Hour:
		return fmt.Sprintf("%.1f h", d.Hours())
	}
	return fmt.Sprintf("%.0f min", d.Minutes())
}

func newest(rs []review.Review) time.Time {
	var t time.Time
	for i := range rs {
		if rs[i].CreatedAt.After(t) {
			t = rs[i].CreatedAt
		}
		if rs[i].Reply != nil && rs[i].Reply.CreatedAt.After(t) {
			t = rs[i].Reply.CreatedAt
		}
	}
	return t
}

func countSources(rs []review.Review) int {
	seen := map[string]bool{}
	for i := range rs {
		seen[rs[i].Source] = true
	}
	return len(seen)
}
