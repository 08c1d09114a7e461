package sources

import (
	"context"
	"iter"
	"time"

	"github.com/reputekit/repute/review"
)

// Source is a place reviews come from: one platform account, location, app
// or file. Every adapter's *Client implements it.
type Source interface {
	// Name is the lower-case platform name, the value every yielded
	// review carries in [review.Review.Source] ("trustpilot", "file", ...).
	Name() string
	// Reviews returns a single-use iterator over the reviews matching q.
	// Each (source, external id) is yielded at most once per walk. A review
	// that fails to decode is yielded as (review.Review{}, *DecodeError)
	// and the walk goes on; any other error is yielded once and ends the
	// walk. A fault that a retry got past is never yielded.
	Reviews(ctx context.Context, q Query) iter.Seq2[review.Review, error]
}

// Replier is implemented by the adapters of platforms that accept a public
// reply from the business. Reply creates or replaces the reply to the
// review with the platform's own id reviewID (review.Review.ExternalID).
type Replier interface {
	Reply(ctx context.Context, reviewID, body string) error
}

// Limiter paces requests. *rate.Limiter (golang.org/x/time/rate)
// satisfies it; a deployment with many replicas can plug in a limiter over
// a shared store. Wait blocks until one request may be sent or ctx is done.
type Limiter interface {
	Wait(ctx context.Context) error
}

// Pager is implemented by adapters that can fetch one page at a time.
// Page fetches the page that q.Cursor names ("" = the first page); the
// returned Page.Next resumes after it.
type Pager interface {
	Page(ctx context.Context, q Query) (Page, error)
}

// Query selects reviews. The zero Query walks every review, newest first
// where the platform allows it, with the platform's largest page.
type Query struct {
	// Since, when set, keeps reviews created or changed (edited, replied
	// to) at or after it. Adapters pass it to the platform when it has a
	// matching filter and the walk also filters on the client.
	Since time.Time
	// Until, when set, keeps reviews created before it.
	Until time.Time
	// Cursor resumes a walk at a page returned earlier in Page.Next.
	Cursor string
	// ProductID and LocationID narrow the walk on platforms that file
	// reviews under products or locations.
	ProductID  string
	LocationID string
	// Max, when positive, ends the walk after that many reviews.
	Max int
}

// Page is one page of a list call.
type Page struct {
	// Reviews are the reviews of the page that decoded, in page order.
	Reviews []review.Review
	// Errors are the items of the page that failed to decode, in page
	// order; they do not stop the others.
	Errors []*DecodeError
	// Next is the cursor of the next page; "" on the last page.
	Next string
}

// Changed returns the latest moment the review is known to have changed:
// the latest of its creation, its edit and its reply's creation and edit.
func Changed(rv *review.Review) time.Time {
	t := rv.CreatedAt
	if rv.UpdatedAt.After(t) {
		t = rv.UpdatedAt
	}
	if rv.Reply != nil {
		if rv.Reply.CreatedAt.After(t) {
			t = rv.Reply.CreatedAt
		}
		if rv.Reply.UpdatedAt.After(t) {
			t = rv.Reply.UpdatedAt
		}
	}
	return t
}
