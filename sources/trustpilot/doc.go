// Package trustpilot reads and answers a business unit's Trustpilot
// reviews through the Trustpilot API (https://api.trustpilot.com).
//
// # Authentication
//
// The public list needs the API key (Trustpilot's "client id"), sent in
// the apikey header: sources.WithAPIKey. The private list (WithPrivate) and
// replies need an OAuth2 business-user access token: sources.WithToken, or
// sources.WithTokenFunc to refresh it (Trustpilot tokens live 100 hours;
// refreshing too often is itself answered with 429). Private calls send both
// headers. Replies also need the replying business user's id
// (WithAuthorID): client-credentials tokens are not tied to a user.
//
// # Paging
//
// Trustpilot pages by number (page, perPage ≤ 100) over a live list.
// Reviews arriving at the head of a newest-first list shift every later
// page down: the next page repeats reviews, and the new ones are on no
// page read so far. Reviews deleted during a walk shift later pages up, so
// a review crosses back over a page boundary already passed. Reviews
// handles both: each page after the first is asked for with a page number
// and perPage chosen so that it re-reads the last [Overlap] reviews of the
// one before (a page of 95 at page 2, and so on; pages smaller than about
// 50 overlap less), every review is yielded once, and after the last page
// of a newest-first walk it re-reads pages from the head until one brings
// nothing new. Up to Overlap deletions between two pages are covered. The
// overlap costs requests: about 1.2 per 100 reviews on a deep walk instead
// of 1. WithOrder(OldestFirst) lets new reviews land on the last page,
// which the walk reads last; Page reads plain numbered pages.
//
// # Time
//
// Query.Since and Query.Until are sent as startDateTime/endDateTime in UTC
// (Trustpilot's filter has no zone). Trustpilot filters on the creation
// time, so an edit to a review created before Since is not seen by such a
// walk; a walk without Since sees every review.
//
// # Mapping
//
// Rating = stars (1–5, null ⇒ 0), Verified = isVerified, Helpful =
// numberOfLikes, Lang = language, OrderID = referenceId (private list),
// LocationID = location.id, Reply = companyReply, Status: "active" ⇒
// Published (Flagged when reportData is set), "pending" ⇒ Pending,
// "hidden"/"archived" ⇒ Hidden, "removed"/"deleted" ⇒ Removed. UpdatedAt
// is updatedAt (zero when the review was never edited, as review.Review
// documents). URL is the review's public page.
package trustpilot
