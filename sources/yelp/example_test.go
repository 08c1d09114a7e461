package yelp_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"time"

	"github.com/reputekit/repute/review"
	"github.com/reputekit/repute/sources"
	"github.com/reputekit/repute/sources/sourcestest"
	"github.com/reputekit/repute/sources/yelp"
)

func Example() {
	day := time.Date(2026, 3, 10, 18, 0, 0, 0, time.UTC)
	var rs []review.Review
	for i := range 5 {
		rs = append(rs, review.Review{ExternalID: fmt.Sprintf("r%d", i), Rating: 4, Body: "Nice staff...", CreatedAt: day.Add(time.Duration(i) * time.Hour)})
	}
	srv := httptest.NewServer(sourcestest.NewYelp("example-boutique-chicago", rs...))
	defer srv.Close()

	c, err := yelp.New("example-boutique-chicago", sources.WithBaseURL(srv.URL), sources.WithAPIKey("key"),
		sources.WithTimeZone(time.FixedZone("PDT", -7*3600)))
	if err != nil {
		fmt.Println(err)
		return
	}
	// Five reviews on the server, three excerpts through the API.
	for rv, err := range c.Reviews(context.Background(), sources.Query{}) {
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(rv.ID, rv.CreatedAt.Format(time.RFC3339))
	}
	// Output:
	// yelp:r4 2026-03-10T22:00:00Z
	// yelp:r3 2026-03-10T21:00:00Z
	// yelp:r2 2026-03-10T20:00:00Z
}
