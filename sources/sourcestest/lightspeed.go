package sourcestest

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/reputekit/repute/review"
)

// Lightspeed imitates the Lightspeed eCom (C-Series) reviews resource of
// one shop: GET /{lang}/reviews.json (page from 1, limit 1–250, default
// 50; {"reviews": [...]}) and GET /{lang}/reviews/count.json. With Key
// set, requests must carry HTTP Basic Key:Secret or get 401. Errors use
// eCom's {"error": {code, method, request, message}} shape.
//
// Pages index the live list, so a review added at the top or removed
// shifts later pages, as on the real API.
//
// Serve it with NewServer(t, l) or httptest. Safe for concurrent use.
type Lightspeed struct {
	// Key and Secret, when Key is set, are the credentials required.
	Key, Secret string
	// Fraction makes the server send scores as 0–1 fractions (Rating/5),
	// the second form the adapter accepts; by default scores are 1–5.
	Fraction bool

	mu      sync.Mutex
	reviews []review.Review
}

// NewLightspeed returns a server holding rs in list order (newest first).
// ExternalID must be the numeric review id. Served fields: ExternalID
// (id), CreatedAt, Status (isVisible false when Hidden), Rating (score),
// Author.Name (name), Author.ID (customer), ProductID (product), Body
// (content) and Lang (language.code).
func NewLightspeed(rs ...review.Review) *Lightspeed {
	return &Lightspeed{reviews: append([]review.Review(nil), rs...)}
}

// Prepend adds rv at the top of the list.
func (l *Lightspeed) Prepend(rv review.Review) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.reviews = append([]review.Review{rv}, l.reviews...)
}

// Remove deletes the review with the given external id.
func (l *Lightspeed) Remove(externalID string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for i := range l.reviews {
		if l.reviews[i].ExternalID == externalID {
			l.reviews = append(l.reviews[:i:i], l.reviews[i+1:]...)
			return
		}
	}
}

func lightspeedError(w http.ResponseWriter, r *http.Request, status int, msg string) {
	b, _ := json.Marshal(map[string]any{"error": map[string]any{"code": status, "method": r.Method, "request": r.URL.Path, "message": msg}})
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(b)
}

func lightspeedLink(lang, kind, id string) any {
	n, err := strconv.ParseInt(id, 10, 64)
	if err != nil || id == "" {
		return false
	}
	return map[string]any{"resource": map[string]any{"id": n, "url": kind + "/" + id, "link": "https://api.webshopapp.com/" + lang + "/" + kind + "/" + id + ".json"}}
}

func (l *Lightspeed) wire(lang string, rv *review.Review) map[string]any {
	id, _ := strconv.ParseInt(rv.ExternalID, 10, 64)
	var score any = rv.Rating
	if l.Fraction {
		score = rv.Rating / 5
	}
	m := map[string]any{
		"id": id, "createdAt": rv.CreatedAt.In(time.FixedZone("CET", 3600)).Format(time.RFC3339),
		"isVisible": rv.Status != review.Hidden, "score": score, "name": rv.Author.Name, "content": rv.Body,
		"language": false, "customer": lightspeedLink(lang, "customers", rv.Author.ID), "product": lightspeedLink(lang, "products", rv.ProductID),
	}
	if rv.Lang != "" {
		m["language"] = map[string]any{"id": 1, "code": rv.Lang, "locale": rv.Lang, "title": rv.Lang}
	}
	return m
}

// ServeHTTP answers the list and count calls.
func (l *Lightspeed) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if l.Key != "" {
		k, s, ok := r.BasicAuth()
		if !ok || k != l.Key || s != l.Secret {
			lightspeedError(w, r, http.StatusUnauthorized, "Invalid API key or secret.")
			return
		}
	}
	lang, rest, _ := strings.Cut(strings.TrimPrefix(r.URL.Path, "/"), "/")
	if r.Method != http.MethodGet || lang == "" {
		lightspeedError(w, r, http.StatusNotFound, "Not found.")
		return
	}
	l.mu.Lock()
	n := len(l.reviews)
	l.mu.Unlock()
	switch rest {
	case "reviews/count.json":
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]int{"count": n})
		return
	case "reviews.json":
	default:
		lightspeedError(w, r, http.StatusNotFound, "Not found.")
		return
	}
	q := r.URL.Query()
	page, limit := 1, 50
	var err error
	if v := q.Get("page"); v != "" {
		if page, err = strconv.Atoi(v); err != nil || page < 1 {
			lightspeedError(w, r, http.StatusBadRequest, "Invalid page.")
			return
		}
	}
	if v := q.Get("limit"); v != "" {
		if limit, err = strconv.Atoi(v); err != nil || limit < 1 || limit > 250 {
			lightspeedError(w, r, http.StatusBadRequest, "Invalid limit.")
			return
		}
	}
	items := []map[string]any{}
	l.mu.Lock()
	for i := (page - 1) * limit; i < len(l.reviews) && i < page*limit; i++ {
		items = append(items, l.wire(lang, &l.reviews[i]))
	}
	l.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-RateLimit-Limit", "300/3000/12000")
	w.Header().Set("X-RateLimit-Remaining", "299/2999/11999")
	w.Header().Set("X-RateLimit-Reset", "300/3600/86400")
	json.NewEncoder(w).Encode(map[string]any{"reviews": items})
}
