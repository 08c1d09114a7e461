package review_test

import (
	"fmt"
	"time"

	"github.com/reputekit/repute/review"
)

func ExampleSummarize() {
	at := time.Date(2026, 10, 1, 9, 0, 0, 0, time.UTC)
	rs := []review.Review{
		{ID: "a", Source: "google", Rating: 5, CreatedAt: at},
		{ID: "b", Source: "google", Rating: 4, CreatedAt: at},
		{ID: "c", Source: "trustpilot", Rating: 1, CreatedAt: at},
		{ID: "d", Source: "trustpilot", Rating: 5, CreatedAt: at},
		{ID: "e", Source: "yelp", CreatedAt: at}, // no stars
	}
	s := review.Summarize(rs)
	fmt.Printf("%d reviews, %d rated, mean %.2f\n", s.Count, s.Rated(), s.Mean)
	fmt.Println("1★..5★:", s.Distribution)
	// Output:
	// 5 reviews, 4 rated, mean 3.75
	// 1★..5★: [1 0 0 1 2]
}

func ExampleNeededForTarget() {
	// 50 reviews averaging 4.3: how many 5★ reviews until the mean is 4.7?
	s := review.Summary{Count: 50, Mean: 4.3}
	n, err := review.NeededForTarget(s, 4.7, 5)
	fmt.Println(n, err)

	// A perfect 5.0 is out of reach once any lower review exists.
	_, err = review.NeededForTarget(s, 5, 5)
	fmt.Println(err)
	// Output:
	// 67 <nil>
	// review: target cannot be reached: reviews of 5.00★ never lift the mean to 5.00
}

func ExampleDampedMean() {
	// Three perfect reviews are weak evidence; the damped mean pulls them
	// toward the prior of 7 reviews at 3.5 stars.
	few := review.Summary{Count: 3, Sum: 15, Mean: 5}
	many := review.Summary{Count: 300, Sum: 1440, Mean: 4.8}
	fmt.Printf("%.2f %.2f\n", review.DampedMean(few, review.TrustpilotPrior), review.DampedMean(many, review.TrustpilotPrior))
	// Output:
	// 3.95 4.77
}

func ExampleReviewsToOffset() {
	for _, mean := range []float64{4.0, 4.6, 4.7} {
		n, _ := review.ReviewsToOffset(review.Summary{Count: 200, Mean: mean}, 1, 5)
		fmt.Printf("at %.1f one 1★ review takes %d five-star reviews to offset\n", mean, n)
	}
	// Output:
	// at 4.0 one 1★ review takes 3 five-star reviews to offset
	// at 4.6 one 1★ review takes 9 five-star reviews to offset
	// at 4.7 one 1★ review takes 13 five-star reviews to offset
}
