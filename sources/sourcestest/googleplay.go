package sourcestest

import (
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/reputekit/repute/review"
)

// GooglePlay imitates the Google Play Developer API reviews endpoints for
// one app: GET /androidpublisher/v3/applications/{pkg}/reviews (maxResults
// up to 100, token, tokenPagination.nextPageToken) and POST
// .../reviews/{id}:reply. An unknown package or review gets 404 in Google's
// error shape. Page tokens encode an offset, so a review added at the top
// shifts later pages.
//
// Serve it with NewServer(t, p) or httptest. Safe for concurrent use.
type GooglePlay struct {
	// Package is the package name the server answers for.
	Package string

	mu      sync.Mutex
	reviews []review.Review
}

// NewGooglePlay returns a server holding rs in list order (most recently
// modified first). Served fields: ExternalID, Author.Name, Rating, Body,
// Lang, Helpful, UpdatedAt (or CreatedAt) as lastModified, and Reply.
func NewGooglePlay(packageName string, rs ...review.Review) *GooglePlay {
	return &GooglePlay{Package: packageName, reviews: append([]review.Review(nil), rs...)}
}

// Prepend adds rv at the top of the list.
func (p *GooglePlay) Prepend(rv review.Review) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.reviews = append([]review.Review{rv}, p.reviews...)
}

// Reviews returns a copy of the reviews held, replies included.
func (p *GooglePlay) Reviews() []review.Review {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := make([]review.Review, len(p.reviews))
	for i, rv := range p.reviews {
		if rv.Reply != nil {
			rp := *rv.Reply
			rv.Reply = &rp
		}
		out[i] = rv
	}
	return out
}

func googlePlayStamp(t time.Time) map[string]any {
	return map[string]any{"seconds": strconv.FormatInt(t.Unix(), 10), "nanos": t.Nanosecond()}
}

func googlePlayWire(rv *review.Review) map[string]any {
	mod := rv.UpdatedAt
	if mod.IsZero() {
		mod = rv.CreatedAt
	}
	uc := map[string]any{
		"text":          rv.Body,
		"lastModified":  googlePlayStamp(mod),
		"starRating":    int(rv.Rating + 0.5),
		"thumbsUpCount": rv.Helpful,
	}
	if rv.Lang != "" {
		uc["reviewerLanguage"] = rv.Lang
	}
	comments := []any{map[string]any{"userComment": uc}}
	if rv.Reply != nil {
		t := rv.Reply.UpdatedAt
		if t.IsZero() {
			t = rv.Reply.CreatedAt
		}
		comments = append(comments, map[string]any{"developerComment": map[string]any{"text": rv.Reply.Body, "lastModified": googlePlayStamp(t)}})
	}
	return map[string]any{"reviewId": rv.ExternalID, "authorName": rv.Author.Name, "comments": comments}
}

// ServeHTTP answers the list and reply calls.
func (p *GooglePlay) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	prefix := "/androidpublisher/v3/applications/" + p.Package + "/reviews"
	rest, ok := strings.CutPrefix(r.URL.Path, prefix)
	switch {
	case !ok:
		googleError(w, http.StatusNotFound, "NOT_FOUND", "Package not found: "+strings.TrimPrefix(r.URL.Path, "/androidpublisher/v3/applications/"))
	case rest == "" && r.Method == http.MethodGet:
		p.list(w, r)
	case strings.HasSuffix(rest, ":reply") && r.Method == http.MethodPost:
		p.reply(w, r, strings.TrimSuffix(strings.TrimPrefix(rest, "/"), ":reply"))
	default:
		googleError(w, http.StatusNotFound, "NOT_FOUND", "Requested entity was not found.")
	}
}

func (p *GooglePlay) reply(w http.ResponseWriter, r *http.Request, id string) {
	var body struct {
		ReplyText string `json:"replyText"`
	}
	data, _ := io.ReadAll(r.Body)
	if json.Unmarshal(data, &body) != nil || body.ReplyText == "" || len([]rune(body.ReplyText)) > 350 {
		googleError(w, http.StatusBadRequest, "INVALID_ARGUMENT", "Invalid reply text.")
		return
	}
	now := time.Now().UTC().Truncate(time.Second)
	p.mu.Lock()
	found := false
	for i := range p.reviews {
		if p.reviews[i].ExternalID == id {
			p.reviews[i].Reply = &review.Reply{Body: body.ReplyText, CreatedAt: now, UpdatedAt: now}
			found = true
		}
	}
	p.mu.Unlock()
	if !found {
		googleError(w, http.StatusNotFound, "NOT_FOUND", "Review not found.")
		return
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]any{"result": map[string]any{"replyText": body.ReplyText, "lastEdited": googlePlayStamp(now)}})
}

func (p *GooglePlay) list(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	size := 100
	if v := q.Get("maxResults"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			googleError(w, http.StatusBadRequest, "INVALID_ARGUMENT", "Invalid maxResults.")
			return
		}
		size = min(n, 100)
	}
	offset := 0
	if tok := q.Get("token"); tok != "" {
		n, err := strconv.Atoi(strings.TrimPrefix(tok, "Chs"))
		if err != nil || !strings.HasPrefix(tok, "Chs") || n < 0 {
			googleError(w, http.StatusBadRequest, "INVALID_ARGUMENT", "Invalid token.")
			return
		}
		offset = n
	}
	p.mu.Lock()
	total := len(p.reviews)
	items := []any{}
	for i := offset; i < total && i < offset+size; i++ {
		items = append(items, googlePlayWire(&p.reviews[i]))
	}
	p.mu.Unlock()
	body := map[string]any{"reviews": items, "pageInfo": map[string]any{"totalResults": total, "resultPerPage": size, "startIndex": offset}}
	if offset+size < total {
		body["tokenPagination"] = map[string]any{"nextPageToken": "Chs" + strconv.Itoa(offset+size)}
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(body)
}
