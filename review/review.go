package review

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// MaxBodyBytes is the largest Body (and Title, and Reply body) that
// [Review.Validate] accepts, in bytes. The longest review any supported
// platform documents is well under this (Google Business Profile and
// Trustpilot cap text at a few thousand characters); the cap exists so that a
// hostile or broken feed cannot hand the analysis packages megabytes of text.
const MaxBodyBytes = 64 << 10

// Review is one customer review of a product, a shop or a location, as any
// platform delivers it. Adapters in the sources packages fill it; every
// analysis package reads it.
//
// The zero value is an empty, invalid review (see [Review.Validate]). A
// Review is plain data: copy it freely; it is safe for concurrent reads.
type Review struct {
	// ID is the review's key, unique across all platforms. Adapters set it
	// with [Key] as Source + ":" + ExternalID.
	ID string `json:"id"`
	// Source is the lower-case platform name: "trustpilot", "google",
	// "yelp", "lightspeed", "etsy", "googleplay", "appstore", "file", or a
	// name of the caller's choosing.
	Source string `json:"source"`
	// ExternalID is the platform's own id of the review (for Etsy, the
	// transaction id).
	ExternalID string `json:"external_id,omitempty"`
	// URL links to the review on the platform, when it has one.
	URL string `json:"url,omitempty"`
	// ProductID, LocationID and OrderID say what was reviewed and, when the
	// platform or the shop knows it, which order the review belongs to.
	ProductID  string `json:"product_id,omitempty"`
	LocationID string `json:"location_id,omitempty"`
	OrderID    string `json:"order_id,omitempty"`
	// Author is who wrote the review.
	Author Author `json:"author"`
	// Rating is the star rating on a 1–5 scale; fractional values are
	// allowed (a 1–10 scale maps onto halves). 0 means the platform gives
	// no stars. See [FromTen], [FromWord] and [FromRecommendation].
	Rating float64 `json:"rating"`
	// Title and Body are the review's text, byte for byte as the platform
	// sent it.
	Title string `json:"title,omitempty"`
	Body  string `json:"body,omitempty"`
	// Lang is the ISO 639-1 code of the text when known ("en", "ru", "lt").
	Lang string `json:"lang,omitempty"`
	// Verified reports that the platform or the shop ties the review to a
	// real purchase.
	Verified bool `json:"verified,omitempty"`
	// Helpful counts the readers who marked the review as useful, when the
	// platform says. Triage uses it as a "how many people read this" signal.
	Helpful int `json:"helpful,omitempty"`
	// CreatedAt is when the review was written; UpdatedAt is its last edit
	// (zero when never edited).
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at,omitzero"`
	// Reply is the business's public answer, nil when there is none.
	Reply *Reply `json:"reply,omitempty"`
	// Status is the review's moderation state.
	Status Status `json:"status"`
}

// Author is the person who wrote a review.
type Author struct {
	// Name is the display name as the platform shows it.
	Name string `json:"name,omitempty"`
	// ID is the author's id on the platform, when it gives one.
	ID string `json:"id,omitempty"`
	// ReviewCount is how many reviews the author has written on the
	// platform; 0 when unknown.
	ReviewCount int `json:"review_count,omitempty"`
}

// Reply is a business's public answer to a review.
type Reply struct {
	Body      string    `json:"body"`
	Author    string    `json:"author,omitempty"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at,omitzero"`
}

// Key returns the cross-platform key of a review: source + ":" + externalID.
func Key(source, externalID string) string { return source + ":" + externalID }

// Answered reports whether the review has a non-empty business reply.
func (r *Review) Answered() bool { return r.Reply != nil && strings.TrimSpace(r.Reply.Body) != "" }

// Rated reports whether the review carries a star rating.
func (r *Review) Rated() bool { return r.Rating != 0 }

// Stars returns the rating rounded to the nearest whole star (1–5), or 0
// for an unrated review or a rating outside 1–5.
func (r *Review) Stars() int { return starIndex(r.Rating) }

// starIndex maps a rating to a whole star 1–5, 0 when it is none.
func starIndex(rating float64) int {
	if !(rating >= 1 && rating <= 5) {
		return 0
	}
	return int(rating + 0.5)
}

// ErrInvalid is matched (errors.Is) by every [*FieldError].
var ErrInvalid = errors.New("review: invalid review")

// FieldError reports one field of a review that breaks the model's rules.
type FieldError struct {
	// ID is the review's ID (may be empty: that can be the fault).
	ID string
	// Field is the Go name of the field at fault, e.g. "Rating" or
	// "Reply.Body".
	Field string
	// Problem says what is wrong with it.
	Problem string
}

// Error formats the fault as `review "<id>": <field>: <problem>`, leaving
// out the id when the review has none.
func (e *FieldError) Error() string {
	if e.ID == "" {
		return fmt.Sprintf("review: %s: %s", e.Field, e.Problem)
	}
	return fmt.Sprintf("review %q: %s: %s", e.ID, e.Field, e.Problem)
}

// Is makes every FieldError match [ErrInvalid].
func (e *FieldError) Is(target error) bool { return target == ErrInvalid }

// Validate checks the review against the model's rules and returns nil or
// every fault found, joined with [errors.Join]; each is a [*FieldError].
// The rules: ID and Source are set; Rating is 0 or within 1–5; CreatedAt is
// set; UpdatedAt, when set, is not before CreatedAt; Title, Body and the
// reply's body are valid UTF-8 and at most [MaxBodyBytes] long; a reply has
// a creation time. Validate never panics.
func (r Review) Validate() error {
	var errs []error
	bad := func(field, problem string) {
		errs = append(errs, &FieldError{ID: r.ID, Field: field, Problem: problem})
	}
	if r.ID == "" {
		bad("ID", "missing")
	}
	if r.Source == "" {
		bad("Source", "missing")
	}
	if r.Rating != 0 && !(r.Rating >= 1 && r.Rating <= 5) {
		bad("Rating", fmt.Sprintf("%v is outside 1–5 (0 means unrated)", r.Rating))
	}
	if r.CreatedAt.IsZero() {
		bad("CreatedAt", "missing")
	}
	if !r.UpdatedAt.IsZero() && !r.CreatedAt.IsZero() && r.UpdatedAt.Before(r.CreatedAt) {
		bad("UpdatedAt", "before CreatedAt")
	}
	text := func(field, s string) {
		if len(s) > MaxBodyBytes {
			bad(field, fmt.Sprintf("%d bytes, more than the %d allowed", len(s), MaxBodyBytes))
		}
		if !utf8.ValidString(s) {
			bad(field, "not valid UTF-8")
		}
	}
	text("Title", r.Title)
	text("Body", r.Body)
	if !r.Status.valid() {
		bad("Status", fmt.Sprintf("unknown status %d", uint8(r.Status)))
	}
	if r.Reply != nil {
		text("Reply.Body", r.Reply.Body)
		if r.Reply.CreatedAt.IsZero() {
			bad("Reply.CreatedAt", "missing")
		}
	}
	return errors.Join(errs...)
}
