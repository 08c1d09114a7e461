package trustpilot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/reputekit/repute/internal/httpx"
	"github.com/reputekit/repute/review"
	"github.com/reputekit/repute/sources"
	"github.com/reputekit/repute/sources/internal/paging"
)

// Platform is the Review.Source of every review this package yields.
const Platform = "trustpilot"

// DefaultBaseURL is the Trustpilot API root.
const DefaultBaseURL = "https://api.trustpilot.com"

// MaxPageSize is the largest perPage Trustpilot accepts.
const MaxPageSize = 100

// The default pace: Trustpilot recommends at most 833 calls per 5 minutes
// (about 2.77 per second).
const (
	defaultRate  = 833.0 / 300
	defaultBurst = 3
)

// Order is the order of a walk (Trustpilot's orderBy).
type Order string

// The orders Trustpilot documents for the review lists that this package
// supports (by star rating is left out: it cannot resume safely).
const (
	NewestFirst Order = "createdat.desc"
	OldestFirst Order = "createdat.asc"
)

const (
	settingAuthor  = "trustpilot.author"
	settingPrivate = "trustpilot.private"
	settingOrder   = "trustpilot.order"
)

// WithAuthorID sets the business user id that replies are posted as
// (Trustpilot's authorBusinessUserId, 24 hex digits).
func WithAuthorID(id string) sources.Option {
	return func(c *sources.Config) error {
		if id == "" {
			return fmt.Errorf("%w: trustpilot.WithAuthorID: empty id", sources.ErrInvalidOption)
		}
		return sources.WithSetting(settingAuthor, id)(c)
	}
}

// WithPrivate lists reviews through the private endpoint, which adds the
// order reference (OrderID) and needs a token.
func WithPrivate() sources.Option { return sources.WithSetting(settingPrivate, "1") }

// WithOrder sets the walk order (default NewestFirst).
func WithOrder(o Order) sources.Option {
	return func(c *sources.Config) error {
		if o != NewestFirst && o != OldestFirst {
			return fmt.Errorf("%w: trustpilot.WithOrder: unknown order %q", sources.ErrInvalidOption, o)
		}
		return sources.WithSetting(settingOrder, string(o))(c)
	}
}

// Client reads one business unit's reviews. It implements sources.Source,
// sources.Pager and sources.Replier and is safe for concurrent use.
type Client struct {
	cfg     sources.Config
	hc      *httpx.Client
	bu      string
	private bool
	author  string
	order   Order
}

var (
	_ sources.Source  = (*Client)(nil)
	_ sources.Pager   = (*Client)(nil)
	_ sources.Replier = (*Client)(nil)
)

// New returns a client for the business unit businessUnitID. It needs
// sources.WithAPIKey for the public list, or a token (sources.WithToken or
// WithTokenFunc) with WithPrivate. The default limiter paces at
// Trustpilot's recommended 833 calls per 5 minutes.
func New(businessUnitID string, opts ...sources.Option) (*Client, error) {
	if businessUnitID == "" {
		return nil, errors.New("trustpilot: empty business unit id")
	}
	cfg, err := sources.NewConfig(sources.Config{
		Platform: Platform, BaseURL: DefaultBaseURL, Rate: defaultRate, Burst: defaultBurst,
	}, opts...)
	if err != nil {
		return nil, fmt.Errorf("trustpilot: %w", err)
	}
	c := &Client{
		cfg: cfg, bu: businessUnitID,
		private: cfg.Setting(settingPrivate) != "",
		author:  cfg.Setting(settingAuthor),
		order:   Order(cfg.Setting(settingOrder)),
	}
	if c.order == "" {
		c.order = NewestFirst
	}
	hasToken := cfg.Token != "" || cfg.TokenFunc != nil
	if c.private && !hasToken {
		return nil, fmt.Errorf("trustpilot: %w: the private list needs sources.WithToken", sources.ErrInvalidOption)
	}
	if cfg.APIKey == "" && !hasToken {
		return nil, fmt.Errorf("trustpilot: %w: need sources.WithAPIKey or sources.WithToken", sources.ErrInvalidOption)
	}
	c.hc, err = httpx.New(cfg)
	if err != nil {
		return nil, fmt.Errorf("trustpilot: %w", err)
	}
	c.hc.Authorize = func(req *http.Request, token string) {
		if cfg.APIKey != "" {
			req.Header.Set("apikey", cfg.APIKey)
		}
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
	}
	return c, nil
}

// Name returns "trustpilot".
func (c *Client) Name() string { return Platform }

func (c *Client) pageSize() int {
	if c.cfg.PageSize <= 0 || c.cfg.PageSize > MaxPageSize {
		return MaxPageSize
	}
	return c.cfg.PageSize
}

// Page fetches one page; q.Cursor is the page number ("" = 1). Page.Next
// is the next page number, "" after the last page.
func (c *Client) Page(ctx context.Context, q sources.Query) (sources.Page, error) {
	page := 1
	if q.Cursor != "" {
		n, err := strconv.Atoi(q.Cursor)
		if err != nil || n < 1 {
			return sources.Page{}, fmt.Errorf("trustpilot: bad cursor %q", q.Cursor)
		}
		page = n
	}
	pg, _, err := c.fetch(ctx, q, page, c.pageSize())
	return pg, err
}

// fetch reads page number page of per reviews and reports whether
// Trustpilot says more pages follow.
func (c *Client) fetch(ctx context.Context, q sources.Query, page, per int) (sources.Page, bool, error) {
	v := url.Values{}
	v.Set("page", strconv.Itoa(page))
	v.Set("perPage", strconv.Itoa(per))
	v.Set("orderBy", string(c.order))
	if !q.Since.IsZero() {
		v.Set("startDateTime", q.Since.UTC().Format("2006-01-02T15:04:05"))
	}
	if !q.Until.IsZero() {
		v.Set("endDateTime", q.Until.UTC().Format("2006-01-02T15:04:05"))
	}
	if q.LocationID != "" {
		v.Set("locationId", q.LocationID)
	}
	path := "/v1/business-units/" + url.PathEscape(c.bu) + "/reviews"
	if c.private {
		path = "/v1/private/business-units/" + url.PathEscape(c.bu) + "/reviews"
	}
	label := strconv.Itoa(page)
	var wp wirePage
	if _, err := c.hc.GetJSON(ctx, &httpx.Request{Path: path, Query: v, Page: label}, &wp); err != nil {
		return sources.Page{}, false, err
	}
	pg, more := decodeWire(&wp, label, per)
	if more {
		pg.Next = strconv.Itoa(page + 1)
	}
	return pg, more, nil
}

// Reviews returns a single-use iterator over the business unit's reviews
// (see the package doc for paging and time windows).
func (c *Client) Reviews(ctx context.Context, q sources.Query) iter.Seq2[review.Review, error] {
	start := 1
	if q.Cursor != "" {
		n, err := strconv.Atoi(q.Cursor)
		if err != nil || n < 1 {
			return func(yield func(review.Review, error) bool) {
				yield(review.Review{}, fmt.Errorf("trustpilot: bad cursor %q", q.Cursor))
			}
		}
		start = n
	}
	size := c.pageSize()
	// The walk's own cursors: "" for the first page, "N" for the page
	// after offset N (the first review not read yet), "head:N" for the
	// re-read from the head after the last page.
	seen := map[string]struct{}{}
	fetch := func(ctx context.Context, cursor string) (sources.Page, error) {
		head := false
		page, per := start, size
		next := (start - 1) * size
		switch {
		case cursor == "":
		case len(cursor) > 5 && cursor[:5] == "head:":
			head = true
			page, _ = strconv.Atoi(cursor[5:])
		default:
			next, _ = strconv.Atoi(cursor)
			page, per = paging.Window(next, size, Overlap)
		}
		pg, more, err := c.fetch(ctx, q, page, per)
		if err != nil {
			return pg, err
		}
		fresh := 0
		for _, rv := range pg.Reviews {
			if _, ok := seen[rv.ExternalID]; !ok {
				seen[rv.ExternalID] = struct{}{}
				fresh++
			}
		}
		offset := (page - 1) * per
		end := max(offset+len(pg.Reviews)+len(pg.Errors), next+1)
		switch {
		case head && (fresh == 0 || !more):
			pg.Next = ""
		case head:
			pg.Next = "head:" + strconv.Itoa(page+1)
		case !more && c.order == NewestFirst && offset > 0:
			// The last page: look at the head again for reviews that
			// arrived during the walk.
			pg.Next = "head:1"
		case more:
			pg.Next = strconv.Itoa(end)
		default:
			pg.Next = ""
		}
		return pg, nil
	}
	return c.cfg.Walk(ctx, sources.Query{Since: q.Since, Until: q.Until, Max: q.Max, Cursor: ""}, fetch)
}

// Overlap is how many reviews of the previous page each next page of a
// walk reads again, so that reviews deleted during the walk do not pull
// others back across a page boundary unseen.
const Overlap = 5

// Reply posts body as the business's public reply to the review with
// Trustpilot id reviewID, replacing an earlier one. It needs a token and
// WithAuthorID. A POST is not retried (it may have been applied).
func (c *Client) Reply(ctx context.Context, reviewID, body string) error {
	if c.author == "" {
		return fmt.Errorf("trustpilot: reply: %w: WithAuthorID is not set", sources.ErrInvalidOption)
	}
	if reviewID == "" || body == "" {
		return errors.New("trustpilot: reply: empty review id or body")
	}
	payload, err := json.Marshal(map[string]string{"authorBusinessUserId": c.author, "message": body})
	if err != nil {
		return fmt.Errorf("trustpilot: reply: %w", err)
	}
	_, err = c.hc.Do(ctx, &httpx.Request{Method: http.MethodPost, Path: "/v1/private/reviews/" + url.PathEscape(reviewID) + "/reply", Body: payload})
	return err
}

// DeleteReply removes the business's reply to the review reviewID.
func (c *Client) DeleteReply(ctx context.Context, reviewID string) error {
	if reviewID == "" {
		return errors.New("trustpilot: delete reply: empty review id")
	}
	_, err := c.hc.Do(ctx, &httpx.Request{Method: http.MethodDelete, Path: "/v1/private/reviews/" + url.PathEscape(reviewID) + "/reply"})
	return err
}

// wirePage is a list response.
type wirePage struct {
	Links []struct {
		Href string `json:"href"`
		Rel  string `json:"rel"`
	} `json:"links"`
	Reviews []json.RawMessage `json:"reviews"`
}

// wireReview is one review as Trustpilot sends it (the fields we map).
type wireReview struct {
	ID       string `json:"id"`
	Consumer *struct {
		ID              string `json:"id"`
		DisplayName     string `json:"displayName"`
		NumberOfReviews int    `json:"numberOfReviews"`
	} `json:"consumer"`
	Location *struct {
		ID string `json:"id"`
	} `json:"location"`
	Stars        *int    `json:"stars"`
	Title        string  `json:"title"`
	Text         string  `json:"text"`
	Language     string  `json:"language"`
	CreatedAt    string  `json:"createdAt"`
	UpdatedAt    *string `json:"updatedAt"`
	CompanyReply *struct {
		Text                 string  `json:"text"`
		AuthorBusinessUserID string  `json:"authorBusinessUserId"`
		CreatedAt            string  `json:"createdAt"`
		UpdatedAt            *string `json:"updatedAt"`
	} `json:"companyReply"`
	IsVerified    bool            `json:"isVerified"`
	NumberOfLikes int             `json:"numberOfLikes"`
	Status        string          `json:"status"`
	ReportData    json.RawMessage `json:"reportData"`
	ReferenceID   string          `json:"referenceId"`
}

// DecodePage decodes one list response. perPage is the page size asked
// for (used when the response carries no links). A page that does not
// parse is a *sources.DecodeError with Item -1; a review that does not
// decode is one in Page.Errors. more reports a following page.
func DecodePage(body []byte, label string, perPage int) (pg sources.Page, more bool, err error) {
	var wp wirePage
	if err := httpx.Decode(body, &wp); err != nil {
		return sources.Page{}, false, &sources.DecodeError{Source: Platform, Page: label, Item: -1, Err: err}
	}
	pg, more = decodeWire(&wp, label, perPage)
	return pg, more, nil
}

func decodeWire(wp *wirePage, label string, perPage int) (pg sources.Page, more bool) {
	pg = sources.DecodeItems(Platform, label, wp.Reviews, "id", convert)
	if wp.Links == nil {
		more = perPage > 0 && len(wp.Reviews) >= perPage
	}
	for _, l := range wp.Links {
		if l.Rel == "next-page" {
			more = true
		}
	}
	if len(wp.Reviews) == 0 {
		more = false
	}
	return pg, more
}

func parseTime(field, s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("trustpilot: %s: not an RFC 3339 time", field)
	}
	return t.UTC(), nil
}

func convert(w *wireReview) (review.Review, error) {
	rv := review.Review{
		Source: Platform, ExternalID: w.ID,
		Title: w.Title, Body: w.Text, Lang: w.Language,
		Verified: w.IsVerified, Helpful: w.NumberOfLikes, OrderID: w.ReferenceID,
	}
	if w.ID == "" {
		return rv, errors.New("trustpilot: review without an id")
	}
	rv.ID = review.Key(Platform, w.ID)
	rv.URL = "https://www.trustpilot.com/reviews/" + url.PathEscape(w.ID)
	if w.Stars != nil {
		if *w.Stars < 1 || *w.Stars > 5 {
			return rv, fmt.Errorf("trustpilot: stars %d outside 1–5", *w.Stars)
		}
		rv.Rating = float64(*w.Stars)
	}
	if w.Consumer != nil {
		rv.Author = review.Author{Name: w.Consumer.DisplayName, ID: w.Consumer.ID, ReviewCount: w.Consumer.NumberOfReviews}
	}
	if w.Location != nil {
		rv.LocationID = w.Location.ID
	}
	var err error
	if rv.CreatedAt, err = parseTime("createdAt", w.CreatedAt); err != nil {
		return rv, err
	}
	if w.UpdatedAt != nil && *w.UpdatedAt != "" {
		if rv.UpdatedAt, err = parseTime("updatedAt", *w.UpdatedAt); err != nil {
			return rv, err
		}
	}
	if r := w.CompanyReply; r != nil {
		rp := &review.Reply{Body: r.Text, Author: r.AuthorBusinessUserID}
		if rp.CreatedAt, err = parseTime("companyReply.createdAt", r.CreatedAt); err != nil {
			return rv, err
		}
		if r.UpdatedAt != nil && *r.UpdatedAt != "" {
			if rp.UpdatedAt, err = parseTime("companyReply.updatedAt", *r.UpdatedAt); err != nil {
				return rv, err
			}
		}
		rv.Reply = rp
	}
	switch w.Status {
	case "pending":
		rv.Status = review.Pending
	case "hidden", "archived":
		rv.Status = review.Hidden
	case "removed", "deleted":
		rv.Status = review.Removed
	default:
		if len(w.ReportData) > 0 && string(w.ReportData) != "null" {
			rv.Status = review.Flagged
		}
	}
	return rv, nil
}
