// Package appstore reads and answers App Store customer reviews through the
// App Store Connect API, as a [sources.Source] and [sources.Replier].
//
//	c, err := appstore.New("1234567890", sources.WithToken(jwt))
//	for rv, err := range c.Reviews(ctx, sources.Query{}) { ... }
//	err = c.Reply(ctx, rv.ExternalID, "Thank you!")
//
// # Wire format
//
// Reviews come from GET /v1/apps/{id}/customerReviews with limit=200
// ([MaxPageSize]), sort=-createdDate and include=response, a JSON:API
// document; the walk follows links.next as Apple sends it (an opaque
// cursor), re-rooted on the configured base URL so the token never leaves
// it. A review maps onto [review.Review] as follows: ExternalID = id;
// Rating = attributes.rating (1–5; anything else is a per-item
// [sources.DecodeError]); Title, Body byte for byte; Author.Name =
// reviewerNickname; CreatedAt = createdDate (sent with an offset, stored in
// UTC); Reply = the included customerReviewResponses resource linked to the
// review (responseBody, lastModifiedDate), whether PUBLISHED or
// PENDING_PUBLISH. Apple gives no language, edit time, verified flag or
// public URL; territory is not mapped.
//
// # Replies
//
// [Client.Reply] (and [Client.Respond], which also returns the response id)
// posts /v1/customerReviewResponses, which creates or overwrites the one
// response a review can have; Apple publishes it after a delay.
// [Client.DeleteReply] looks the response up and deletes it;
// [Client.DeleteResponse] deletes by response id. A reply over
// [MaxReplyChars] characters is refused with [*ReplyTooLongError] before
// anything is sent.
//
// # Authentication and quota
//
// The caller signs the ES256 JWT (key id, issuer id, audience
// appstoreconnect-v1, at most 20 minutes) and hands it over with
// [sources.WithToken], or [sources.WithTokenFunc] to mint a fresh one when
// a 401 says the old one expired; without that a 401 is
// [sources.ErrUnauthorized]. An unknown app (404) is [sources.ErrNotFound].
// The default pace is 3,500 requests per hour, one at a time
// ([DefaultRate], [DefaultBurst]), under Apple's rolling-hour allowance. A
// 429 (RATE_LIMIT_EXCEEDED, sometimes sent with quota left) without
// Retry-After is retried after a minute. X-Rate-Limit
// ("user-hour-lim:3600;user-hour-rem:0;") names no reset time, so it does
// not pause the client by itself; keep one shared limiter per key
// ([sources.WithLimiter]) when several clients use it.
package appstore
