package google_test

import (
	"context"
	"fmt"
	"time"

	"github.com/reputekit/repute/review"
	"github.com/reputekit/repute/sources"
	"github.com/reputekit/repute/sources/google"
	"github.com/reputekit/repute/sources/sourcestest"
	"net/http/httptest"
)

func Example() {
	// A local server imitating the Business Profile API.
	fake := sourcestest.NewGoogle("1001", "2002",
		review.Review{ExternalID: "r2", Author: review.Author{Name: "Ona"}, Rating: 2, Body: "Late delivery.", CreatedAt: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)},
		review.Review{ExternalID: "r1", Author: review.Author{Name: "Tom"}, Rating: 5, Body: "(Translated by Google) Great shoes\n\n(Original)\nPuikūs batai", CreatedAt: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)},
	)
	srv := httptest.NewServer(fake)
	defer srv.Close()

	c, err := google.New("1001", "2002", sources.WithBaseURL(srv.URL), sources.WithToken("access-token"))
	if err != nil {
		fmt.Println(err)
		return
	}
	ctx := context.Background()
	for rv, err := range c.Reviews(ctx, sources.Query{}) {
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(rv.ID, rv.Rating, rv.Body)
	}
	if err := c.Reply(ctx, "r2", "Sorry, we are on it."); err != nil {
		fmt.Println(err)
	}
	fmt.Println("reply:", fake.Reviews()[0].Reply.Body)
	// Output:
	// google:r2 2 Late delivery.
	// google:r1 5 Puikūs batai
	// reply: Sorry, we are on it.
}
