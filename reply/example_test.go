package reply_test

import (
	"fmt"
	"time"

	"github.com/reputekit/repute/reply"
	"github.com/reputekit/repute/review"
)

func ExampleCheck() {
	r := review.Review{
		ID: "demo:1", Source: "demo", Rating: 1, Lang: "en",
		Author:    review.Author{Name: "Dana Fox"},
		Body:      "The lamp arrived with a cracked base.",
		CreatedAt: time.Date(2026, 5, 4, 9, 0, 0, 0, time.UTC),
	}
	draft := "Dear customer, thank you for your feedback. As clearly stated on the box, glass is fragile."
	for _, f := range reply.Check(r, draft, reply.WithNow(r.CreatedAt.Add(3*time.Hour))) {
		fmt.Printf("%s %s %q\n", f.Severity, f.Rule, draft[f.Start:f.End])
	}
	// Output:
	// warning apology ""
	// warning acknowledge ""
	// warning resolution ""
	// warning defensive "As clearly stated on the box, glass is fragile."
	// suggestion positive-close "As clearly stated on the box, glass is fragile."
	// suggestion improvement ""
	// warning personal "Dear customer"
}

func ExamplePlan() {
	now := time.Date(2026, 5, 10, 12, 0, 0, 0, time.UTC)
	rs := []review.Review{
		{ID: "a", Source: "demo", Rating: 5, Lang: "en", Body: "Lovely scarf, quick delivery.", CreatedAt: now.Add(-2 * time.Hour)},
		{ID: "b", Source: "demo", Rating: 1, Lang: "en", Body: "My parcel never arrived and nobody answers.", CreatedAt: now.Add(-50 * time.Hour)},
		{ID: "c", Source: "demo", Rating: 2, Lang: "en", Body: "Wrong size.", CreatedAt: now.Add(-1 * time.Hour),
			Reply: &review.Reply{Body: "Sorry, a new pair is on its way.", CreatedAt: now}},
	}
	for _, t := range reply.Plan(rs, reply.WithNow(now)) {
		due := "-"
		if !t.Due.IsZero() {
			due = t.Due.Format("Jan 2 15:04")
		}
		fmt.Printf("%s %-9s %5.1f due %-11s overdue=%-5v %s\n", t.ReviewID, t.Action, t.Priority, due, t.Overdue, t.Reasons[0])
	}
	// Output:
	// b personal   85.9 due May 10 10:00 overdue=true  a complaint (1★): a person must apologise and fix it
	// a automated   2.8 due May 17 10:00 overdue=false a positive review: a warm automated reply is acceptable
	// c none        0.0 due -           overdue=false already answered
}

func ExampleDraft() {
	r := review.Review{ID: "demo:2", Source: "demo", Rating: 2, Lang: "en", Author: review.Author{Name: "Sam Lee"}, Body: "The parcel was a week late."}
	d, err := reply.Draft(r, reply.WithPolicy(reply.Policy{Channel: "care@shop.example"}))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d)
	// Output:
	// Hi Sam, thank you for taking the time to tell us about this. We're sorry about the wait: [[what went wrong, in your own words]]. [[the fix you offer: refund, replacement or repair, and when]] Please write to care@shop.example so we can sort this out personally. To stop this happening again, we [[what will change]]. We hope to make your next order a much better one.
}
