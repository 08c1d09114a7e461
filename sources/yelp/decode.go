package yelp

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/reputekit/repute/review"
)

// Name is the platform name this adapter puts in [review.Review.Source].
const Name = "yelp"

// timeLayout is the zone-less form of time_created.
const timeLayout = "2006-01-02 15:04:05"

// wireList is the body of GET /v3/businesses/{id}/reviews.
type wireList struct {
	Reviews           []json.RawMessage `json:"reviews"`
	Total             int               `json:"total"`
	PossibleLanguages []string          `json:"possible_languages"`
}

// wireReview is one review excerpt.
type wireReview struct {
	ID          string `json:"id"`
	URL         string `json:"url"`
	Text        string `json:"text"`
	Rating      int    `json:"rating"`
	TimeCreated string `json:"time_created"`
	User        struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	} `json:"user"`
}

// item is one entry of a decoded page: a review, or the reason it could not
// be decoded (with its id when that much was readable).
type item struct {
	rv  review.Review
	id  string
	err error
}

// page is one decoded response; total is the business's review count on
// Yelp (not what the API lets anyone read).
type page struct {
	items []item
	total int
}

var errNoID = errors.New("yelp: review has no id")

// decodePage decodes one reviews response, reading the zone-less
// time_created in loc. A body that is not a JSON object with a "reviews"
// array is an error for the whole page; a review that does not decode is
// reported in its item and the others still arrive. When the response
// names exactly one possible language, every review gets it as Lang.
func decodePage(data []byte, loc *time.Location) (page, error) {
	var w wireList
	if err := json.Unmarshal(data, &w); err != nil {
		return page{}, fmt.Errorf("yelp: decode reviews page: %w", err)
	}
	return fromList(&w, loc), nil
}

// fromList decodes the reviews of a response one by one.
func fromList(w *wireList, loc *time.Location) page {
	lang := ""
	if len(w.PossibleLanguages) == 1 {
		lang = w.PossibleLanguages[0]
	}
	p := page{items: make([]item, len(w.Reviews)), total: w.Total}
	for i, raw := range w.Reviews {
		var wr wireReview
		err := json.Unmarshal(raw, &wr)
		var rv review.Review
		if err == nil {
			rv, err = wr.toReview(loc)
		}
		if err != nil {
			p.items[i] = item{id: peekID(raw), err: err}
			continue
		}
		rv.Lang = lang
		p.items[i] = item{rv: rv, id: rv.ExternalID}
	}
	return p
}

// peekID reads the id of a review that failed to decode.
func peekID(raw json.RawMessage) string {
	var v struct {
		ID any `json:"id"`
	}
	if json.Unmarshal(raw, &v) != nil {
		return ""
	}
	s, _ := v.ID.(string)
	return s
}

func (w *wireReview) toReview(loc *time.Location) (review.Review, error) {
	if w.ID == "" {
		return review.Review{}, errNoID
	}
	if w.Rating < 1 || w.Rating > 5 {
		return review.Review{}, fmt.Errorf("yelp: rating %d is outside 1–5", w.Rating)
	}
	created, err := time.ParseInLocation(timeLayout, w.TimeCreated, loc)
	if err != nil {
		return review.Review{}, fmt.Errorf("yelp: time_created: %w", err)
	}
	return review.Review{
		ID:         review.Key(Name, w.ID),
		Source:     Name,
		ExternalID: w.ID,
		URL:        w.URL,
		Author:     review.Author{Name: w.User.Name, ID: w.User.ID},
		Rating:     float64(w.Rating),
		Body:       w.Text,
		CreatedAt:  created.UTC(),
	}, nil
}
