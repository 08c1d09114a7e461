package lightspeed

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
// cancellation, leaks) against the Lightspeed eCom fake, with a 429 that
// carries the X-RateLimit triple instead of Retry-After.
func TestAdapter(t *testing.T) {
	tooMany := string(decodetest.Fixture(t, "lightspeed-429.json"))
	page2 := sourcestest.OnPath("/reviews.json", "page", "2")
	sourcestest.TestAdapter(t, sourcestest.Harness{
		Name: Name,
		New: func(opts ...sources.Option) (sources.Source, error) {
			return New("en", auth(opts...)...)
		},
		Serve: func(rs []review.Review) http.Handler {
			l := sourcestest.NewLightspeed(rs...)
			l.Key, l.Secret = key, secret
			return l
		},
		Reviews:    genReviews,
		PageSize:   MaxPageSize,
		Total:      600,
		Requests:   3, // reviews 0–249, 245–489, 484–725
		SecondPage: page2,
		Spoil:      "isVisible",
		Secrets:    []string{key, secret},
		ErrorBody: func(status int) string {
			switch status {
			case http.StatusTooManyRequests:
				return tooMany
			case http.StatusUnauthorized:
				return `{"error":{"code":401,"method":"GET","request":"/en/reviews.json","message":"Invalid credentials."}}`
			}
			return ""
		},
		Faults: []sourcestest.FaultCase{
			{Name: "429 with the X-RateLimit triple", Script: func(s *sourcestest.Server, _ http.Handler, _ []review.Review) {
				s.ScriptFor(page2, sourcestest.Fault{Status: 429, Body: tooMany, Header: http.Header{
					"X-Ratelimit-Limit": {"300/3000/12000"}, "X-Ratelimit-Remaining": {"0/2500/11000"}, "X-Ratelimit-Reset": {"1/1000/50000"},
				}})
			}, Wait: time.Second}, // the reset of the window that ran out
		},
	})
}
