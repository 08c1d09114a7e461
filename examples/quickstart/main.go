// Quickstart prints a feedback report for a shop: the star summary with a
// histogram, the damped average, how many 5★ reviews it takes to reach 4.5,
// response figures and the monthly trend with any month whose rating fell;
// then the most negative reviews first (stars and text combined, with their
// aspects, constructiveness and abuse), the reply plan for the unanswered
// ones, a check of a defensive and a careful draft reply to one complaint of
// the sample, and a short post-delivery survey with its schedule and scores.
//
// With no flags it reads an embedded sample of reviews written for this
// project (see SAMPLE.md). With -in it reads your own JSON Lines file, one
// review per line in the review.Review JSON shape; a line that does not
// parse or validate is reported with its number and the rest is still used.
//
//	go run ./examples/quickstart
//	go run ./examples/quickstart -in reviews.jsonl -tz Europe/Vilnius
package main

import (
	"bufio"
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/reputekit/repute/review"
)

//go:embed sample.jsonl
var sample []byte

func main() {
	in := flag.String("in", "", "JSON Lines file of reviews (default: the embedded sample)")
	tz := flag.String("tz", "Europe/Vilnius", "time zone for monthly buckets")
	target := flag.Float64("target", 4.5, "target average for the 'reviews needed' figure")
	top := flag.Int("top", 8, "how many reviews the sentiment and reply-plan sections list")
	flag.Parse()

	loc, err := time.LoadLocation(*tz)
	if err != nil {
		fmt.Fprintln(os.Stderr, "quickstart:", err)
		os.Exit(2)
	}
	var src io.Reader = bytes.NewReader(sample)
	name := "embedded sample"
	if *in != "" {
		f, err := os.Open(*in)
		if err != nil {
			fmt.Fprintln(os.Stderr, "quickstart:", err)
			os.Exit(2)
		}
		defer f.Close()
		src, name = f, *in
	}
	rs, bad, err := readReviews(src)
	if err != nil {
		fmt.Fprintf(os.Stderr, "quickstart: reading %s: %v\n", name, err)
		os.Exit(2)
	}
	for _, b := range bad {
		fmt.Fprintf(os.Stderr, "%s:%d: skipped: %v\n", name, b.Line, b.Err)
	}
	if len(rs) == 0 {
		fmt.Fprintf(os.Stderr, "quickstart: no usable reviews in %s\n", name)
		os.Exit(1)
	}
	report(os.Stdout, name, rs, reportOptions{Loc: loc, Target: *target, Top: *top})
}

// lineError is a line of the input that could not be used.
type lineError struct {
	Line int
	Err  error
}

// readReviews decodes JSON Lines; blank lines are skipped, and a line that
// fails to decode or validate becomes a lineError while the rest is kept.
func readReviews(r io.Reader) ([]review.Review, []lineError, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 2*review.MaxBodyBytes)
	var rs []review.Review
	var bad []lineError
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		var rv review.Review
		if err := json.Unmarshal(line, &rv); err != nil {
			bad = append(bad, lineError{n, fmt.Errorf("invalid JSON: %w", err)})
			continue
		}
		if err := rv.Validate(); err != nil {
			bad = append(bad, lineError{n, flatten(err)})
			continue
		}
		rs = append(rs, rv)
	}
	return rs, bad, sc.Err()
}

// flatten turns a joined error into one line.
func flatten(err error) error {
	j, ok := err.(interface{ Unwrap() []error })
	if !ok {
		return err
	}
	var b bytes.Buffer
	for i, e := range j.Unwrap() {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(e.Error())
	}
	return errors.New(b.String())
}
