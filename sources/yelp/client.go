package yelp

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"github.com/reputekit/repute/internal/httpx"
	"github.com/reputekit/repute/review"
	"github.com/reputekit/repute/sources"
)

// DefaultBaseURL is the Yelp Places (Fusion) API host; the adapter appends
// "/v3/businesses/{id}/reviews".
const DefaultBaseURL = "https://api.yelp.com"

// MaxExcerpts is the most reviews Yelp hands out per business.
const MaxExcerpts = 3

// The default pace spreads the historic daily allowance of 5,000 calls
// over the day (one call every 17.28 s) with bursts of 10. Starter plans
// have 300 calls a day: pass a slower limit with sources.WithRateLimit.
const (
	// DefaultRate is in requests per second.
	DefaultRate  = rate.Limit(5000.0 / 86400)
	DefaultBurst = 10
)

// DefaultZone is the zone Yelp's zone-less time_created is read in
// unless [sources.WithTimeZone] says otherwise. Yelp describes the times
// as Pacific; this is not confirmed by a specification.
const DefaultZone = "America/Los_Angeles"

// qpsWait is the wait after a 429 without Retry-After: Yelp's per-second
// limit clears quickly.
const qpsWait = 2 * time.Second

// pacific loads DefaultZone once; without a zone database it falls back
// to a fixed UTC−8 (Pacific Standard Time), an hour off in summer.
var pacific = sync.OnceValue(func() *time.Location {
	if loc, err := time.LoadLocation(DefaultZone); err == nil {
		return loc
	}
	return time.FixedZone("PST", -8*3600)
})

// Client reads the review excerpts Yelp gives for one business: at most
// three, chosen by Yelp, each a shortened text rather than the full
// review. The public API has no reply call, so Client is a
// [sources.Source] only. It is safe for concurrent use.
type Client struct {
	hc         *httpx.Client
	businessID string
	loc        *time.Location
}

var (
	_ sources.Source = (*Client)(nil)
	_ sources.Pager  = (*Client)(nil)
)

// New returns a client for the business with Yelp id or alias businessID
// (e.g. "example-boutique-chicago"). Yelp wants the API key as a bearer
// token: pass it with [sources.WithAPIKey] (or [sources.WithToken]).
func New(businessID string, opts ...sources.Option) (*Client, error) {
	if err := httpx.CheckPathID(Name, "business id", businessID); err != nil {
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
		if token == "" {
			token = key
		}
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
	}
	hc.MinRateLimitWait = qpsWait
	loc := cfg.Location
	if loc == nil {
		loc = pacific()
	}
	return &Client{hc: hc, businessID: businessID, loc: loc}, nil
}

// Name returns "yelp".
func (c *Client) Name() string { return Name }

// Reviews returns a single-use iterator over the business's review
// excerpts: one request (sort_by=newest), at most [MaxExcerpts] reviews,
// each Body an excerpt Yelp cut short. Yelp does not let anyone page
// further, whatever the business's total; poll and keep what you see.
//
// q.Since, q.Until and q.Max are applied as [sources.Walk] describes;
// q.ProductID and q.LocationID are ignored. An unknown business (Yelp's
// 400 BUSINESS_NOT_FOUND, or 404) ends the walk with [sources.ErrNotFound].
func (c *Client) Reviews(ctx context.Context, q sources.Query) iter.Seq2[review.Review, error] {
	cfg := c.hc.Config()
	return cfg.Walk(ctx, q, func(ctx context.Context, cursor string) (sources.Page, error) {
		pq := q
		pq.Cursor = cursor
		return c.Page(ctx, pq)
	})
}

// Page fetches the one page Yelp has; q.Cursor must be "".
func (c *Client) Page(ctx context.Context, q sources.Query) (sources.Page, error) {
	if q.Cursor != "" {
		return sources.Page{}, fmt.Errorf("yelp: there is no page after the first (cursor %q): %w", q.Cursor, sources.ErrInvalidOption)
	}
	var w wireList
	_, err := c.hc.GetJSON(ctx, &httpx.Request{
		Path:  "/v3/businesses/" + url.PathEscape(c.businessID) + "/reviews",
		Query: url.Values{"sort_by": {"newest"}},
		Page:  "first",
	}, &w)
	if err != nil {
		if he, ok := errors.AsType[*sources.HTTPError](err); ok && he.StatusCode == http.StatusBadRequest && strings.Contains(he.Body, "BUSINESS_NOT_FOUND") {
			return sources.Page{}, fmt.Errorf("%w: %w", sources.ErrNotFound, err)
		}
		return sources.Page{}, err
	}
	p := fromList(&w, c.loc)
	pg := sources.Page{Reviews: make([]review.Review, 0, len(p.items))}
	for i, it := range p.items {
		if it.err != nil {
			pg.Errors = append(pg.Errors, &sources.DecodeError{Source: Name, ExternalID: it.id, Page: "first", Item: i, Err: it.err})
			continue
		}
		pg.Reviews = append(pg.Reviews, it.rv)
	}
	return pg, nil
}
