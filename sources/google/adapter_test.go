package google

import (
	"net/http"
	"testing"
	"time"

	"github.com/reputekit/repute/review"
	"github.com/reputekit/repute/sources"
	"github.com/reputekit/repute/sources/internal/decodetest"
	"github.com/reputekit/repute/sources/sourcestest"
)

// TestAdapter runs the checks every adapter shares (paging, faults,
// cancellation, token refresh, leaks) against the Business Profile fake.
func TestAdapter(t *testing.T) {
	tooMany, unauthorized := string(decodetest.Fixture(t, "google-429.json")), string(decodetest.Fixture(t, "google-401.json"))
	sourcestest.TestAdapter(t, sourcestest.Harness{
		Name: Name,
		New: func(opts ...sources.Option) (sources.Source, error) {
			return New(account, loc, auth(opts...)...)
		},
		Serve:      func(rs []review.Review) http.Handler { return sourcestest.NewGoogle(account, loc, rs...) },
		Reviews:    genReviews,
		PageSize:   MaxPageSize,
		Total:      120,
		Requests:   3,
		SecondPage: sourcestest.OnPath("/reviews", "pageToken", "CAES50"),
		Spoil:      "starRating",
		Secrets:    []string{secret},
		ErrorBody: func(status int) string {
			switch status {
			case http.StatusTooManyRequests:
				return tooMany
			case http.StatusUnauthorized:
				return unauthorized
			}
			return ""
		},
		Bearer:     true,
		NoHintWait: time.Minute, // Google documents no Retry-After; its quota is per minute
	})
}
