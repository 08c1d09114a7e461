package appstore

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/reputekit/repute/review"
)

// Name is the platform name this adapter puts in [review.Review.Source].
const Name = "appstore"

// The JSON:API resource types this adapter reads and writes.
const (
	typeReview   = "customerReviews"
	typeResponse = "customerReviewResponses"
)

// wireDoc is a JSON:API document listing customer reviews.
type wireDoc struct {
	Data     []json.RawMessage `json:"data"`
	Included []json.RawMessage `json:"included"`
	Links    struct {
		Next string `json:"next"`
	} `json:"links"`
}

// wireRef is a JSON:API resource identifier.
type wireRef struct {
	Type string `json:"type"`
	ID   string `json:"id"`
}

// wireReview is one customerReviews resource.
type wireReview struct {
	Type       string `json:"type"`
	ID         string `json:"id"`
	Attributes struct {
		Rating           int    `json:"rating"`
		Title            string `json:"title"`
		Body             string `json:"body"`
		ReviewerNickname string `json:"reviewerNickname"`
		CreatedDate      string `json:"createdDate"`
	} `json:"attributes"`
	Relationships struct {
		Response struct {
			Data *wireRef `json:"data"`
		} `json:"response"`
	} `json:"relationships"`
}

// wireResponse is one customerReviewResponses resource (a developer
// response), as included in a list or returned by a create.
type wireResponse struct {
	Type       string `json:"type"`
	ID         string `json:"id"`
	Attributes struct {
		ResponseBody     string `json:"responseBody"`
		LastModifiedDate string `json:"lastModifiedDate"`
		State            string `json:"state"`
	} `json:"attributes"`
	Relationships struct {
		Review struct {
			Data *wireRef `json:"data"`
		} `json:"review"`
	} `json:"relationships"`
}

// item is one entry of a decoded page: a review, or the reason it could not
// be decoded (with its id when that much was readable).
type item struct {
	rv  review.Review
	id  string
	err error
}

// page is one decoded list response; next is links.next as sent.
type page struct {
	items []item
	next  string
}

var errNoID = errors.New("appstore: review has no id")

// decodePage decodes one customerReviews list document. A body that is not
// a JSON:API document with a "data" array is an error for the whole page; a
// review that does not decode (or whose included response does not) is
// reported in its item and the others still arrive.
func decodePage(data []byte) (page, error) {
	var doc wireDoc
	if err := json.Unmarshal(data, &doc); err != nil {
		return page{}, fmt.Errorf("appstore: decode reviews page: %w", err)
	}
	return fromDoc(&doc), nil
}

// fromDoc decodes the reviews of a list document one by one, attaching the
// included responses.
func fromDoc(doc *wireDoc) page {
	// Responses by their id, and by the id of the review they answer.
	responses := make(map[string]*wireResponse, len(doc.Included))
	byReview := make(map[string]*wireResponse, len(doc.Included))
	broken := make(map[string]error)
	for _, raw := range doc.Included {
		var r wireResponse
		if err := json.Unmarshal(raw, &r); err != nil {
			// Remember the id, so the review it answers reports it.
			var ref wireRef
			if json.Unmarshal(raw, &ref) == nil && ref.ID != "" {
				broken[ref.ID] = err
			}
			continue
		}
		if r.Type != typeResponse || r.ID == "" {
			continue
		}
		responses[r.ID] = &r
		if d := r.Relationships.Review.Data; d != nil && d.ID != "" {
			byReview[d.ID] = &r
		}
	}
	p := page{items: make([]item, len(doc.Data)), next: doc.Links.Next}
	for i, raw := range doc.Data {
		rv, err := decodeReview(raw, responses, byReview, broken)
		if err != nil {
			var ref wireRef
			_ = json.Unmarshal(raw, &ref)
			p.items[i] = item{id: ref.ID, err: err}
			continue
		}
		p.items[i] = item{rv: rv, id: rv.ExternalID}
	}
	return p
}

func decodeReview(raw json.RawMessage, responses, byReview map[string]*wireResponse, broken map[string]error) (review.Review, error) {
	var w wireReview
	if err := json.Unmarshal(raw, &w); err != nil {
		return review.Review{}, err
	}
	if w.ID == "" {
		return review.Review{}, errNoID
	}
	if w.Type != "" && w.Type != typeReview {
		return review.Review{}, fmt.Errorf("appstore: resource type %q, want %q", w.Type, typeReview)
	}
	a := &w.Attributes
	if a.Rating < 1 || a.Rating > 5 {
		return review.Review{}, fmt.Errorf("appstore: rating %d is outside 1–5", a.Rating)
	}
	created, err := parseTime(a.CreatedDate)
	if err != nil {
		return review.Review{}, fmt.Errorf("appstore: createdDate: %w", err)
	}
	rv := review.Review{
		ID:         review.Key(Name, w.ID),
		Source:     Name,
		ExternalID: w.ID,
		Author:     review.Author{Name: a.ReviewerNickname},
		Rating:     float64(a.Rating),
		Title:      a.Title,
		Body:       a.Body,
		CreatedAt:  created,
	}
	var resp *wireResponse
	if d := w.Relationships.Response.Data; d != nil && d.ID != "" {
		if err := broken[d.ID]; err != nil {
			return review.Review{}, fmt.Errorf("appstore: included response %s: %w", d.ID, err)
		}
		resp = responses[d.ID]
	}
	if resp == nil {
		resp = byReview[w.ID]
	}
	if resp != nil {
		rp, err := resp.toReply()
		if err != nil {
			return review.Review{}, err
		}
		rv.Reply = rp
	}
	return rv, nil
}

func (r *wireResponse) toReply() (*review.Reply, error) {
	t, err := parseTime(r.Attributes.LastModifiedDate)
	if err != nil {
		return nil, fmt.Errorf("appstore: response lastModifiedDate: %w", err)
	}
	return &review.Reply{Body: r.Attributes.ResponseBody, CreatedAt: t, UpdatedAt: t}, nil
}

// parseTime reads an ISO 8601 date-time with an offset and returns it in
// UTC.
func parseTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, errors.New("appstore: missing date")
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, err
	}
	return t.UTC(), nil
}
