package google

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/reputekit/repute/review"
)

// Name is the platform name this adapter puts in [review.Review.Source].
const Name = "google"

// wireList is the body of accounts.locations.reviews.list.
type wireList struct {
	Reviews       []json.RawMessage `json:"reviews"`
	NextPageToken string            `json:"nextPageToken"`
}

// wireReview is one Review resource of the Business Profile API v4.
type wireReview struct {
	Name     string `json:"name"`
	ReviewID string `json:"reviewId"`
	Reviewer struct {
		DisplayName string `json:"displayName"`
		IsAnonymous bool   `json:"isAnonymous"`
	} `json:"reviewer"`
	StarRating  string     `json:"starRating"`
	Comment     string     `json:"comment"`
	CreateTime  string     `json:"createTime"`
	UpdateTime  string     `json:"updateTime"`
	ReviewReply *wireReply `json:"reviewReply"`
}

// wireReply is a ReviewReply: the business's answer.
type wireReply struct {
	Comment    string `json:"comment"`
	UpdateTime string `json:"updateTime,omitempty"`
}

// item is one entry of a decoded page: a review, or the reason it could not
// be decoded (with its id when that much was readable).
type item struct {
	rv  review.Review
	id  string
	err error
}

// page is one decoded list response.
type page struct {
	items []item
	next  string
}

// errNoID is the cause of a review that carries no reviewId.
var errNoID = errors.New("google: review has no reviewId")

// decodePage decodes one list response. A body that is not a JSON object
// with a "reviews" array is an error for the whole page; a review that does
// not decode is reported in its item and the other items still arrive.
func decodePage(data []byte) (page, error) {
	var w wireList
	if err := json.Unmarshal(data, &w); err != nil {
		return page{}, fmt.Errorf("google: decode reviews page: %w", err)
	}
	return fromList(&w), nil
}

// fromList decodes the reviews of a list response one by one.
func fromList(w *wireList) page {
	p := page{items: make([]item, len(w.Reviews)), next: w.NextPageToken}
	for i, raw := range w.Reviews {
		rv, err := decodeReview(raw)
		if err != nil {
			p.items[i] = item{id: peekID(raw), err: err}
			continue
		}
		p.items[i] = item{rv: rv, id: rv.ExternalID}
	}
	return p
}

// peekID reads the reviewId of a review that failed to decode, when it can.
func peekID(raw json.RawMessage) string {
	var v struct {
		ReviewID any `json:"reviewId"`
	}
	if json.Unmarshal(raw, &v) != nil {
		return ""
	}
	s, _ := v.ReviewID.(string)
	return s
}

// decodeReview maps one wire review onto review.Review.
func decodeReview(raw json.RawMessage) (review.Review, error) {
	var w wireReview
	if err := json.Unmarshal(raw, &w); err != nil {
		return review.Review{}, err
	}
	return w.toReview()
}

func (w *wireReview) toReview() (review.Review, error) {
	if w.ReviewID == "" {
		return review.Review{}, errNoID
	}
	stars, err := review.FromWord(w.StarRating)
	if err != nil {
		return review.Review{}, fmt.Errorf("google: starRating: %w", err)
	}
	created, err := parseTime(w.CreateTime)
	if err != nil {
		return review.Review{}, fmt.Errorf("google: createTime: %w", err)
	}
	var updated time.Time
	if w.UpdateTime != "" {
		if updated, err = parseTime(w.UpdateTime); err != nil {
			return review.Review{}, fmt.Errorf("google: updateTime: %w", err)
		}
		if updated.Equal(created) {
			updated = time.Time{} // never edited: the model keeps UpdatedAt zero
		}
	}
	original, _ := SplitComment(w.Comment)
	rv := review.Review{
		ID:         review.Key(Name, w.ReviewID),
		Source:     Name,
		ExternalID: w.ReviewID,
		LocationID: locationOf(w.Name),
		Author:     review.Author{Name: w.Reviewer.DisplayName},
		Rating:     stars,
		Body:       original,
		CreatedAt:  created,
		UpdatedAt:  updated,
	}
	if r := w.ReviewReply; r != nil {
		t, err := parseTime(r.UpdateTime)
		if err != nil {
			return review.Review{}, fmt.Errorf("google: reviewReply.updateTime: %w", err)
		}
		rv.Reply = &review.Reply{Body: r.Comment, CreatedAt: t, UpdatedAt: t}
	}
	return rv, nil
}

// parseTime reads a Timestamp in RFC 3339 form (0, 3, 6 or 9 fractional
// digits, "Z" or an offset) and returns it in UTC.
func parseTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, errors.New("google: missing timestamp")
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, err
	}
	return t.UTC(), nil
}

// locationOf returns the location id L of a review name
// "accounts/A/locations/L/reviews/R", or "" when name has another shape.
func locationOf(name string) string {
	_, rest, ok := strings.Cut(name, "/locations/")
	if !ok {
		return ""
	}
	loc, _, _ := strings.Cut(rest, "/")
	return loc
}

// The markers Google puts around a machine translation inside a comment.
const (
	translatedPrefix = "(Translated by Google) "
	originalMarker   = "\n\n(Original)\n"
	translatedMarker = "\n\n(Translated by Google)\n"
)

// SplitComment separates a Business Profile comment that Google has
// machine-translated into the reviewer's own words and the translation.
//
// Google delivers a translated review inside the one comment field, as
// "(Translated by Google) <translation>\n\n(Original)\n<original>"; the
// reverse order "<original>\n\n(Translated by Google)\n<translation>" is
// also recognised. For a comment without these markers, original is the
// whole comment and translation is "". Both results are substrings of
// comment, byte for byte.
//
// The adapter puts original into [review.Review.Body], so that language
// detection and sentiment analysis see what the customer wrote.
func SplitComment(comment string) (original, translation string) {
	if rest, ok := strings.CutPrefix(comment, translatedPrefix); ok {
		if tr, orig, ok := strings.Cut(rest, originalMarker); ok {
			return orig, tr
		}
	}
	if orig, tr, ok := strings.Cut(comment, translatedMarker); ok {
		return orig, tr
	}
	return comment, ""
}

// wireBatch is the body of accounts.locations.batchGetReviews.
type wireBatch struct {
	LocationReviews []json.RawMessage `json:"locationReviews"`
	NextPageToken   string            `json:"nextPageToken"`
}

// wireLocationReview is one entry of a batch: a location and one review.
type wireLocationReview struct {
	Name   string          `json:"name"`
	Review json.RawMessage `json:"review"`
}

// decodeBatch decodes one batchGetReviews response, like decodePage.
func decodeBatch(data []byte) (page, error) {
	var w wireBatch
	if err := json.Unmarshal(data, &w); err != nil {
		return page{}, fmt.Errorf("google: decode batch page: %w", err)
	}
	return fromBatch(&w), nil
}

// fromBatch decodes the entries of a batch response one by one. A review
// without a name of its own takes its location from the entry.
func fromBatch(w *wireBatch) page {
	p := page{items: make([]item, len(w.LocationReviews)), next: w.NextPageToken}
	for i, raw := range w.LocationReviews {
		var lr wireLocationReview
		err := json.Unmarshal(raw, &lr)
		var rv review.Review
		if err == nil {
			if len(lr.Review) == 0 || string(lr.Review) == "null" {
				err = errors.New("google: batch entry has no review")
			} else {
				rv, err = decodeReview(lr.Review)
			}
		}
		if err != nil {
			p.items[i] = item{id: peekID(lr.Review), err: err}
			continue
		}
		if rv.LocationID == "" {
			rv.LocationID = locationOf(lr.Name)
		}
		p.items[i] = item{rv: rv, id: rv.ExternalID}
	}
	return p
}
