// Package yelp reads the review excerpts the Yelp Places (Fusion) API gives
// for a business, as a [sources.Source].
//
// Yelp hands out at most three reviews per business ([MaxExcerpts]),
// chosen and cut short by Yelp: each Body is an excerpt of the review, not
// its full text, and there is no way to page further, whatever the
// business's total. Treat Yelp as a sample: poll it and keep what you see
// (sources.Sync and sources.Watch de-duplicate). The public API has no
// reply call (replies need Yelp's partner-only Respond to Reviews API), so
// there is no Replier.
//
//	c, err := yelp.New("example-boutique-chicago", sources.WithAPIKey(key))
//	for rv, err := range c.Reviews(ctx, sources.Query{}) { ... }
//
// # Wire format
//
// One request: GET /v3/businesses/{id}/reviews?sort_by=newest. A review
// maps onto [review.Review] as follows: ExternalID = id; URL = url as sent;
// Body = text (the excerpt, byte for byte); Rating = rating (1–5);
// Author.Name and Author.ID from user; CreatedAt = time_created, which has
// no zone and is read in [DefaultZone] (Pacific time, as Yelp describes
// it) unless [sources.WithTimeZone] names another, then stored in UTC.
// Lang is set when the response names exactly one possible language.
//
// # Authentication and quota
//
// The API key travels as "Authorization: Bearer" ([sources.WithAPIKey]),
// never in the URL. A refused key (401) is [sources.ErrUnauthorized]; an
// unknown business (400 BUSINESS_NOT_FOUND or 404) is
// [sources.ErrNotFound]. The default pace ([DefaultRate], [DefaultBurst])
// spreads 5,000 calls over a day; a 429 for the per-second limit is retried
// (after Retry-After, or 2 s). A 429 for the daily allowance
// (RateLimit-Remaining: 0 with RateLimit-DailyLimit) whose
// RateLimit-ResetTime is further away than [sources.WithMaxRetryAfter]
// allows ends the walk with a [*sources.RateLimitError] matching
// [sources.ErrQuotaExhausted].
package yelp
