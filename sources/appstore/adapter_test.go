package appstore

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
// cancellation, token refresh, leaks) against the App Store Connect fake.
func TestAdapter(t *testing.T) {
	tooMany := string(decodetest.Fixture(t, "appstore-429.json"))
	sourcestest.TestAdapter(t, sourcestest.Harness{
		Name: Name,
		New: func(opts ...sources.Option) (sources.Source, error) {
			return New(appID, auth(opts...)...)
		},
		Serve:      func(rs []review.Review) http.Handler { return sourcestest.NewAppStore(appID, rs...) },
		Reviews:    genReviews,
		PageSize:   MaxPageSize,
		Total:      450,
		Requests:   3,
		SecondPage: sourcestest.OnPath("/customerReviews", "cursor", "Ag.200"),
		Spoil:      "rating",
		Secrets:    []string{secret},
		ErrorBody: func(status int) string {
			switch status {
			case http.StatusTooManyRequests:
				return tooMany
			case http.StatusUnauthorized:
				return `{"errors":[{"status":"401","code":"NOT_AUTHORIZED","title":"Authentication credentials are missing or invalid.","detail":"Provide a properly configured and signed bearer token, and make sure that it has not expired."}]}`
			}
			return ""
		},
		Bearer:     true,
		NoHintWait: time.Minute, // Apple sends no Retry-After; its window is a rolling hour
	})
}
