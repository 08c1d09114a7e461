package googleplay

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
// cancellation, token refresh, leaks) against the Google Play fake.
func TestAdapter(t *testing.T) {
	tooMany, unauthorized := string(decodetest.Fixture(t, "google-429.json")), string(decodetest.Fixture(t, "google-401.json"))
	sourcestest.TestAdapter(t, sourcestest.Harness{
		Name: Name,
		New: func(opts ...sources.Option) (sources.Source, error) {
			return New(pkg, auth(opts...)...)
		},
		Serve:      func(rs []review.Review) http.Handler { return sourcestest.NewGooglePlay(pkg, rs...) },
		Reviews:    genReviews,
		PageSize:   MaxPageSize,
		Total:      250,
		Requests:   3,
		SecondPage: sourcestest.OnPath("/reviews", "token", "Chs100"),
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
