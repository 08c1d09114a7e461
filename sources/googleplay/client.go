package googleplay

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

	"golang.org/x/time/rate"

	"github.com/reputekit/repute/internal/httpx"
	"github.com/reputekit/repute/review"
	"github.com/reputekit/repute/sources"
)

// DefaultBaseURL is the Google Play Developer API host; the adapter
// appends "/androidpublisher/v3/applications/{packageName}/reviews".
const DefaultBaseURL = "https://androidpublisher.googleapis.com"

// MaxPageSize is the largest maxResults the API honours (larger values are
// silently cut to 100).
const MaxPageSize = 100

// MaxReplyChars is the longest reply the API accepts, in characters
// (Unicode code points).
const MaxReplyChars = 350

// The default pace keeps within the Reply to Reviews quota of 200 GET
// requests per hour per app: 195 per hour with bursts of 5, so that no
// rolling hour sees more than 200.
const (
	DefaultBurst = 5
	// DefaultRate is in requests per second.
	DefaultRate = rate.Limit(195.0 / 3600)
)

// noHintWait is how long a 429 without a Retry-After header makes the
// client wait; Google documents no header.
const noHintWait = time.Minute

// Client reads the reviews of one Android app and answers them. It is safe
// for concurrent use; each Reviews iterator is used by one goroutine.
type Client struct {
	hc  *httpx.Client
	pkg string
}

var (
	_ sources.Source  = (*Client)(nil)
	_ sources.Replier = (*Client)(nil)
	_ sources.Pager   = (*Client)(nil)
)

// New returns a client for the app packageName (e.g. "com.example.shop").
//
// The API needs an OAuth2 access token for a service account with the
// "Reply to reviews" permission (scope androidpublisher): pass it with
// [sources.WithToken], a refreshing [sources.WithTokenFunc], or an
// [http.Client] that adds it. The default pace is [DefaultRate] with burst
// [DefaultBurst]; [sources.WithRateLimit] or [sources.WithLimiter] replace it.
func New(packageName string, opts ...sources.Option) (*Client, error) {
	if err := httpx.CheckPathID(Name, "package name", packageName); err != nil {
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
	hc.MinRateLimitWait = noHintWait
	return &Client{hc: hc, pkg: packageName}, nil
}

// Name returns "googleplay".
func (c *Client) Name() string { return Name }

// Reviews returns a single-use iterator over the app's reviews, in the
// API's order (most recently modified first), 100 per page, following
// tokenPagination.nextPageToken. The API only returns reviews with text
// created or modified in about the last week: this is a polling source.
// A missing token ends the walk; a repeated one ends it with
// [sources.ErrPaginationLoop].
//
// q.ProductID, when set, reads another package. q.Since, q.Until and
// q.Max are applied as [sources.Walk] describes; q.LocationID is ignored.
func (c *Client) Reviews(ctx context.Context, q sources.Query) iter.Seq2[review.Review, error] {
	cfg := c.hc.Config()
	return cfg.Walk(ctx, q, func(ctx context.Context, cursor string) (sources.Page, error) {
		pq := q
		pq.Cursor = cursor
		return c.Page(ctx, pq)
	})
}

// Page fetches the page q.Cursor names ("" = the first).
func (c *Client) Page(ctx context.Context, q sources.Query) (sources.Page, error) {
	pkg := c.pkg
	if q.ProductID != "" {
		if err := httpx.CheckPathID(Name, "package name", q.ProductID); err != nil {
			return sources.Page{}, err
		}
		pkg = q.ProductID
	}
	size := c.hc.Config().PageSize
	if size <= 0 || size > MaxPageSize {
		size = MaxPageSize
	}
	query := url.Values{"maxResults": {strconv.Itoa(size)}}
	if q.Cursor != "" {
		query.Set("token", q.Cursor)
	}
	label := q.Cursor
	if label == "" {
		label = "first"
	}
	var w wireList
	if _, err := c.hc.GetJSON(ctx, &httpx.Request{Path: appPath(pkg) + "/reviews", Query: query, Page: label}, &w); err != nil {
		return sources.Page{}, err
	}
	p := fromList(&w)
	pg := sources.Page{Reviews: make([]review.Review, 0, len(p.items)), Next: p.next}
	for i, it := range p.items {
		if it.err != nil {
			pg.Errors = append(pg.Errors, &sources.DecodeError{Source: Name, ExternalID: it.id, Page: label, Item: i, Err: it.err})
			continue
		}
		it.rv.ProductID = pkg
		pg.Reviews = append(pg.Reviews, it.rv)
	}
	return pg, nil
}

func appPath(pkg string) string {
	return "/androidpublisher/v3/applications/" + url.PathEscape(pkg)
}

// ReplyTooLongError is returned, before anything is sent, for a reply
// longer than the API accepts. It matches [sources.ErrReplyTooLong].
type ReplyTooLongError struct {
	// Length is the reply's length and Max the limit, in characters.
	Length, Max int
}

// Error says how long the reply is and what the limit is.
func (e *ReplyTooLongError) Error() string {
	return fmt.Sprintf("googleplay: reply is %d characters, more than the %d allowed", e.Length, e.Max)
}

// Is matches sources.ErrReplyTooLong.
func (e *ReplyTooLongError) Is(target error) bool { return target == sources.ErrReplyTooLong }

// ErrEmptyReply is returned for an empty reply or one that is not valid
// UTF-8; nothing is sent.
var ErrEmptyReply = fmt.Errorf("googleplay: empty or invalid reply: %w", sources.ErrInvalidOption)

// Reply creates or replaces the developer reply to review reviewID (its
// ExternalID; the "googleplay:" prefix of its ID is accepted too) with
// reviews.reply. A reply over [MaxReplyChars] characters is a
// [*ReplyTooLongError] and is not sent. The API strips HTML from the text.
// Since a second reply replaces the first, the call is retried like a read.
func (c *Client) Reply(ctx context.Context, reviewID, body string) error {
	if body == "" || !utf8.ValidString(body) {
		return ErrEmptyReply
	}
	if n := utf8.RuneCountInString(body); n > MaxReplyChars {
		return &ReplyTooLongError{Length: n, Max: MaxReplyChars}
	}
	id := strings.TrimPrefix(reviewID, Name+":")
	if err := httpx.CheckPathID(Name, "review id", id); err != nil {
		return err
	}
	payload, err := json.Marshal(struct {
		ReplyText string `json:"replyText"`
	}{body})
	if err != nil {
		return fmt.Errorf("googleplay: encode reply: %w", err)
	}
	_, err = c.hc.Do(ctx, &httpx.Request{
		Method:     http.MethodPost,
		Path:       appPath(c.pkg) + "/reviews/" + url.PathEscape(id) + ":reply",
		Body:       payload,
		Idempotent: true,
	})
	return err
}
