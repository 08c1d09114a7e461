package etsy

import (
	"context"
	"fmt"
	"iter"
	"net/http"
	"net/url"
	"strconv"

	"github.com/reputekit/repute/internal/httpx"
	"github.com/reputekit/repute/review"
	"github.com/reputekit/repute/sources"
)

// DefaultBaseURL is the Etsy Open API host; the adapter appends
// "/v3/application/shops/{shop_id}/reviews".
const DefaultBaseURL = "https://openapi.etsy.com"

// MaxPageSize is the largest limit the reviews list accepts.
const MaxPageSize = 100

// Overlap is how many reviews of the previous page each next page asks for
// again. Offset paging over a newest-first list shifts when reviews arrive
// or go: re-reading the boundary (and de-duplicating by transaction id)
// means a review pushed back across it is still seen. Up to Overlap
// deletions between two pages are covered.
const Overlap = 5

// The default pace keeps under Etsy's default allowance of 10 requests per
// second: 9 per second, one at a time, so no second sees more than 10. The
// daily allowance (10,000 by default) is not paced: a 429 that reports it
// used up (x-remaining-today: 0) ends the walk with a
// *sources.RateLimitError matching sources.ErrQuotaExhausted.
const (
	// DefaultRate is in requests per second.
	DefaultRate  = 9
	DefaultBurst = 1
)

// Client reads the reviews of one Etsy shop. Etsy's Open API v3 has no
// reply call, so Client is a [sources.Source] only. It is safe for
// concurrent use; each Reviews iterator is used by one goroutine.
type Client struct {
	hc     *httpx.Client
	shopID string
}

var (
	_ sources.Source = (*Client)(nil)
	_ sources.Pager  = (*Client)(nil)
)

// New returns a client for the shop with numeric id shopID.
//
// Etsy needs the app's key, sent in the x-api-key header: pass it with
// [sources.WithAPIKey]. A bearer token ([sources.WithToken]) is sent too
// when set (private scopes).
func New(shopID string, opts ...sources.Option) (*Client, error) {
	if err := httpx.CheckPathID(Name, "shop id", shopID); err != nil {
		return nil, err
	}
	cfg, err := sources.NewConfig(sources.Config{
		Platform: Name,
		BaseURL:  DefaultBaseURL,
		Rate:     DefaultRate,
		Burst:    DefaultBurst,
	}, opts...)
	if err != nil {
		return nil, err
	}
	hc, err := httpx.New(cfg)
	if err != nil {
		return nil, err
	}
	key := cfg.APIKey
	hc.Authorize = func(req *http.Request, token string) {
		if key != "" {
			req.Header.Set("x-api-key", key)
		}
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
	}
	return &Client{hc: hc, shopID: shopID}, nil
}

// Name returns "etsy".
func (c *Client) Name() string { return Name }

// Reviews returns a single-use iterator over the shop's reviews, newest
// first, 100 per page, by offset. Each page re-reads the last [Overlap]
// reviews of the one before, and the walk yields each transaction once, so
// reviews arriving or disappearing during the walk neither double nor hide
// others.
//
// q.ProductID, when set, reads the reviews of that listing instead of the
// whole shop. q.Since and q.Until are sent as min_created and max_created
// (epoch seconds): on Etsy, Since selects by creation time, so an older
// review edited later is found by a walk without Since. q.Max is applied as
// [sources.Walk] describes; q.LocationID is ignored.
func (c *Client) Reviews(ctx context.Context, q sources.Query) iter.Seq2[review.Review, error] {
	cfg := c.hc.Config()
	return cfg.Walk(ctx, q, func(ctx context.Context, cursor string) (sources.Page, error) {
		pq := q
		pq.Cursor = cursor
		return c.Page(ctx, pq)
	})
}

// Page fetches the page at the offset q.Cursor holds ("" = 0).
func (c *Client) Page(ctx context.Context, q sources.Query) (sources.Page, error) {
	offset := 0
	if q.Cursor != "" {
		n, err := strconv.Atoi(q.Cursor)
		if err != nil || n < 0 {
			return sources.Page{}, fmt.Errorf("etsy: cursor %q is not an offset: %w", q.Cursor, sources.ErrInvalidOption)
		}
		offset = n
	}
	path := "/v3/application/shops/" + url.PathEscape(c.shopID) + "/reviews"
	if q.ProductID != "" {
		if err := httpx.CheckPathID(Name, "listing id", q.ProductID); err != nil {
			return sources.Page{}, err
		}
		path = "/v3/application/listings/" + url.PathEscape(q.ProductID) + "/reviews"
	}
	size := c.hc.Config().PageSize
	if size <= 0 || size > MaxPageSize {
		size = MaxPageSize
	}
	query := url.Values{"limit": {strconv.Itoa(size)}, "offset": {strconv.Itoa(offset)}}
	if !q.Since.IsZero() {
		query.Set("min_created", strconv.FormatInt(q.Since.Unix(), 10))
	}
	if !q.Until.IsZero() {
		query.Set("max_created", strconv.FormatInt(q.Until.Unix(), 10))
	}
	label := strconv.Itoa(offset)
	var w wireList
	if _, err := c.hc.GetJSON(ctx, &httpx.Request{Path: path, Query: query, Page: label}, &w); err != nil {
		return sources.Page{}, err
	}
	p := fromList(&w)
	pg := sources.Page{Reviews: make([]review.Review, 0, len(p.items))}
	for i, it := range p.items {
		if it.err != nil {
			pg.Errors = append(pg.Errors, &sources.DecodeError{Source: Name, ExternalID: it.id, Page: label, Item: i, Err: it.err})
			continue
		}
		pg.Reviews = append(pg.Reviews, it.rv)
	}
	pg.Next = nextOffset(offset, len(p.items), size, p.count)
	return pg, nil
}

// nextOffset returns the cursor after a page of n items read at offset
// with the given limit, out of count (the list's total, 0 when the
// response lacks it): "" when the list is done, else the next offset
// stepped back by Overlap (but always forward).
func nextOffset(offset, n, limit, count int) string {
	end := offset + n
	if n == 0 || (count > 0 && end >= count) || (count <= 0 && n < limit) {
		return ""
	}
	back := min(Overlap, n-1)
	return strconv.Itoa(end - back)
}
