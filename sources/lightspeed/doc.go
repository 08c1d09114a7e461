// Package lightspeed reads the product reviews of a Lightspeed eCom
// (C-Series, formerly SEOshop/WebshopApp) shop as a [sources.Source]. eCom
// has no reply API, so there is no Replier.
//
//	c, err := lightspeed.New("en", sources.WithAPIKey(key), sources.WithAPISecret(secret))
//	for rv, err := range c.Reviews(ctx, sources.Query{}) { ... }
//
// # Wire format
//
// Reviews come from GET /{language}/reviews.json, {"reviews": [...]}, by
// page and limit (at most 250, [MaxPageSize]), newest first; a page shorter
// than its limit is the last. A review maps onto [review.Review] as
// follows: ExternalID = id; CreatedAt = createdAt (sent with an offset,
// stored in UTC); Author.Name = name; Author.ID = the customer link's id;
// ProductID = the product link's id (links are {"resource": {...}} or
// false); Body = content, byte for byte; Lang = language.code; Status =
// Hidden when isVisible is false. eCom gives no title, edit time, verified
// flag or reply.
//
// # Two score forms
//
// The score field's scale is not documented. The shops and fixtures we have
// seen send whole stars 1–5 (the fixtures: 1, 5 and 2); some Lightspeed
// themes store a 0–1 fraction of the full mark. The adapter accepts both and
// decides per page (see [Scale]): a score above 1 means stars; otherwise a
// score strictly between 0 and 1 means fractions (stars = score × 5, at
// least 1); a page of only 0s and 1s is read as stars. 0 or a missing
// score is unrated. A score that fits neither form is a per-item
// [sources.DecodeError]. [Client.Scale] tells which form the last page
// used, and the change is logged at debug level ([sources.WithLogger]).
//
// # Shifting pages
//
// Page numbers index a live list. Each page after the first is requested
// with a page number and limit chosen so that it starts [Overlap] or more
// reviews before the end of the previous one (with pages of at least 50;
// smaller pages overlap less) and still reaches past it, however deep the
// walk; with de-duplication, up to Overlap reviews that disappear during a
// walk, and any number that arrive, neither double nor hide others.
//
// # Authentication and quota
//
// The API key and secret travel as HTTP Basic authentication
// ([sources.WithAPIKey], [sources.WithAPISecret]). A refused key (401) is
// [sources.ErrUnauthorized]; a 404 is [sources.ErrNotFound]. The default
// pace ([DefaultRate], [DefaultBurst]) keeps under 300 requests per 5
// minutes and 3,000 per hour; the X-RateLimit-Remaining/Reset triples
// ("300/3000/12000") hold requests back until the tightest empty window
// resets.
package lightspeed
