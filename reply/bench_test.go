package reply

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/reputekit/repute/review"
)

var benchReview = review.Review{
	ID: "b:1", Source: "b", Rating: 1, Lang: "en", Author: review.Author{Name: "Chris Noble"},
	Title:     "Late and damaged",
	Body:      "My order arrived a week late and the glass jug inside was cracked. I emailed twice and nobody answered, which is really disappointing for a shop I used to trust.",
	CreatedAt: time.Date(2026, 6, 1, 8, 0, 0, 0, time.UTC),
}

// benchDraft80 is a typical reply of about 80 words.
const benchDraft80 = "Hi Chris, thank you for taking the time to tell us, and I'm sorry your order arrived a week late with a cracked jug. " +
	"I've sent a replacement jug by express delivery today at no cost, and our packing team now wraps every glass item in double bubble wrap. " +
	"I'm also sorry our support team did not answer your emails; we have added a second person to the inbox. " +
	"If anything else is wrong, write to care@shop.example. We hope to earn back your trust!"

func BenchmarkCheck80Words(b *testing.B) {
	c, err := NewChecker()
	if err != nil {
		b.Fatal(err)
	}
	now := WithNow(benchReview.CreatedAt.Add(5 * time.Hour))
	b.SetBytes(int64(len(benchDraft80)))
	b.ReportAllocs()
	start := cpuTime()
	for b.Loop() {
		c.Check(benchReview, benchDraft80, now)
	}
	reportCPU(b, start)
}

// reportCPU adds the process CPU time per operation (GC included) as
// "cpu-ns/op": on a busy machine it is steadier than wall time.
func reportCPU(b *testing.B, start time.Duration) {
	if end := cpuTime(); end > start && b.N > 0 {
		b.ReportMetric(float64(end-start)/float64(b.N), "cpu-ns/op")
	}
}

func BenchmarkCheck2KB(b *testing.B) {
	c, err := NewChecker()
	if err != nil {
		b.Fatal(err)
	}
	var sb strings.Builder
	for sb.Len() < 2048 {
		sb.WriteString(benchDraft80)
		sb.WriteString(" ")
	}
	draft := sb.String()[:2048]
	now := WithNow(benchReview.CreatedAt.Add(5 * time.Hour))
	b.SetBytes(int64(len(draft)))
	b.ReportAllocs()
	start := cpuTime()
	for b.Loop() {
		c.Check(benchReview, draft, now)
	}
	reportCPU(b, start)
}

func BenchmarkPlan100k(b *testing.B) {
	c, err := NewChecker()
	if err != nil {
		b.Fatal(err)
	}
	bodies := []string{
		"Lovely scarf, arrived quickly.",
		"The parcel never arrived and nobody answers my emails.",
		"Good product but the size runs small.",
		"Отличный чайник, быстрая доставка.",
		"Siuntinys vėlavo savaitę, dėžė sulamdyta.",
		"What are your opening hours on Sunday?",
	}
	rs := make([]review.Review, 100_000)
	base := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	for i := range rs {
		rs[i] = review.Review{ID: fmt.Sprint("b:", i), Source: "b", Rating: float64(1 + i%5), Body: bodies[i%len(bodies)],
			Helpful: i % 7, CreatedAt: base.Add(-time.Duration(i%500) * time.Hour)}
	}
	now := WithNow(base)
	b.ReportAllocs()
	start := cpuTime()
	for b.Loop() {
		c.Plan(rs, now)
	}
	reportCPU(b, start)
}

// BenchmarkCheckHostile runs Check on a 64 KB draft built to defeat
// naive scanning: many '@', quotes, digits and short lines.
func BenchmarkCheckHostile(b *testing.B) {
	c, err := NewChecker()
	if err != nil {
		b.Fatal(err)
	}
	var sb strings.Builder
	for sb.Len() < 64<<10 {
		sb.WriteString("a@b@c «x \"y 12 34 56 78 90 ****1 [[s\nOk Tom\n")
	}
	draft := sb.String()
	b.SetBytes(int64(len(draft)))
	for b.Loop() {
		c.Check(benchReview, draft)
	}
}
