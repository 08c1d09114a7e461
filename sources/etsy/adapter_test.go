package etsy

import (
	"net/http"
	"testing"

	"github.com/reputekit/repute/review"
	"github.com/reputekit/repute/sources"
	"github.com/reputekit/repute/sources/internal/decodetest"
	"github.com/reputekit/repute/sources/sourcestest"
)

// TestAdapter runs the checks every adapter shares (paging, faults,
// cancellation, leaks) against the Etsy fake, with Etsy's own faults: a
// daily quota and a broken copy of a review in the overlap.
func TestAdapter(t *testing.T) {
	tooMany := string(decodetest.Fixture(t, "etsy-429.json"))
	page2 := sourcestest.OnPath("/reviews", "offset", "95")
	sourcestest.TestAdapter(t, sourcestest.Harness{
		Name: Name,
		New: func(opts ...sources.Option) (sources.Source, error) {
			return New(shop, auth(opts...)...)
		},
		Serve: func(rs []review.Review) http.Handler {
			e := sourcestest.NewEtsy(shop, rs...)
			e.APIKey = secret
			return e
		},
		Reviews:    genReviews,
		PageSize:   MaxPageSize,
		Total:      250,
		Requests:   3, // offsets 0, 95, 190
		SecondPage: page2,
		Spoil:      "rating",
		Secrets:    []string{secret},
		ErrorBody: func(status int) string {
			switch status {
			case http.StatusTooManyRequests:
				return tooMany
			case http.StatusUnauthorized:
				return `{"error":"Invalid API key"}`
			}
			return ""
		},
		Faults: []sourcestest.FaultCase{
			{Name: "malformed second copy of a review", Script: func(s *sourcestest.Server, _ http.Handler, _ []review.Review) {
				// Review 99 arrived intact on page 1; its copy in the
				// overlap of page 2 is broken: nothing to report.
				s.ScriptFor(page2, sourcestest.Fault{Mutate: func(b []byte) []byte { return sourcestest.SpoilReview(b, genID(99), "rating") }})
			}},
			{Name: "daily quota exhausted", Script: func(s *sourcestest.Server, _ http.Handler, _ []review.Review) {
				s.ScriptFor(page2, sourcestest.Fault{Status: 429, Header: http.Header{"X-Remaining-Today": {"0"}}, Body: tooMany})
			}, End: sources.ErrQuotaExhausted, Lost: 150},
		},
	})
}
