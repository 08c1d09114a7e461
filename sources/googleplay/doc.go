// Package googleplay reads and answers Google Play app reviews (Google Play
// Developer API v3, "Reply to Reviews") as a [sources.Source] and
// [sources.Replier].
//
//	c, err := googleplay.New("com.example.shop", sources.WithTokenFunc(refresh))
//	for rv, err := range c.Reviews(ctx, sources.Query{}) { ... }
//	err = c.Reply(ctx, rv.ExternalID, "Thanks, fixed in 4.13!")
//
// # Wire format
//
// Reviews come from GET /androidpublisher/v3/applications/{pkg}/reviews,
// 100 per page ([MaxPageSize]; the API ignores more), following
// tokenPagination.nextPageToken (the API sometimes leaves it out after a
// page or two: the walk then ends, as there is no other way on). A review
// maps onto [review.Review] as follows: ExternalID = reviewId; Author.Name
// = authorName; from the first userComment: Rating = starRating (1–5),
// Body = originalText when the API translated the review, else text,
// Lang = the ISO 639-1 part of reviewerLanguage, Helpful = thumbsUpCount,
// and CreatedAt = lastModified (the API has no creation time, and
// lastModified moves when the user edits); Reply = the first
// developerComment (text, lastModified); ProductID = the package name.
// The adapter never sets translationLanguage.
//
// The API only lists reviews with text, from the production track,
// created or changed in about the last week: poll it (with sources.Watch)
// rather than expect history.
//
// # Replies
//
// [Client.Reply] posts reviews.reply, which creates or replaces the reply.
// A reply over [MaxReplyChars] characters is refused with
// [*ReplyTooLongError] before anything is sent. There is no delete call.
//
// # Authentication and quota
//
// The API needs an OAuth2 access token (service account, scope
// androidpublisher) sent as "Authorization: Bearer": use
// [sources.WithToken] or [sources.WithTokenFunc] (refreshed once on a 401;
// otherwise a 401 is [sources.ErrUnauthorized]). An unknown package (404)
// is [sources.ErrNotFound]. The default pace keeps under the per-app quota
// of 200 list requests per hour ([DefaultRate], [DefaultBurst]); the quota
// of 2,000 replies per day is not paced separately. A 429 without
// Retry-After waits a minute before the retry.
package googleplay
