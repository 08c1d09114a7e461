// Package sources pulls customer reviews from the platforms where they are
// written, within each platform's quota, and never loses or doubles one.
//
// # Sources
//
// A [Source] yields the reviews of one account, location, app or file as a
// single-use iterator:
//
//	c, err := trustpilot.New(businessUnitID, sources.WithAPIKey(key))
//	for rv, err := range c.Reviews(ctx, sources.Query{}) {
//		if sources.IsItemError(err) { log(err); continue } // one bad review
//		if err != nil { return err }                        // the walk ended
//		store(rv)
//	}
//
// Adapters that accept replies also implement [Replier].
//
// # Options
//
// Every adapter is built as <platform>.New(<required ids>, opts...) and
// takes the shared options of this package: [WithBaseURL],
// [WithHTTPClient], [WithRateLimit], [WithLimiter] (one budget shared by
// several clients), [WithAPIKey], [WithToken], [WithTokenFunc],
// [WithLogger], [WithMaxRetryAfter], [WithMaxRetries] and more. Options
// validate their input and return errors matching [ErrInvalidOption].
//
// # Errors
//
// [*HTTPError] (matching [ErrUnauthorized] and [ErrNotFound]),
// [*RateLimitError] (matching [ErrRateLimited]), [*DecodeError] (one bad
// review with Item >= 0, or a page that did not parse with Item == -1), and
// [ErrPaginationLoop]. No error carries a key or token.
//
// # Writing an adapter
//
// An adapter calls [NewConfig] with its platform defaults and the caller's
// options, builds the internal HTTP core (internal/httpx) from the Config,
// decodes each page's items one by one with [DecodeItems] (so a bad item
// becomes a DecodeError and the rest arrive), and turns its page fetcher
// into Reviews with [Walk] (or Config.Walk), which de-duplicates, applies
// the Query window and Max, and guards against endless pagination:
//
//	func (c *Client) Reviews(ctx context.Context, q sources.Query) iter.Seq2[review.Review, error] {
//		return c.cfg.Walk(ctx, q, func(ctx context.Context, cursor string) (sources.Page, error) {
//			return c.Page(ctx, sources.Query{Cursor: cursor, ...})
//		})
//	}
//
// # Many sources
//
// [Sync] walks many sources concurrently, keeps a [Checkpoint] per source in
// a [CheckpointStore], reports new and edited reviews and progress, and
// carries on past a failing source. [Watch] repeats Sync on an interval
// and emits changes on a channel.
package sources
