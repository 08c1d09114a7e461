package google

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/reputekit/repute/internal/httpx"
	"github.com/reputekit/repute/review"
	"github.com/reputekit/repute/sources"
)

// DefaultBaseURL is the Business Profile API host; the adapter appends
// "/v4/accounts/{account}/locations/{location}/reviews".
const DefaultBaseURL = "https://mybusiness.googleapis.com"

// MaxPageSize is the largest pageSize the current API reference allows.
const MaxPageSize = 50

// MaxReplyBytes is the longest reply the API accepts, in bytes.
const MaxReplyBytes = 4096

// DefaultRate is the default pace: the API's default quota of 300 queries
// per minute, as 5 requests per second with bursts of 5.
const DefaultRate = 5

// noHintWait is how long a 429 without a Retry-After header makes the
// client wait: Google documents no header and its quota is per minute.
const noHintWait = time.Minute

// Client reads the reviews of one Business Profile location and answers
// them. It is safe for concurrent use; each Reviews iterator is used by one
// goroutine.
type Client struct {
	hc       *httpx.Client
	account  string
	location string
}

var (
	_ sources.Source  = (*Client)(nil)
	_ sources.Replier = (*Client)(nil)
	_ sources.Pager   = (*Client)(nil)
)

// New returns a client for the location "accounts/{account}/locations/{location}".
// account and location are the numeric ids, with or without their
// "accounts/" and "locations/" prefixes.
//
// Google needs an OAuth2 access token with the business.manage scope: pass
// it with [sources.WithToken], a refreshing [sources.WithTokenFunc], or an
// [http.Client] that adds it ([sources.WithHTTPClient]). The default pace is
// [DefaultRate]; [sources.WithRateLimit] or [sources.WithLimiter] replace it.
func New(account, location string, opts ...sources.Option) (*Client, error) {
	account = strings.TrimPrefix(account, "accounts/")
	location = strings.TrimPrefix(location, "locations/")
	if err := httpx.CheckPathID(Name, "account id", account); err != nil {
		return nil, err
	}
	if err := httpx.CheckPathID(Name, "location id", location); err != nil {
		return nil, err
	}
	cfg, err := sources.NewConfig(sources.Config{
		Platform: Name,
		BaseURL:  DefaultBaseURL,
		Rate:     DefaultRate,
		Burst:    5,
	}, opts...)
	if err != nil {
		return nil, err
	}
	hc, err := httpx.New(cfg)
	if err != nil {
		return nil, err
	}
	hc.MinRateLimitWait = noHintWait
	return &Client{hc: hc, account: account, location: location}, nil
}

// Name returns "google".
func (c *Client) Name() string { return Name }

// Reviews returns a single-use iterator over the location's reviews, most
// recently updated first (the API's only descending order), 50 per page.
//
// q.LocationID, when set, reads another location of the same account.
// q.Since ends the walk at the first page that reaches reviews last updated
// before it; q.Until and q.Max are applied as [sources.Walk] describes;
// q.ProductID is ignored (Google files reviews under locations only).
// Since an edited or newly answered review moves to the top while the walk
// goes on, a review may be seen twice: it is yielded once.
func (c *Client) Reviews(ctx context.Context, q sources.Query) iter.Seq2[review.Review, error] {
	cfg := c.hc.Config()
	return cfg.Walk(ctx, q, func(ctx context.Context, cursor string) (sources.Page, error) {
		pq := q
		pq.Cursor = cursor
		return c.Page(ctx, pq)
	})
}

// Page fetches the page q.Cursor names ("" = the first) and returns its
// reviews, the reviews that failed to decode, and the next cursor.
func (c *Client) Page(ctx context.Context, q sources.Query) (sources.Page, error) {
	location := c.location
	if q.LocationID != "" {
		location = strings.TrimPrefix(q.LocationID, "locations/")
		if err := httpx.CheckPathID(Name, "location id", location); err != nil {
			return sources.Page{}, err
		}
	}
	size := c.hc.Config().PageSize
	if size <= 0 || size > MaxPageSize {
		size = MaxPageSize
	}
	query := url.Values{"pageSize": {strconv.Itoa(size)}}
	if q.Cursor != "" {
		query.Set("pageToken", q.Cursor)
	}
	label := q.Cursor
	if label == "" {
		label = "first"
	}
	var w wireList
	_, err := c.hc.GetJSON(ctx, &httpx.Request{Path: c.locationPath(location) + "/reviews", Query: query, Page: label}, &w)
	if err != nil {
		return sources.Page{}, err
	}
	p := fromList(&w)
	pg := p.toSources(label)
	if !q.Since.IsZero() && len(p.items) > 0 {
		// The list is sorted by update time, newest first: once a page
		// reaches reviews last updated before Since, no later page has
		// anything newer.
		if last := p.items[len(p.items)-1]; last.err == nil && updated(&last.rv).Before(q.Since) {
			pg.Next = ""
		}
	}
	return pg, nil
}

// updated is the review's update time as Google sorts by it.
func updated(rv *review.Review) time.Time {
	if rv.UpdatedAt.IsZero() {
		return rv.CreatedAt
	}
	return rv.UpdatedAt
}

func (c *Client) locationPath(location string) string {
	return "/v4/accounts/" + url.PathEscape(c.account) + "/locations/" + url.PathEscape(location)
}

// toSources turns a decoded page into a sources.Page labelled label.
func (p page) toSources(label string) sources.Page {
	pg := sources.Page{Reviews: make([]review.Review, 0, len(p.items)), Next: p.next}
	for i, it := range p.items {
		if it.err != nil {
			pg.Errors = append(pg.Errors, &sources.DecodeError{Source: Name, ExternalID: it.id, Page: label, Item: i, Err: it.err})
			continue
		}
		pg.Reviews = append(pg.Reviews, it.rv)
	}
	return pg
}

// ReplyTooLongError is returned, before anything is sent, for a reply
// longer than the platform accepts. It matches [sources.ErrReplyTooLong].
type ReplyTooLongError struct {
	// Length is the reply's length and Max the limit, both in bytes.
	Length, Max int
}

// Error says how long the reply is and what the limit is.
func (e *ReplyTooLongError) Error() string {
	return fmt.Sprintf("google: reply is %d bytes, more than the %d allowed", e.Length, e.Max)
}

// Is matches sources.ErrReplyTooLong.
func (e *ReplyTooLongError) Is(target error) bool { return target == sources.ErrReplyTooLong }

// ErrEmptyReply is returned for a reply with no text; nothing is sent.
var ErrEmptyReply = fmt.Errorf("google: empty reply: %w", sources.ErrInvalidOption)

// reviewPath returns the path of review reviewID (the review's ExternalID,
// or its ID "google:<id>") under the client's location.
func (c *Client) reviewPath(reviewID string) (string, error) {
	id := strings.TrimPrefix(reviewID, Name+":")
	if err := httpx.CheckPathID(Name, "review id", id); err != nil {
		return "", err
	}
	return c.locationPath(c.location) + "/reviews/" + url.PathEscape(id), nil
}

// Reply creates or replaces the public reply to review reviewID (its
// ExternalID; the "google:" prefix of its ID is accepted too) with
// updateReply. body is sent as is; a body over [MaxReplyBytes] bytes is a
// [*ReplyTooLongError], an empty or invalid UTF-8 body an error, and
// neither is sent. The call is idempotent and is retried like a read.
func (c *Client) Reply(ctx context.Context, reviewID, body string) error {
	if body == "" || !utf8.ValidString(body) {
		return ErrEmptyReply
	}
	if len(body) > MaxReplyBytes {
		return &ReplyTooLongError{Length: len(body), Max: MaxReplyBytes}
	}
	path, err := c.reviewPath(reviewID)
	if err != nil {
		return err
	}
	payload, err := json.Marshal(wireReply{Comment: body})
	if err != nil {
		return fmt.Errorf("google: encode reply: %w", err)
	}
	_, err = c.hc.Do(ctx, &httpx.Request{Method: http.MethodPut, Path: path + "/reply", Body: payload})
	return err
}

// DeleteReply removes the reply to review reviewID (deleteReply). Deleting
// a reply that is not there is what the API says it is (usually 404,
// [sources.ErrNotFound]).
func (c *Client) DeleteReply(ctx context.Context, reviewID string) error {
	path, err := c.reviewPath(reviewID)
	if err != nil {
		return err
	}
	_, err = c.hc.Do(ctx, &httpx.Request{Method: http.MethodDelete, Path: path + "/reply"})
	return err
}

// MaxBatchLocations is the most locations one batchGetReviews call names.
const MaxBatchLocations = 50

// BatchReviews returns a single-use iterator over the reviews of several
// locations of the account (location ids, with or without the
// "locations/" prefix), read together with batchGetReviews, most recently
// updated first within each group of up to [MaxBatchLocations] locations.
// Each review's LocationID names its location. q is applied as in
// [Client.Reviews]; q.LocationID is ignored.
func (c *Client) BatchReviews(ctx context.Context, locations []string, q sources.Query) iter.Seq2[review.Review, error] {
	cfg := c.hc.Config()
	return func(yield func(review.Review, error) bool) {
		names := make([]string, 0, len(locations))
		for _, l := range locations {
			l = strings.TrimPrefix(l, "locations/")
			if err := httpx.CheckPathID(Name, "location id", l); err != nil {
				yield(review.Review{}, err)
				return
			}
			names = append(names, "accounts/"+c.account+"/locations/"+l)
		}
		count := 0
		for start := 0; start < len(names); start += MaxBatchLocations {
			group := names[start:min(len(names), start+MaxBatchLocations)]
			gq := q
			if q.Max > 0 {
				gq.Max = q.Max - count
			}
			walk := cfg.Walk(ctx, gq, func(ctx context.Context, cursor string) (sources.Page, error) {
				return c.batchPage(ctx, group, cursor, q.Since)
			})
			for rv, err := range walk {
				if !yield(rv, err) {
					return
				}
				if err == nil {
					count++
				} else if !sources.IsItemError(err) {
					return
				}
			}
			if q.Max > 0 && count >= q.Max {
				return
			}
		}
	}
}

// batchPage fetches one page of batchGetReviews for the location names.
func (c *Client) batchPage(ctx context.Context, names []string, cursor string, since time.Time) (sources.Page, error) {
	size := c.hc.Config().PageSize
	if size <= 0 || size > MaxPageSize {
		size = MaxPageSize
	}
	payload, err := json.Marshal(struct {
		LocationNames []string `json:"locationNames"`
		PageSize      int      `json:"pageSize"`
		PageToken     string   `json:"pageToken,omitempty"`
	}{names, size, cursor})
	if err != nil {
		return sources.Page{}, fmt.Errorf("google: encode batch request: %w", err)
	}
	label := cursor
	if label == "" {
		label = "first"
	}
	var w wireBatch
	_, err = c.hc.GetJSON(ctx, &httpx.Request{
		Method:     http.MethodPost,
		Path:       "/v4/accounts/" + url.PathEscape(c.account) + "/locations:batchGetReviews",
		Body:       payload,
		Idempotent: true, // a read, despite the POST
		Page:       label,
	}, &w)
	if err != nil {
		return sources.Page{}, err
	}
	p := fromBatch(&w)
	pg := p.toSources(label)
	if !since.IsZero() && len(p.items) > 0 {
		if last := p.items[len(p.items)-1]; last.err == nil && updated(&last.rv).Before(since) {
			pg.Next = ""
		}
	}
	return pg, nil
}
