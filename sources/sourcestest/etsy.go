package sourcestest

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"github.com/reputekit/repute/review"
)

// Etsy imitates the Etsy Open API v3 review lists of one shop: GET
// /v3/application/shops/{shop_id}/reviews and
// /v3/application/listings/{listing_id}/reviews (limit 1–100, default 25;
// offset; min_created and max_created in epoch seconds), answering
// {"count", "results"}. Errors are {"error": "..."}; an unknown shop is
// 404. With APIKey set, a request without that x-api-key gets 401.
//
// Offsets index the live list, so a review added at the top (Prepend) or
// removed (Remove) shifts later pages, as on the real API.
//
// Serve it with NewServer(t, e) or httptest. Safe for concurrent use.
type Etsy struct {
	// ShopID is the numeric shop id the server answers for.
	ShopID string
	// APIKey, when set, is the x-api-key the server requires.
	APIKey string

	mu      sync.Mutex
	reviews []review.Review
}

// NewEtsy returns a server holding rs in list order (newest first).
// ExternalID must be the numeric transaction id. Served fields:
// ExternalID (transaction_id), ProductID (listing_id), Author.ID
// (buyer_user_id), Rating, Body (review), Lang, CreatedAt and UpdatedAt (epoch
// seconds).
func NewEtsy(shopID string, rs ...review.Review) *Etsy {
	return &Etsy{ShopID: shopID, reviews: append([]review.Review(nil), rs...)}
}

// Prepend adds rv at the top of the list.
func (e *Etsy) Prepend(rv review.Review) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.reviews = append([]review.Review{rv}, e.reviews...)
}

// Remove deletes the review with the given external id (Etsy stops
// listing deleted reviews).
func (e *Etsy) Remove(externalID string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	for i := range e.reviews {
		if e.reviews[i].ExternalID == externalID {
			e.reviews = append(e.reviews[:i:i], e.reviews[i+1:]...)
			return
		}
	}
}

func etsyError(w http.ResponseWriter, status int, msg string) {
	b, _ := json.Marshal(map[string]string{"error": msg})
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(b)
}

func etsyNumber(s string) any {
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		return n
	}
	return nil
}

func etsyWire(shopID string, rv *review.Review) map[string]any {
	created := rv.CreatedAt.Unix()
	updated := created
	if !rv.UpdatedAt.IsZero() {
		updated = rv.UpdatedAt.Unix()
	}
	m := map[string]any{
		"shop_id": etsyNumber(shopID), "listing_id": etsyNumber(rv.ProductID), "transaction_id": etsyNumber(rv.ExternalID),
		"rating": int(rv.Rating + 0.5), "review": rv.Body, "language": rv.Lang, "image_url_fullxfull": nil,
		"create_timestamp": created, "created_timestamp": created, "update_timestamp": updated, "updated_timestamp": updated,
	}
	if rv.Author.ID != "" {
		m["buyer_user_id"] = etsyNumber(rv.Author.ID)
	}
	return m
}

// ServeHTTP answers the list calls.
func (e *Etsy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if e.APIKey != "" && r.Header.Get("x-api-key") != e.APIKey {
		etsyError(w, http.StatusUnauthorized, "Invalid API key")
		return
	}
	if r.Method != http.MethodGet {
		etsyError(w, http.StatusMethodNotAllowed, "Method not allowed")
		return
	}
	listing := ""
	switch p := r.URL.Path; {
	case p == "/v3/application/shops/"+e.ShopID+"/reviews":
	case strings.HasPrefix(p, "/v3/application/listings/") && strings.HasSuffix(p, "/reviews"):
		listing = strings.TrimSuffix(strings.TrimPrefix(p, "/v3/application/listings/"), "/reviews")
	default:
		etsyError(w, http.StatusNotFound, "Resource not found")
		return
	}
	q := r.URL.Query()
	num := func(name string, def, lo, hi int64) (int64, bool) {
		v := q.Get(name)
		if v == "" {
			return def, true
		}
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n < lo || n > hi {
			etsyError(w, http.StatusBadRequest, "Invalid value for "+name)
			return 0, false
		}
		return n, true
	}
	limit, ok1 := num("limit", 25, 1, 100)
	offset, ok2 := num("offset", 0, 0, 1<<31)
	minC, ok3 := num("min_created", 0, 0, 1<<40)
	maxC, ok4 := num("max_created", 1<<40, 0, 1<<40)
	if !ok1 || !ok2 || !ok3 || !ok4 {
		return
	}
	e.mu.Lock()
	var match []map[string]any
	for i := range e.reviews {
		rv := &e.reviews[i]
		c := rv.CreatedAt.Unix()
		if (listing != "" && rv.ProductID != listing) || c < minC || c > maxC {
			continue
		}
		match = append(match, etsyWire(e.ShopID, rv))
	}
	e.mu.Unlock()
	results := []map[string]any{}
	if offset < int64(len(match)) {
		results = match[offset:min(int64(len(match)), offset+limit)]
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]any{"count": len(match), "results": results})
}
