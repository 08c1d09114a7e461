package appstore_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"time"

	"github.com/reputekit/repute/review"
	"github.com/reputekit/repute/sources"
	"github.com/reputekit/repute/sources/appstore"
	"github.com/reputekit/repute/sources/sourcestest"
)

func Example() {
	fake := sourcestest.NewAppStore("1234567890",
		review.Review{ExternalID: "a1", Author: review.Author{Name: "wintercoat_lt"}, Rating: 1, Title: "Refund missing", Body: "Still waiting.", CreatedAt: time.Date(2026, 3, 14, 9, 0, 0, 0, time.UTC)},
	)
	srv := httptest.NewServer(fake)
	defer srv.Close()

	// The JWT is signed by the caller; the adapter only sends it.
	c, err := appstore.New("1234567890", sources.WithBaseURL(srv.URL), sources.WithToken("signed.jwt.token"))
	if err != nil {
		fmt.Println(err)
		return
	}
	ctx := context.Background()
	if err := c.Reply(ctx, "a1", "Sorry! Please write to us in the in-app chat."); err != nil {
		fmt.Println(err)
		return
	}
	for rv, err := range c.Reviews(ctx, sources.Query{}) {
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(rv.ID, rv.Rating, rv.Title, "/", rv.Reply.Body)
	}
	// Output:
	// appstore:a1 1 Refund missing / Sorry! Please write to us in the in-app chat.
}
