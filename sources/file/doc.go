// Package file imports reviews from CSV and JSON Lines files, for shops
// that export reviews from a platform without an API or keep their own.
//
// # Formats
//
// JSON Lines (.jsonl, .ndjson): one review per line in review.Review's
// JSON form (the snake_case names of its struct tags: external_id,
// author.name, rating, created_at, reply.body, status, ...). Unknown fields
// are ignored; blank lines are skipped.
//
// CSV (.csv): a header row names the columns; names are matched without
// regard to case, spaces or dashes, and unknown columns are ignored. The
// column mapping, with accepted aliases:
//
//	id            id, review_id
//	external_id   external_id
//	source        source, platform
//	url           url, link
//	product_id    product_id, product, sku
//	location_id   location_id, location
//	order_id      order_id, order, order_number
//	author        author, author_name, name, reviewer
//	author_id     author_id, reviewer_id
//	rating        rating, stars, score        (0 or empty = unrated; else 1–5)
//	title         title, subject
//	body          body, text, comment, content, review
//	lang          lang, language
//	verified      verified                    (true/false, yes/no, 1/0)
//	helpful       helpful, likes
//	created_at    created_at, created, date   (required)
//	updated_at    updated_at, updated
//	reply         reply, reply_body, response
//	reply_author  reply_author
//	reply_at      reply_at, reply_created_at, reply_date
//	status        status                      (published, pending, hidden, removed, flagged)
//
// Times are RFC 3339, or "2006-01-02 15:04:05", "2006-01-02T15:04:05" or
// "2006-01-02" read in UTC (sources.WithTimeZone changes the zone). A reply
// without its own time takes the review's.
//
// # Identity
//
// Review.Source is "file" (KeepSource keeps a record's own source, so an
// export re-imported de-duplicates with the live adapter). ExternalID is
// the record's id; without one it is source + ":" + external_id when a
// source is given, else external_id. A record without either is an error.
//
// # Bad lines
//
// A line that does not parse, lacks an id or a creation time, has a rating
// outside 1–5, or fails review.Validate is yielded as a *sources.DecodeError
// whose Item is the 1-based line number and whose Page is the file name;
// the lines after it still arrive. An id seen on an earlier line is
// reported the same way and not yielded twice.
package file
