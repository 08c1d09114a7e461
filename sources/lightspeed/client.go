package lightspeed

import (
	"context"
	"fmt"
	"iter"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync/atomic"

	"golang.org/x/time/rate"

	"github.com/reputekit/repute/internal/httpx"
	"github.com/reputekit/repute/review"
	"github.com/reputekit/repute/sources"
	"github.com/reputekit/repute/sources/internal/paging"
)

// DefaultBaseURL is the eCom (C-Series) API host of the EU cluster; the
// adapter appends "/{language}/reviews.json". Shops on another cluster
// pass their host with [sources.WithBaseURL].
const DefaultBaseURL = "https://api.webshopapp.com"

// MaxPageSize is the largest limit eCom lists accept.
const MaxPageSize = 250

// Overlap is how many reviews of the previous page each next page reads
// again (see [Client.Reviews]), so that reviews deleted or hidden during a
// walk do not push others past a page boundary unseen.
const Overlap = 5

// The default pace keeps under the tightest of eCom's per-key windows: 300
// requests per 5 minutes and 3,000 per hour become 2,990 per hour with
// bursts of 5 (at most 254 in any 5 minutes). The 12,000-per-day window and
// the X-RateLimit-* headers are watched by the shared HTTP core.
const (
	// DefaultRate is in requests per second.
	DefaultRate  = rate.Limit(2990.0 / 3600)
	DefaultBurst = 5
)

// Client reads the reviews of one Lightspeed eCom shop in one shop
// language. eCom has no reply API, so Client is a [sources.Source] only.
// It is safe for concurrent use; each Reviews iterator is used by one
// goroutine.
type Client struct {
	hc    *httpx.Client
	lang  string
	log   *slog.Logger
	scale atomic.Int32 // last Scale seen + 1; 0 = none yet
}

var (
	_ sources.Source = (*Client)(nil)
	_ sources.Pager  = (*Client)(nil)
)

// New returns a client for the shop whose API key and secret are given
// with [sources.WithAPIKey] and [sources.WithAPISecret] (sent as HTTP
// Basic authentication), reading in the shop language language (the URL's
// language segment, e.g. "en", "nl", "lt"; it selects translated fields).
func New(language string, opts ...sources.Option) (*Client, error) {
	if !validLang(language) {
		return nil, fmt.Errorf("lightspeed: language %q is not a shop language code such as \"en\": %w", language, sources.ErrInvalidOption)
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
	key, secret := cfg.APIKey, cfg.APISecret
	hc.Authorize = func(req *http.Request, token string) {
		if key != "" || secret != "" {
			req.SetBasicAuth(key, secret)
		} else if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
	}
	return &Client{hc: hc, lang: language, log: cfg.Logger}, nil
}

// validLang accepts a short lower-case language code, optionally with a
// region ("en", "nl", "pt-br").
func validLang(s string) bool {
	if len(s) < 2 || len(s) > 8 {
		return false
	}
	for _, r := range s {
		if (r < 'a' || r > 'z') && r != '-' && r != '_' {
			return false
		}
	}
	return true
}

// Name returns "lightspeed".
func (c *Client) Name() string { return Name }

// Scale reports the score form of the last page read: [ScaleStars] (what
// the fixtures and the shops we have seen send) or [ScaleFraction]. ok is
// false before any page with a score was read.
func (c *Client) Scale() (s Scale, ok bool) {
	v := c.scale.Load()
	if v == 0 {
		return ScaleStars, false
	}
	return Scale(v - 1), true
}

// Reviews returns a single-use iterator over the shop's reviews, newest
// first, 250 per page, by page number and limit.
//
// Page-number paging shifts while reviews arrive or disappear. So that no
// review slips past a page boundary unseen, each page after the first is
// asked for with a page number and limit chosen so that it re-reads at
// least [Overlap] reviews of the one before (more where the page grid
// gives no closer start; fewer only with pages smaller than about 50),
// and each review is yielded once. Every page reaches past the one before,
// however deep the walk. A page shorter than its limit is the last.
//
// q.Since ends the walk at the first page that reaches reviews created
// before it (eCom reviews carry no edit time). q.ProductID keeps the
// reviews of one product (filtered here: a list filter is not documented).
// q.Until and q.Max are applied as [sources.Walk] describes; q.LocationID
// is ignored. Hidden reviews (isVisible false) arrive with Status Hidden.
func (c *Client) Reviews(ctx context.Context, q sources.Query) iter.Seq2[review.Review, error] {
	cfg := c.hc.Config()
	return cfg.Walk(ctx, q, func(ctx context.Context, cursor string) (sources.Page, error) {
		pq := q
		pq.Cursor = cursor
		return c.Page(ctx, pq)
	})
}

// Page fetches the page after the offset q.Cursor holds ("" = 0): the
// offset of the first review not read yet. The page re-reads up to
// [Overlap] reviews before it (see [Client.Reviews]); Page.Next is the
// offset after the page.
func (c *Client) Page(ctx context.Context, q sources.Query) (sources.Page, error) {
	next := 0
	if q.Cursor != "" {
		n, err := strconv.Atoi(q.Cursor)
		if err != nil || n < 0 {
			return sources.Page{}, fmt.Errorf("lightspeed: cursor %q is not an offset: %w", q.Cursor, sources.ErrInvalidOption)
		}
		next = n
	}
	size := c.hc.Config().PageSize
	if size <= 0 || size > MaxPageSize {
		size = MaxPageSize
	}
	pageNo, limit := paging.Window(next, size, Overlap)
	start := (pageNo - 1) * limit
	label := strconv.Itoa(pageNo) + "x" + strconv.Itoa(limit)
	var w wireList
	_, err := c.hc.GetJSON(ctx, &httpx.Request{
		Path:  "/" + url.PathEscape(c.lang) + "/reviews.json",
		Query: url.Values{"page": {strconv.Itoa(pageNo)}, "limit": {strconv.Itoa(limit)}},
		Page:  label,
	}, &w)
	if err != nil {
		return sources.Page{}, err
	}
	p := fromList(&w)
	c.noteScale(ctx, p)
	pg := sources.Page{Reviews: make([]review.Review, 0, len(p.items))}
	for i, it := range p.items {
		if it.err != nil {
			pg.Errors = append(pg.Errors, &sources.DecodeError{Source: Name, ExternalID: it.id, Page: label, Item: i, Err: it.err})
			continue
		}
		if q.ProductID != "" && it.rv.ProductID != q.ProductID {
			continue
		}
		pg.Reviews = append(pg.Reviews, it.rv)
	}
	n := len(p.items)
	if n == limit && n > 0 {
		pg.Next = strconv.Itoa(max(start+n, next+1))
	}
	if !q.Since.IsZero() && n > 0 {
		if last := p.items[n-1]; last.err == nil && last.rv.CreatedAt.Before(q.Since) {
			pg.Next = ""
		}
	}
	return pg, nil
}

// noteScale records the page's score form and logs a change at debug
// level, so that a shop's form shows up in the caller's logs.
func (c *Client) noteScale(ctx context.Context, p page) {
	scored := false
	for _, it := range p.items {
		if it.err == nil && it.rv.Rating != 0 {
			scored = true
			break
		}
	}
	if !scored {
		return
	}
	if old := c.scale.Swap(int32(p.scale) + 1); old != int32(p.scale)+1 {
		c.log.LogAttrs(ctx, slog.LevelDebug, "lightspeed: review score form",
			slog.String("scale", p.scale.String()), slog.String("language", strings.ToLower(c.lang)))
	}
}
