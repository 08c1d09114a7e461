// Package etsy reads the reviews of an Etsy shop through the Etsy Open API
// v3, as a [sources.Source]. The API has no reply call, so there is no
// Replier.
//
//	c, err := etsy.New("31415926", sources.WithAPIKey(key))
//	for rv, err := range c.Reviews(ctx, sources.Query{}) { ... }
//
// # Wire format
//
// Reviews come from GET /v3/application/shops/{shop_id}/reviews (or
// /v3/application/listings/{listing_id}/reviews when Query.ProductID is
// set), 100 per page ([MaxPageSize]) by limit and offset, newest first;
// the response is {"count", "results"}. A TransactionReview maps onto
// [review.Review] as follows: Etsy gives reviews no id, and a transaction
// has at most one review, so ExternalID (and OrderID) = transaction_id
// (listing_id + "-" + create_timestamp when it is missing); ProductID =
// listing_id; Author.ID = buyer_user_id when present (Etsy hides it for
// some buyers; there is no reviewer name); Rating = rating (1–5); Body =
// review, byte for byte (empty for rating-only reviews); Lang = language;
// CreatedAt = create_timestamp (or created_timestamp) and UpdatedAt =
// update_timestamp when later, epoch seconds read as UTC; Verified is
// true, since every Etsy review belongs to a purchase.
//
// # Shifting pages
//
// Offsets index a live, newest-first list: a review arriving during a walk
// pushes the others back (the next page repeats one), and a review deleted
// pulls them forward (the next page would skip one). Each page therefore
// starts [Overlap] reviews before the end of the previous one, and the
// walk yields each transaction once.
//
// # Authentication and quota
//
// The app key travels in the x-api-key header ([sources.WithAPIKey]), never
// in the URL; a bearer token ([sources.WithToken]) is added when set. A
// refused key (401/403) is [sources.ErrUnauthorized]; an unknown shop (404)
// is [sources.ErrNotFound]. The default pace is [DefaultRate] requests per
// second, one at a time, under Etsy's default 10 per second. A 429 is
// retried after its Retry-After (or a backoff), except one that reports
// the daily allowance used up (x-remaining-today: 0): it ends the walk at
// once with a [*sources.RateLimitError] matching
// [sources.ErrQuotaExhausted], since waiting seconds would not help.
package etsy
