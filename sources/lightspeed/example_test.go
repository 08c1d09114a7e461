package lightspeed_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"time"

	"github.com/reputekit/repute/review"
	"github.com/reputekit/repute/sources"
	"github.com/reputekit/repute/sources/lightspeed"
	"github.com/reputekit/repute/sources/sourcestest"
)

func Example() {
	fake := sourcestest.NewLightspeed(
		review.Review{ExternalID: "9101", ProductID: "770001", Author: review.Author{Name: "Rūta"}, Rating: 1, Body: "Batai atkeliavo po trijų savaičių.", Lang: "lt", CreatedAt: time.Date(2026, 3, 14, 10, 2, 33, 0, time.UTC)},
		review.Review{ExternalID: "9100", ProductID: "770002", Author: review.Author{Name: "Anna"}, Rating: 5, Body: "Great quality wool.", Lang: "en", CreatedAt: time.Date(2026, 3, 13, 15, 45, 0, 0, time.UTC)},
	)
	fake.Key, fake.Secret = "key", "secret"
	fake.Fraction = true // this shop stores scores as 0–1 fractions
	srv := httptest.NewServer(fake)
	defer srv.Close()

	c, err := lightspeed.New("en", sources.WithBaseURL(srv.URL), sources.WithAPIKey("key"), sources.WithAPISecret("secret"))
	if err != nil {
		fmt.Println(err)
		return
	}
	for rv, err := range c.Reviews(context.Background(), sources.Query{}) {
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(rv.ID, rv.Rating, rv.Lang, rv.Body)
	}
	scale, _ := c.Scale()
	fmt.Println("score form:", scale)
	// Output:
	// lightspeed:9101 1 lt Batai atkeliavo po trijų savaičių.
	// lightspeed:9100 5 en Great quality wool.
	// score form: fraction
}
