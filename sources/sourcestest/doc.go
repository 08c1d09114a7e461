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
// Adapters for other platforms add a handler over Items in the same way:
// a handler decodes paging parameters, slices Items and writes the
// platform's envelope; the Server adds the faults.
//
// # Fake source
//
// Source is an in-memory sources.Source with pages, scripted page failures
// (FailPage), undecodable items (AppendBad), edits (Edit), reviews
// arriving at the top (InsertTop) and replies. Generate invents reviews.
//
// CheckGoroutines fails a test that leaves goroutines running.
package sourcestest
