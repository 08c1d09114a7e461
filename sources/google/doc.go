// Package google reads and answers Google Business Profile reviews (My
// Business API v4) as a [sources.Source] and [sources.Replier].
//
//	c, err := google.New(accountID, locationID, sources.WithTokenFunc(refresh))
//	for rv, err := range c.Reviews(ctx, sources.Query{}) { ... }
//	err = c.Reply(ctx, rv.ExternalID, "Thank you!")
//
// # Wire format
//
// Reviews come from GET /v4/accounts/{a}/locations/{l}/reviews, 50 per
// page ([MaxPageSize]), most recently updated first, following
// nextPageToken. Each review maps onto [review.Review] as follows:
// ExternalID = reviewId; Rating from starRating "ONE".."FIVE" through
// [review.FromWord] (STAR_RATING_UNSPECIFIED gives 0, any other word is a
// per-item [sources.DecodeError]); Body = comment (absent for rating-only
// reviews); Author.Name = reviewer.displayName as sent (anonymous reviewers
// show Google's placeholder name); CreatedAt = createTime and UpdatedAt =
// updateTime when it differs, both in UTC; Reply = reviewReply (its
// updateTime is both CreatedAt and UpdatedAt); LocationID is the location
// id from the review's name. Google gives no language, URL or verified
// flag.
//
// [Client.BatchReviews] reads many locations of the account at once with
// POST /v4/accounts/{a}/locations:batchGetReviews (up to
// [MaxBatchLocations] per call; more are read group after group).
//
// # Translated comments
//
// Google puts machine translations into the comment itself:
// "(Translated by Google) <translation>\n\n(Original)\n<original>". The
// adapter keeps the reviewer's own words in Body (see [SplitComment]), byte
// for byte, so that language detection and sentiment analysis see what the
// customer wrote; the translation is dropped.
//
// # Replies
//
// [Client.Reply] calls updateReply (PUT .../reviews/{id}/reply), which
// creates or overwrites; [Client.DeleteReply] calls deleteReply. A reply
// over [MaxReplyBytes] is refused with [*ReplyTooLongError] before anything
// is sent.
//
// # Authentication and quota
//
// Google needs an OAuth2 access token with the business.manage scope, sent
// as "Authorization: Bearer": use [sources.WithToken], or
// [sources.WithTokenFunc] so that an expired token (401) is refreshed once;
// without a refresh a 401 ends the walk with [sources.ErrUnauthorized]. An
// unknown account or location (404) is [sources.ErrNotFound]. The default
// pace is the documented 300 queries per minute ([DefaultRate] per second,
// burst 5); a 429 without Retry-After waits a minute before the retry.
package google
