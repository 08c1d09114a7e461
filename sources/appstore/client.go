package appstore

import (
	"context"
	"encoding/json"
	"errors"
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

// DefaultBaseURL is the App Store Connect API host; the adapter appends
// "/v1/apps/{id}/customerReviews" and "/v1/customerReviewResponses".
const DefaultBaseURL = "https://api.appstoreconnect.apple.com"

// MaxPageSize is the largest limit the customerReviews list accepts.
const MaxPageSize = 200

// MaxReplyChars is the longest response body the adapter sends, in
// characters. Apple does not document a limit; 5,970 is what a client
// tool reports, so longer texts are refused before sending.
const MaxReplyChars = 5970

// The default pace stays under the commonly seen allowance of 3,600
// requests per rolling hour per key: 3,500 per hour, one at a time.
const (
	// DefaultRate is in requests per second.
	DefaultRate  = rate.Limit(3500.0 / 3600)
	DefaultBurst = 1
)

// noHintWait is how long a 429 without Retry-After makes the client wait:
// Apple sends none, and its window is a rolling hour.
const noHintWait = time.Minute

// Client reads the customer reviews of one app and answers them. It is
// safe for concurrent use; each Reviews iterator is used by one goroutine.
type Client struct {
	hc    *httpx.Client
	appID string
}

var (
	_ sources.Source  = (*Client)(nil)
	_ sources.Replier = (*Client)(nil)
	_ sources.Pager   = (*Client)(nil)
)

// New returns a client for the app with App Store Connect id appID (the
// numeric Apple ID, e.g. "1234567890").
//
// App Store Connect wants a bearer JWT signed ES256 with the team's API
// key. This package does not sign: pass a ready token with
// [sources.WithToken], or [sources.WithTokenFunc] to mint a new one
// (tokens live at most 20 minutes) when one is refused.
func New(appID string, opts ...sources.Option) (*Client, error) {
	if err := httpx.CheckPathID(Name, "app id", appID); err != nil {
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
	return &Client{hc: hc, appID: appID}, nil
}

// Name returns "appstore".
func (c *Client) Name() string { return Name }

// Reviews returns a single-use iterator over the app's customer reviews,
// newest first (sort=-createdDate), 200 per page, with their published or
// pending responses (include=response), following links.next.
//
// q.ProductID, when set, reads another app. q.Since ends the walk at the
// first page that reaches reviews created before it: App Store reviews
// carry no edit time, so a response written later to an older review is
// not picked up by a Since walk. q.Until and q.Max are applied as
// [sources.Walk] describes; q.LocationID is ignored.
func (c *Client) Reviews(ctx context.Context, q sources.Query) iter.Seq2[review.Review, error] {
	cfg := c.hc.Config()
	return cfg.Walk(ctx, q, func(ctx context.Context, cursor string) (sources.Page, error) {
		pq := q
		pq.Cursor = cursor
		return c.Page(ctx, pq)
	})
}

// Page fetches one page. q.Cursor is "" for the first page, or a Page.Next
// returned earlier: the links.next URL exactly as Apple sent it. The
// adapter follows it on the configured base URL (only its path and query
// are kept when its host differs), so the token never goes elsewhere.
func (c *Client) Page(ctx context.Context, q sources.Query) (sources.Page, error) {
	req := &httpx.Request{Page: "first"}
	if q.Cursor != "" {
		u, err := url.Parse(q.Cursor)
		if err != nil || !strings.Contains(u.Path, "/v1/") {
			return sources.Page{}, fmt.Errorf("appstore: cursor is not an App Store Connect link: %w", sources.ErrInvalidOption)
		}
		req.Link = q.Cursor
		req.Page = pageLabel(u)
	} else {
		app := c.appID
		if q.ProductID != "" {
			if err := httpx.CheckPathID(Name, "app id", q.ProductID); err != nil {
				return sources.Page{}, err
			}
			app = q.ProductID
		}
		size := c.hc.Config().PageSize
		if size <= 0 || size > MaxPageSize {
			size = MaxPageSize
		}
		req.Path = "/v1/apps/" + url.PathEscape(app) + "/customerReviews"
		req.Query = url.Values{
			"limit":   {strconv.Itoa(size)},
			"sort":    {"-createdDate"},
			"include": {"response"},
		}
	}
	var doc wireDoc
	if _, err := c.hc.GetJSON(ctx, req, &doc); err != nil {
		return sources.Page{}, err
	}
	p := fromDoc(&doc)
	pg := sources.Page{Reviews: make([]review.Review, 0, len(p.items)), Next: p.next}
	for i, it := range p.items {
		if it.err != nil {
			pg.Errors = append(pg.Errors, &sources.DecodeError{Source: Name, ExternalID: it.id, Page: req.Page, Item: i, Err: it.err})
			continue
		}
		pg.Reviews = append(pg.Reviews, it.rv)
	}
	if !q.Since.IsZero() && len(p.items) > 0 {
		if last := p.items[len(p.items)-1]; last.err == nil && last.rv.CreatedAt.Before(q.Since) {
			pg.Next = ""
		}
	}
	return pg, nil
}

// pageLabel names a page by its cursor parameter, for DecodeErrors.
func pageLabel(u *url.URL) string {
	if cur := u.Query().Get("cursor"); cur != "" {
		return cur
	}
	return u.Path
}

// ReplyTooLongError is returned, before anything is sent, for a response
// longer than [MaxReplyChars]. It matches [sources.ErrReplyTooLong].
type ReplyTooLongError struct {
	// Length is the reply's length and Max the limit, in characters.
	Length, Max int
}

// Error says how long the reply is and what the limit is.
func (e *ReplyTooLongError) Error() string {
	return fmt.Sprintf("appstore: reply is %d characters, more than the %d allowed", e.Length, e.Max)
}

// Is matches sources.ErrReplyTooLong.
func (e *ReplyTooLongError) Is(target error) bool { return target == sources.ErrReplyTooLong }

// ErrEmptyReply is returned for an empty reply or one that is not valid
// UTF-8; nothing is sent.
var ErrEmptyReply = fmt.Errorf("appstore: empty or invalid reply: %w", sources.ErrInvalidOption)

// stripID strips the "appstore:" prefix of a review.Review.ID and checks
// what is left.
func stripID(id string) (string, error) {
	id = strings.TrimPrefix(id, Name+":")
	return id, httpx.CheckPathID(Name, "review id", id)
}

// Reply creates or replaces the developer response to review reviewID
// (its ExternalID; the "appstore:" prefix of its ID is accepted too) with
// POST /v1/customerReviewResponses. Apple publishes it after a delay (state
// PENDING_PUBLISH first). Since one review has one response and a second
// post overwrites it, the call is retried like a read.
func (c *Client) Reply(ctx context.Context, reviewID string, body string) error {
	_, err := c.Respond(ctx, reviewID, body)
	return err
}

// Respond is Reply that also returns the id of the response resource
// (needed by [Client.DeleteResponse]).
func (c *Client) Respond(ctx context.Context, id, body string) (responseID string, err error) {
	if body == "" || !utf8.ValidString(body) {
		return "", ErrEmptyReply
	}
	if n := utf8.RuneCountInString(body); n > MaxReplyChars {
		return "", &ReplyTooLongError{Length: n, Max: MaxReplyChars}
	}
	id, err = stripID(id)
	if err != nil {
		return "", err
	}
	var req struct {
		Data struct {
			Type       string `json:"type"`
			Attributes struct {
				ResponseBody string `json:"responseBody"`
			} `json:"attributes"`
			Relationships struct {
				Review struct {
					Data wireRef `json:"data"`
				} `json:"review"`
			} `json:"relationships"`
		} `json:"data"`
	}
	req.Data.Type = typeResponse
	req.Data.Attributes.ResponseBody = body
	req.Data.Relationships.Review.Data = wireRef{Type: typeReview, ID: id}
	payload, err := json.Marshal(req)
	if err != nil {
		return "", fmt.Errorf("appstore: encode response: %w", err)
	}
	var out struct {
		Data wireResponse `json:"data"`
	}
	_, err = c.hc.GetJSON(ctx, &httpx.Request{
		Method:     http.MethodPost,
		Path:       "/v1/customerReviewResponses",
		Body:       payload,
		Idempotent: true,
		Page:       "response",
	}, &out)
	if err != nil {
		return "", err
	}
	return out.Data.ID, nil
}

// ErrNoResponse is returned by DeleteReply for a review without a
// response. It matches [sources.ErrNotFound].
var ErrNoResponse = fmt.Errorf("appstore: the review has no response: %w", sources.ErrNotFound)

// DeleteReply removes the developer response to review reviewID: it looks
// the response up (GET /v1/customerReviews/{id}/response) and deletes it.
// A review without a response gives [ErrNoResponse].
func (c *Client) DeleteReply(ctx context.Context, reviewID string) error {
	id, err := stripID(reviewID)
	if err != nil {
		return err
	}
	var out struct {
		Data *wireResponse `json:"data"`
	}
	_, err = c.hc.GetJSON(ctx, &httpx.Request{Path: "/v1/customerReviews/" + url.PathEscape(id) + "/response", Page: "response"}, &out)
	if err != nil {
		if errors.Is(err, sources.ErrNotFound) {
			return fmt.Errorf("%w (%w)", ErrNoResponse, err)
		}
		return err
	}
	if out.Data == nil || out.Data.ID == "" {
		return ErrNoResponse
	}
	return c.DeleteResponse(ctx, out.Data.ID)
}

// DeleteResponse deletes the response resource responseID
// (DELETE /v1/customerReviewResponses/{id}).
func (c *Client) DeleteResponse(ctx context.Context, responseID string) error {
	if err := httpx.CheckPathID(Name, "response id", responseID); err != nil {
		return err
	}
	_, err := c.hc.Do(ctx, &httpx.Request{Method: http.MethodDelete, Path: "/v1/customerReviewResponses/" + url.PathEscape(responseID)})
	return err
}
