package etsy

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/reputekit/repute/review"
)

// Name is the platform name this adapter puts in [review.Review.Source].
const Name = "etsy"

// wireList is a TransactionReviews response.
type wireList struct {
	Count   int               `json:"count"`
	Results []json.RawMessage `json:"results"`
}

// wireReview is one TransactionReview. Etsy sends each timestamp twice
// (create_timestamp and created_timestamp, update_timestamp and
// updated_timestamp); either spelling is read.
type wireReview struct {
	ListingID        int64  `json:"listing_id"`
	TransactionID    int64  `json:"transaction_id"`
	BuyerUserID      *int64 `json:"buyer_user_id"`
	Rating           int    `json:"rating"`
	Review           string `json:"review"`
	Language         string `json:"language"`
	CreateTimestamp  int64  `json:"create_timestamp"`
	CreatedTimestamp int64  `json:"created_timestamp"`
	UpdateTimestamp  int64  `json:"update_timestamp"`
	UpdatedTimestamp int64  `json:"updated_timestamp"`
}

// item is one entry of a decoded page: a review, or the reason it could not
// be decoded (with its id when that much was readable).
type item struct {
	rv  review.Review
	id  string
	err error
}

// page is one decoded list response; count is the shop's total.
type page struct {
	items []item
	count int
}

var errNoID = errors.New("etsy: review has neither transaction_id nor listing_id and create_timestamp")

// maxUnix bounds a plausible timestamp (year 9999).
const maxUnix = 253402300799

// decodePage decodes one TransactionReviews response. A body that is not a
// JSON object with a "results" array is an error for the whole page; a
// review that does not decode is reported in its item and the others still
// arrive.
func decodePage(data []byte) (page, error) {
	var w wireList
	if err := json.Unmarshal(data, &w); err != nil {
		return page{}, fmt.Errorf("etsy: decode reviews page: %w", err)
	}
	return fromList(&w), nil
}

// fromList decodes the reviews of a list response one by one.
func fromList(w *wireList) page {
	p := page{items: make([]item, len(w.Results)), count: w.Count}
	for i, raw := range w.Results {
		var wr wireReview
		err := json.Unmarshal(raw, &wr)
		var rv review.Review
		if err == nil {
			rv, err = wr.toReview()
		}
		if err != nil {
			p.items[i] = item{id: peekID(raw), err: err}
			continue
		}
		p.items[i] = item{rv: rv, id: rv.ExternalID}
	}
	return p
}

// peekID reads the transaction id of a review that failed to decode.
func peekID(raw json.RawMessage) string {
	var v struct {
		TransactionID json.Number `json:"transaction_id"`
	}
	if json.Unmarshal(raw, &v) != nil {
		return ""
	}
	return v.TransactionID.String()
}

// externalID is the review's identity: Etsy gives reviews no id of their
// own, and a transaction has at most one review, so the transaction id is
// the id. Without one, listing id and creation time stand in.
func (w *wireReview) externalID(created int64) string {
	if w.TransactionID > 0 {
		return strconv.FormatInt(w.TransactionID, 10)
	}
	if w.ListingID > 0 && created > 0 {
		return strconv.FormatInt(w.ListingID, 10) + "-" + strconv.FormatInt(created, 10)
	}
	return ""
}

func (w *wireReview) toReview() (review.Review, error) {
	created := w.CreateTimestamp
	if created == 0 {
		created = w.CreatedTimestamp
	}
	updated := w.UpdateTimestamp
	if updated == 0 {
		updated = w.UpdatedTimestamp
	}
	id := w.externalID(created)
	if id == "" {
		return review.Review{}, errNoID
	}
	if w.Rating < 1 || w.Rating > 5 {
		return review.Review{}, fmt.Errorf("etsy: rating %d is outside 1–5", w.Rating)
	}
	if created <= 0 || created > maxUnix {
		return review.Review{}, fmt.Errorf("etsy: create_timestamp %d out of range", created)
	}
	if updated < 0 || updated > maxUnix {
		return review.Review{}, fmt.Errorf("etsy: update_timestamp %d out of range", updated)
	}
	rv := review.Review{
		ID:         review.Key(Name, id),
		Source:     Name,
		ExternalID: id,
		Rating:     float64(w.Rating),
		Body:       w.Review,
		Lang:       w.Language,
		Verified:   true, // every Etsy review belongs to a purchase (its transaction)
		CreatedAt:  time.Unix(created, 0).UTC(),
	}
	if w.TransactionID > 0 {
		rv.OrderID = strconv.FormatInt(w.TransactionID, 10)
	}
	if w.ListingID > 0 {
		rv.ProductID = strconv.FormatInt(w.ListingID, 10)
	}
	if w.BuyerUserID != nil && *w.BuyerUserID > 0 {
		rv.Author.ID = strconv.FormatInt(*w.BuyerUserID, 10)
	}
	if updated > created {
		rv.UpdatedAt = time.Unix(updated, 0).UTC()
	}
	return rv, nil
}
