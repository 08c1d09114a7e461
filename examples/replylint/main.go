// Command replylint checks a draft reply to a customer review against the
// reply guidelines and prints the findings like a compiler:
//
//	draft.txt:1:34: warning: defensive: This sentence blames the customer ...
//
// It exits with status 1 when a finding has error severity (so it can sit
// in a support tool's pre-publish hook), 2 on bad input, 0 otherwise.
//
// The review and the draft come from flags:
//
//	replylint -rating 1 -lang en -author "Ann Lee" -body "Arrived broken." -draft draft.txt
//	replylint -review review.json -draft draft.txt
//
// or as one JSON object on standard input (-stdin):
//
//	{"review": {"rating": 1, "lang": "en", "author": {"name": "Ann Lee"}, "body": "...",
//	            "created_at": "2026-05-01T10:00:00Z"},
//	 "draft": "Hi Ann, ...", "now": "2026-05-01T12:00:00Z"}
//
// The review object is a review.Review in its JSON form. Columns count
// characters (runes), from 1.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/reputekit/repute/reply"
	"github.com/reputekit/repute/review"
)

type input struct {
	Review review.Review `json:"review"`
	Draft  string        `json:"draft"`
	Now    time.Time     `json:"now,omitzero"`
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("replylint", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var (
		useStdin   = fs.Bool("stdin", false, "read {\"review\":…, \"draft\":…} JSON from standard input")
		reviewFile = fs.String("review", "", "JSON file with the review (review.Review)")
		draftFile  = fs.String("draft", "", "file with the draft reply ('-' for standard input)")
		draftText  = fs.String("text", "", "the draft reply itself (instead of -draft)")
		rating     = fs.Float64("rating", 0, "review stars 1–5 (0 = unrated)")
		title      = fs.String("title", "", "review title")
		body       = fs.String("body", "", "review body")
		lang       = fs.String("lang", "", "review language: en, ru or lt (detected when empty)")
		author     = fs.String("author", "", "reviewer's display name")
		created    = fs.String("created", "", "review time, RFC 3339")
		nowFlag    = fs.String("now", "", "time the draft is judged at, RFC 3339 (default: now)")
		policyFile = fs.String("policy", "", "JSON policy file (reply.Policy)")
		msgLang    = fs.String("msg", "en", "message language: en, ru, lt or auto (the draft's)")
		minSev     = fs.String("min", "suggestion", "lowest severity to print: suggestion, warning or error")
	)
	if err := fs.Parse(args); err != nil {
		return 2
	}
	fail := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "replylint: "+format+"\n", a...)
		return 2
	}

	var in input
	name := "draft"
	switch {
	case *useStdin:
		dec := json.NewDecoder(stdin)
		dec.DisallowUnknownFields()
		if err := dec.Decode(&in); err != nil {
			return fail("reading JSON from stdin: %v", err)
		}
	default:
		if *reviewFile != "" {
			b, err := os.ReadFile(*reviewFile)
			if err != nil {
				return fail("%v", err)
			}
			if err := json.Unmarshal(b, &in.Review); err != nil {
				return fail("%s: %v", *reviewFile, err)
			}
		} else {
			in.Review = review.Review{ID: "cli:1", Source: "cli", Rating: *rating, Title: *title, Body: *body, Lang: *lang, Author: review.Author{Name: *author}}
			if *created != "" {
				t, err := time.Parse(time.RFC3339, *created)
				if err != nil {
					return fail("-created: %v", err)
				}
				in.Review.CreatedAt = t
			}
		}
		switch {
		case *draftText != "":
			in.Draft = *draftText
		case *draftFile == "-":
			b, err := io.ReadAll(stdin)
			if err != nil {
				return fail("%v", err)
			}
			in.Draft = string(b)
		case *draftFile != "":
			b, err := os.ReadFile(*draftFile)
			if err != nil {
				return fail("%v", err)
			}
			in.Draft, name = string(b), *draftFile
		default:
			fs.Usage()
			return fail("no draft: give -draft FILE, -text TEXT or -stdin")
		}
	}
	if strings.TrimSpace(in.Review.Title+in.Review.Body) == "" && in.Review.Rating == 0 {
		return fail("no review: give -review FILE, -body/-rating, or -stdin")
	}

	opts := []reply.Option{reply.WithMessageLang(*msgLang)}
	if *nowFlag != "" {
		t, err := time.Parse(time.RFC3339, *nowFlag)
		if err != nil {
			return fail("-now: %v", err)
		}
		in.Now = t
	}
	if !in.Now.IsZero() {
		opts = append(opts, reply.WithNow(in.Now))
	}
	if *policyFile != "" {
		opts = append(opts, reply.WithPolicyFile(*policyFile))
	}
	c, err := reply.NewChecker(opts...)
	if err != nil {
		return fail("%v", err)
	}
	threshold, err := reply.ParseSeverity(*minSev)
	if err != nil {
		return fail("-min: %v", err)
	}
	status := 0
	for _, f := range c.Check(in.Review, in.Draft) {
		if f.Severity == reply.Error {
			status = 1
		}
		if f.Severity < threshold {
			continue
		}
		line, col := position(in.Draft, f.Start)
		fmt.Fprintf(stdout, "%s:%d:%d: %s: %s: %s\n", name, line, col, f.Severity, f.Rule, f.Message)
	}
	return status
}

// position converts a byte offset into a 1-based line and rune column.
func position(s string, off int) (line, col int) {
	if off > len(s) {
		off = len(s)
	}
	line = 1 + strings.Count(s[:off], "\n")
	start := strings.LastIndexByte(s[:off], '\n') + 1
	return line, 1 + utf8.RuneCountInString(s[start:off])
}
