package lightspeed

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"time"

	"github.com/reputekit/repute/review"
)

// Name is the platform name this adapter puts in [review.Review.Source].
const Name = "lightspeed"

// wireList is the body of GET /{lang}/reviews.json: one root key.
type wireList struct {
	Reviews []json.RawMessage `json:"reviews"`
}

// wireReview is one review resource.
type wireReview struct {
	ID        int64        `json:"id"`
	CreatedAt string       `json:"createdAt"`
	IsVisible *bool        `json:"isVisible"`
	Score     *float64     `json:"score"`
	Name      string       `json:"name"`
	Content   string       `json:"content"`
	Language  wireLanguage `json:"language"`
	Customer  wireLink     `json:"customer"`
	Product   wireLink     `json:"product"`
}

// wireLanguage is the embedded language object, or false. Only the
// fields the adapter maps are decoded (the others are skipped without
// allocating).
type wireLanguage struct {
	Code string `json:"code"`
}

// UnmarshalJSON accepts the object, false and null.
func (l *wireLanguage) UnmarshalJSON(b []byte) error {
	if absent(b) {
		*l = wireLanguage{}
		return nil
	}
	type plain wireLanguage
	return json.Unmarshal(b, (*plain)(l))
}

// wireLink is a link to another resource: {"resource": {id, url, link}},
// or false when there is none.
type wireLink struct {
	Resource struct {
		ID int64 `json:"id"`
	} `json:"resource"`
}

// UnmarshalJSON accepts the link object, false and null.
func (l *wireLink) UnmarshalJSON(b []byte) error {
	if absent(b) {
		*l = wireLink{}
		return nil
	}
	type plain wireLink
	return json.Unmarshal(b, (*plain)(l))
}

// id returns the linked resource's id, "" when there is none.
func (l *wireLink) id() string {
	if l.Resource.ID <= 0 {
		return ""
	}
	return strconv.FormatInt(l.Resource.ID, 10)
}

// Scale is the form of the score field a page used.
type Scale uint8

const (
	// ScaleStars: score is a star rating 1–5 (what the fixtures and the
	// shops we have seen send).
	ScaleStars Scale = iota
	// ScaleFraction: score is a fraction 0–1 of the full mark, as some
	// Lightspeed themes store it; stars = score × 5.
	ScaleFraction
)

// String returns "stars" or "fraction".
func (s Scale) String() string {
	if s == ScaleFraction {
		return "fraction"
	}
	return "stars"
}

// item is one entry of a decoded page: a review, or the reason it could not
// be decoded (with its id when that much was readable).
type item struct {
	rv  review.Review
	id  string
	err error
}

// page is one decoded list response and the score form it used.
type page struct {
	items []item
	scale Scale
}

var errNoID = errors.New("lightspeed: review has no id")

// decodePage decodes one reviews list. A body that is not a JSON object
// with a "reviews" array is an error for the whole page; a review that does
// not decode is reported in its item and the others still arrive.
//
// The score form is decided per page (see [Scale]): any score above 1 means
// stars; otherwise any score strictly between 0 and 1 means fractions;
// a page of only 0s and 1s is read as stars.
func decodePage(data []byte) (page, error) {
	var w wireList
	if err := json.Unmarshal(data, &w); err != nil {
		return page{}, fmt.Errorf("lightspeed: decode reviews page: %w", err)
	}
	return fromList(&w), nil
}

// fromList decodes the reviews of a list response one by one, reading
// every score in the form the page as a whole uses.
func fromList(w *wireList) page {
	wires := make([]wireReview, len(w.Reviews))
	errs := make([]error, len(w.Reviews))
	var above1, fraction bool
	for i, raw := range w.Reviews {
		if errs[i] = json.Unmarshal(raw, &wires[i]); errs[i] != nil {
			continue
		}
		if s := wires[i].Score; s != nil {
			above1 = above1 || *s > 1
			fraction = fraction || (*s > 0 && *s < 1)
		}
	}
	p := page{items: make([]item, len(w.Reviews))}
	if !above1 && fraction {
		p.scale = ScaleFraction
	}
	for i := range wires {
		err := errs[i]
		var rv review.Review
		if err == nil {
			rv, err = wires[i].toReview(p.scale)
		}
		if err != nil {
			p.items[i] = item{id: peekID(w.Reviews[i]), err: err}
			continue
		}
		p.items[i] = item{rv: rv, id: rv.ExternalID}
	}
	return p
}

// peekID reads the numeric id of a review that failed to decode.
func peekID(raw json.RawMessage) string {
	var v struct {
		ID json.Number `json:"id"`
	}
	if json.Unmarshal(raw, &v) != nil {
		return ""
	}
	return v.ID.String()
}

// stars maps a score in the page's form onto 1–5 stars (0 = unrated).
func stars(score float64, scale Scale) (float64, error) {
	if math.IsNaN(score) || score < 0 {
		return 0, fmt.Errorf("lightspeed: score %v is negative", score)
	}
	if score == 0 {
		return 0, nil
	}
	if scale == ScaleFraction {
		if score > 1 {
			return 0, fmt.Errorf("lightspeed: score %v is above 1 on a fraction page", score)
		}
		return math.Max(1, score*5), nil
	}
	if score < 1 || score > 5 {
		return 0, fmt.Errorf("lightspeed: score %v is outside 1–5", score)
	}
	return score, nil
}

// absent reports a link or object field that is missing, null or false.
func absent(raw json.RawMessage) bool {
	raw = bytes.TrimSpace(raw)
	return len(raw) == 0 || string(raw) == "null" || string(raw) == "false"
}

func (w *wireReview) toReview(scale Scale) (review.Review, error) {
	if w.ID <= 0 {
		return review.Review{}, errNoID
	}
	id := strconv.FormatInt(w.ID, 10)
	var rating float64
	if w.Score != nil {
		var err error
		if rating, err = stars(*w.Score, scale); err != nil {
			return review.Review{}, err
		}
	}
	if w.CreatedAt == "" {
		return review.Review{}, errors.New("lightspeed: missing createdAt")
	}
	created, err := time.Parse(time.RFC3339Nano, w.CreatedAt)
	if err != nil {
		return review.Review{}, fmt.Errorf("lightspeed: createdAt: %w", err)
	}
	rv := review.Review{
		ID:         review.Key(Name, id),
		Source:     Name,
		ExternalID: id,
		Author:     review.Author{Name: w.Name},
		Rating:     rating,
		Body:       w.Content,
		CreatedAt:  created.UTC(),
	}
	if w.IsVisible != nil && !*w.IsVisible {
		rv.Status = review.Hidden
	}
	rv.Lang = w.Language.Code
	rv.Author.ID = w.Customer.id()
	rv.ProductID = w.Product.id()
	return rv, nil
}
