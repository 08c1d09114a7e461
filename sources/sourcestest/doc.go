// Package sourcestest helps test code that uses package sources without a
// network: a fake in-memory Source, and httptest servers that imitate the
// platforms with scriptable faults.
//
// # Servers
//
// A Server is an httptest.Server in front of a platform handler (for
// example TrustpilotHandler over an Items list). Faults are scripted per
// request and consumed in order:
//
//	items := sourcestest.NewItems(sourcestest.TrustpilotItems(250, time.Now())...)
//	srv := sourcestest.NewServer(t, sourcestest.TrustpilotHandler("bu1", items))
//	srv.Script(sourcestest.Fault{Status: 429, RetryAfter: "2"})
//	srv.ScriptFor(sourcestest.OnPath("/reviews", "page", "2"),
//		sourcestest.Times(3, sourcestest.Fault{Status: 503})...)
//	srv.ScriptFor(sourcestest.OnPath("/reviews", "page", "2"), sourcestest.Fault{
//		Before: func() { items.InsertTop(newItem) }}) // a review arrives mid-walk
//	c, _ := trustpilot.New("bu1", sources.WithBaseURL(srv.URL), sources.WithAPIKey("k"))
//
// Fault covers: a status with Retry-After as seconds or an HTTP date
// (RetryAfterDate), 503 bursts (Times), slow responses (Delay), a body cut
// short on the wire (Truncate) or in its JSON (Cut), a malformed review
// (Mutate), anything that should happen mid-walk (Before), and expired
// tokens (AcceptTokens, ExpireToken). Requests and PerSecond show what the
// server saw.
//
// # Platform handlers
//
// One http.Handler per platform speaks its documented wire format (paths,
// paging, envelopes, error shapes, credentials) over a list that tests
// change while a walk runs. Put any of them behind NewServer for faults:
//
//   - TrustpilotHandler over Items (raw items from TrustpilotItems or
//     TrustpilotItem): public and private lists, page and perPage, both
//     orders, replies.
//   - NewGoogle: Business Profile list with page tokens, reply PUT and
//     DELETE, batchGetReviews over the locations added with AddLocation.
//   - NewYelp: the three excerpts of the v3 reviews call, RateLimit-*
//     headers, an API key check.
//   - NewLightspeed: eCom reviews.json by page and limit, count.json, HTTP
//     Basic credentials, both rating forms (Fraction).
//   - NewEtsy: offset paging with count, min_created/max_created, listing
//     reviews, an x-api-key check.
//   - NewGooglePlay: token paging and replies.
//   - NewAppStore: App Store Connect customerReviews with links.next,
//     review responses.
//
// Each takes review.Review values and writes them in the platform's shape;
// Prepend adds a review at the top mid-walk (Etsy and Lightspeed also
// Remove one), shifting later pages as the real APIs do. A platform
// handler of your own slots in the same way: decode the paging
// parameters, slice the list, write the envelope; the Server adds the
// faults.
//
// Inside a testing/synctest bubble, use NewLocal and Server.Transport
// instead of a listening server, so Retry-After and backoff waits pass in
// fake time.
//
// # Conformance harness
//
// TestAdapter runs the checks every adapter shares, in the spirit of
// testing/fstest.TestFS: a walk to the end over a platform handler, Max
// and Since, a fault matrix on the second page (Retry-After as seconds
// and as a date, 503 bursts, slow, truncated and cut responses, HTML for
// JSON, a malformed review, reviews added and deleted mid-walk, refused
// credentials, throttling past the cap or the retries), cancellation
// during a wait, token refresh and goroutine leaks. Each check counts
// ids, so nothing may be lost or doubled, and no error may carry a
// secret. A Harness says how to build the adapter and how to serve
// invented reviews in the platform's shape; an adapter of your own gets
// the same checks from a handler of its platform:
//
//	func TestAdapter(t *testing.T) {
//		sourcestest.TestAdapter(t, sourcestest.Harness{
//			Name: "myplatform",
//			New: func(opts ...sources.Option) (sources.Source, error) {
//				return myplatform.New("shop-1", append([]sources.Option{sources.WithAPIKey(key)}, opts...)...)
//			},
//			Serve:      func(rs []review.Review) http.Handler { return newFakeMyPlatform(rs) },
//			Reviews:    inventReviews,
//			PageSize:   100,
//			SecondPage: sourcestest.OnPath("/reviews", "page", "2"),
//			Spoil:      "rating",
//			Secrets:    []string{key},
//		})
//	}
//
// Platform quirks (fixtures, wire details, replies) stay in the adapter's
// own tests; add platform faults to the same matrix with Harness.Faults.
// Options (fast client settings), Collect, ExternalIDs and SpoilReview
// help there.
//
// # Fake source
//
// Source is an in-memory sources.Source with pages, scripted page failures
// (FailPage), undecodable items (AppendBad), edits (Edit), reviews
// arriving at the top (InsertTop) and replies. Generate invents reviews.
//
// CheckGoroutines fails a test that leaves goroutines running.
package sourcestest
