package googleplay_test

import (
	"context"
	"errors"
	"fmt"
	"net/http/httptest"
	"strings"
	"time"

	"golang.org/x/time/rate"

	"github.com/reputekit/repute/review"
	"github.com/reputekit/repute/sources"
	"github.com/reputekit/repute/sources/googleplay"
	"github.com/reputekit/repute/sources/sourcestest"
)

func Example() {
	fake := sourcestest.NewGooglePlay("com.example.shop",
		review.Review{ExternalID: "gp:1", Author: review.Author{Name: "Ona"}, Rating: 1, Body: "Crashes at checkout.", Lang: "en", CreatedAt: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)},
	)
	srv := httptest.NewServer(fake)
	defer srv.Close()

	c, err := googleplay.New("com.example.shop", sources.WithBaseURL(srv.URL), sources.WithToken("access-token"),
		sources.WithRateLimit(rate.Inf, 0))
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
		fmt.Println(rv.ID, rv.Rating, rv.Lang, rv.Body)
	}
	err = c.Reply(ctx, "gp:1", strings.Repeat("Sorry! ", 60))
	fmt.Println(errors.Is(err, sources.ErrReplyTooLong), err)
	// Output:
	// googleplay:gp:1 1 en Crashes at checkout.
	// true googleplay: reply is 420 characters, more than the 350 allowed
}
