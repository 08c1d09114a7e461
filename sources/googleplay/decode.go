package googleplay

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/reputekit/repute/review"
)

// Name is the platform name this adapter puts in [review.Review.Source].
const Name = "googleplay"

// wireList is the body of reviews.list.
type wireList struct {
	Reviews         []json.RawMessage `json:"reviews"`
	TokenPagination *struct {
		NextPageToken string `json:"nextPageToken"`
	} `json:"tokenPagination"`
	PageInfo *struct {
		TotalResults  int `json:"totalResults"`
		ResultPerPage int `json:"resultPerPage"`
		StartIndex    int `json:"startIndex"`
	} `json:"pageInfo"`
}

// wireReview is one Review resource.
type wireReview struct {
	ReviewID   string `json:"reviewId"`
	AuthorName string `json:"authorName"`
	Comments   []struct {
		UserComment      *wireUserComment      `json:"userComment"`
		DeveloperComment *wireDeveloperComment `json:"developerComment"`
	} `json:"comments"`
}

type wireUserComment struct {
	Text             string        `json:"text"`
	OriginalText     string        `json:"originalText"`
	LastModified     wireTimestamp `json:"lastModified"`
	StarRating       int           `json:"starRating"`
	ReviewerLanguage string        `json:"reviewerLanguage"`
	ThumbsUpCount    int           `json:"thumbsUpCount"`
}

type wireDeveloperComment struct {
	Text         string        `json:"text"`
	LastModified wireTimestamp `json:"lastModified"`
}

// wireTimestamp is the API's Timestamp: seconds since the Unix epoch (a
// decimal string in proto3 JSON; a bare number is accepted too) and nanos.
type wireTimestamp struct {
	Seconds int64String `json:"seconds"`
	Nanos   int32       `json:"nanos"`
}

// int64String is an int64 that proto3 JSON writes as a string.
type int64String int64

// UnmarshalJSON accepts "123" and 123.
func (n *int64String) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 1 && b[0] == '"' && b[len(b)-1] == '"' {
		b = b[1 : len(b)-1]
	}
	v, err := strconv.ParseInt(string(b), 10, 64)
	if err != nil {
		return fmt.Errorf("googleplay: seconds %q is not an integer", b)
	}
	*n = int64String(v)
	return nil
}

// maxSeconds bounds a plausible timestamp (year 9999), so that a hostile
// value cannot produce a time that later formatting chokes on.
const maxSeconds = 253402300799

func (ts wireTimestamp) time() (time.Time, error) {
	if ts.Seconds <= 0 || ts.Seconds > maxSeconds {
		return time.Time{}, fmt.Errorf("googleplay: timestamp seconds %d out of range", ts.Seconds)
	}
	if ts.Nanos < 0 || ts.Nanos > 999_999_999 {
		return time.Time{}, fmt.Errorf("googleplay: timestamp nanos %d out of range", ts.Nanos)
	}
	return time.Unix(int64(ts.Seconds), int64(ts.Nanos)).UTC(), nil
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

var (
	errNoID          = errors.New("googleplay: review has no reviewId")
	errNoUserComment = errors.New("googleplay: review has no userComment")
)

// decodePage decodes one reviews.list response. A body that is not a JSON
// object with a "reviews" array is an error for the whole page; a review
// that does not decode is reported in its item and the others still arrive.
func decodePage(data []byte) (page, error) {
	var w wireList
	if err := json.Unmarshal(data, &w); err != nil {
		return page{}, fmt.Errorf("googleplay: decode reviews page: %w", err)
	}
	return fromList(&w), nil
}

// fromList decodes the reviews of a list response one by one.
func fromList(w *wireList) page {
	p := page{items: make([]item, len(w.Reviews))}
	if w.TokenPagination != nil {
		p.next = w.TokenPagination.NextPageToken
	}
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

func decodeReview(raw json.RawMessage) (review.Review, error) {
	var w wireReview
	if err := json.Unmarshal(raw, &w); err != nil {
		return review.Review{}, err
	}
	if w.ReviewID == "" {
		return review.Review{}, errNoID
	}
	var uc *wireUserComment
	var dc *wireDeveloperComment
	for _, c := range w.Comments {
		if uc == nil && c.UserComment != nil {
			uc = c.UserComment
		}
		if dc == nil && c.DeveloperComment != nil {
			dc = c.DeveloperComment
		}
	}
	if uc == nil {
		return review.Review{}, errNoUserComment
	}
	if uc.StarRating < 0 || uc.StarRating > 5 {
		return review.Review{}, fmt.Errorf("googleplay: starRating %d is outside 1–5", uc.StarRating)
	}
	modified, err := uc.LastModified.time()
	if err != nil {
		return review.Review{}, fmt.Errorf("googleplay: userComment.lastModified: %w", err)
	}
	body := uc.Text
	if uc.OriginalText != "" {
		body = uc.OriginalText
	}
	rv := review.Review{
		ID:         review.Key(Name, w.ReviewID),
		Source:     Name,
		ExternalID: w.ReviewID,
		Author:     review.Author{Name: w.AuthorName},
		Rating:     float64(uc.StarRating),
		Body:       body,
		Lang:       langCode(uc.ReviewerLanguage),
		Helpful:    uc.ThumbsUpCount,
		CreatedAt:  modified,
	}
	if dc != nil {
		t, err := dc.LastModified.time()
		if err != nil {
			return review.Review{}, fmt.Errorf("googleplay: developerComment.lastModified: %w", err)
		}
		rv.Reply = &review.Reply{Body: dc.Text, CreatedAt: t, UpdatedAt: t}
	}
	return rv, nil
}

// langCode reduces a reviewer language such as "en", "en_US" or "pt-BR" to
// its lower-case ISO 639-1 part.
func langCode(s string) string {
	if i := strings.IndexAny(s, "_-"); i >= 0 {
		s = s[:i]
	}
	if len(s) != 2 {
		return ""
	}
	return strings.ToLower(s)
}
