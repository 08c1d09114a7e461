package yelp

import (
	"net/http"
	"testing"
	"time"

	"github.com/reputekit/repute/review"
	"github.com/reputekit/repute/sources"
	"github.com/reputekit/repute/sources/internal/decodetest"
	"github.com/reputekit/repute/sources/sourcestest"
)

// TestAdapter runs the checks every adapter shares (faults, cancellation,
// leaks) against the Yelp fake. Yelp serves one page of three excerpts, so
// the faults break that page, and a fault that ends the walk loses all
// three.
func TestAdapter(t *testing.T) {
	tooMany := string(decodetest.Fixture(t, "yelp-429.json"))
	sourcestest.TestAdapter(t, sourcestest.Harness{
		Name: Name,
		New: func(opts ...sources.Option) (sources.Source, error) {
			return New(business, auth(opts...)...)
		},
		Serve: func(rs []review.Review) http.Handler {
			y := sourcestest.NewYelp(business, rs...)
			y.APIKey = secret
			return y
		},
		Reviews:  genReviews,
		PageSize: 3,
		Total:    3,
		Requests: 1,
		Spoil:    "rating",
		Secrets:  []string{secret},
		ErrorBody: func(status int) string {
			switch status {
			case http.StatusTooManyRequests:
				return tooMany
			case http.StatusUnauthorized:
				return `{"error":{"code":"TOKEN_INVALID","description":"Invalid access token or authorization header."}}`
			}
			return ""
		},
		Faults: []sourcestest.FaultCase{
			{Name: "daily quota exhausted", Script: func(s *sourcestest.Server, _ http.Handler, _ []review.Review) {
				s.Script(sourcestest.Fault{Status: 429, Header: http.Header{
					"Ratelimit-Dailylimit": {"300"}, "Ratelimit-Remaining": {"0"}, "Ratelimit-Resettime": {time.Now().Add(5 * time.Hour).UTC().Format(time.RFC3339)},
				}, Body: `{"error":{"code":"ACCESS_LIMIT_REACHED","description":"You've reached the access limit for this client."}}`})
			}, End: sources.ErrQuotaExhausted, Lost: 3},
		},
	})
}
