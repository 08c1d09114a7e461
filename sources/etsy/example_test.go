package etsy_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"time"

	"github.com/reputekit/repute/review"
	"github.com/reputekit/repute/sources"
	"github.com/reputekit/repute/sources/etsy"
	"github.com/reputekit/repute/sources/sourcestest"
)

func Example() {
	fake := sourcestest.NewEtsy("31415926",
		review.Review{ExternalID: "4012345679", ProductID: "1587654322", Rating: 2, Body: "Посылка шла больше месяца.", Lang: "ru", CreatedAt: time.Date(2026, 3, 12, 7, 0, 0, 0, time.UTC)},
		review.Review{ExternalID: "4012345678", ProductID: "1587654321", Rating: 5, Body: "Gorgeous mug!", Lang: "en", CreatedAt: time.Date(2026, 3, 10, 7, 0, 0, 0, time.UTC)},
	)
	fake.APIKey = "app-key"
	srv := httptest.NewServer(fake)
	defer srv.Close()

	c, err := etsy.New("31415926", sources.WithBaseURL(srv.URL), sources.WithAPIKey("app-key"))
	if err != nil {
		fmt.Println(err)
		return
	}
	for rv, err := range c.Reviews(context.Background(), sources.Query{}) {
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(rv.ID, rv.ProductID, rv.Rating, rv.Lang, rv.Verified, rv.Body)
	}
	// Output:
	// etsy:4012345679 1587654322 2 ru true Посылка шла больше месяца.
	// etsy:4012345678 1587654321 5 en true Gorgeous mug!
}
