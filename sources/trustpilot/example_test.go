package trustpilot_test

import (
	"context"
	"fmt"
	"log"
	"time"

	"github.com/reputekit/repute/sources"
	"github.com/reputekit/repute/sources/sourcestest"
	"github.com/reputekit/repute/sources/trustpilot"
)

func Example() {
	// A local imitation of the Trustpilot API with five invented reviews.
	items := sourcestest.NewItems(sourcestest.TrustpilotItems(5, time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC))...)
	srv := sourcestest.Start(sourcestest.TrustpilotHandler("bu1", items))
	defer srv.Close()

	c, err := trustpilot.New("bu1", sources.WithAPIKey("my-key"), sources.WithBaseURL(srv.URL))
	if err != nil {
		log.Fatal(err)
	}
	for rv, err := range c.Reviews(context.Background(), sources.Query{Max: 3}) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(rv.ID, rv.Stars(), rv.CreatedAt.Format(time.DateTime))
	}
	// Output:
	// trustpilot:66a1f0c2b7e4a10000000004 5 2026-03-01 12:00:00
	// trustpilot:66a1f0c2b7e4a10000000003 4 2026-03-01 11:00:00
	// trustpilot:66a1f0c2b7e4a10000000002 3 2026-03-01 10:00:00
}
