package sourcestest

import (
	"encoding/json"
	"net/http"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/reputekit/repute/review"
)

// Yelp imitates the Yelp Places API review endpoint of one business: GET
// /v3/businesses/{id}/reviews answers {"reviews", "total",
// "possible_languages"} with at most three excerpts (the newest with
// sort_by=newest, else the first three held), whatever the total. An
// unknown business gets 400 BUSINESS_NOT_FOUND; with APIKey set, a request
// without "Authorization: Bearer <APIKey>" gets 401. Every answer carries
// the RateLimit-* headers.
//
// Serve it with NewServer(t, y) or httptest. Safe for concurrent use.
type Yelp struct {
	// BusinessID is the id or alias the server answers for.
	BusinessID string
	// APIKey, when set, is the key required.
	APIKey string
	// Location is the zone time_created is written in (default
	// America/Los_Angeles, or UTC−8 without a zone database).
	Location *time.Location
	// Excerpt, when positive, cuts each text to that many bytes and adds
	// "...", as Yelp does.
	Excerpt int

	mu      sync.Mutex
	reviews []review.Review
}

// NewYelp returns a server holding rs. Served fields: ExternalID (id), URL,
// Body (text), Rating, CreatedAt (time_created, zone-less), Author.Name
// and Author.ID.
func NewYelp(businessID string, rs ...review.Review) *Yelp {
	return &Yelp{BusinessID: businessID, reviews: append([]review.Review(nil), rs...)}
}

// Add adds reviews.
func (y *Yelp) Add(rs ...review.Review) {
	y.mu.Lock()
	defer y.mu.Unlock()
	y.reviews = append(y.reviews, rs...)
}

func yelpError(w http.ResponseWriter, status int, code, desc string) {
	b, _ := json.Marshal(map[string]any{"error": map[string]any{"code": code, "description": desc}})
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(b)
}

func (y *Yelp) zone() *time.Location {
	if y.Location != nil {
		return y.Location
	}
	if loc, err := time.LoadLocation("America/Los_Angeles"); err == nil {
		return loc
	}
	return time.FixedZone("PST", -8*3600)
}

// ServeHTTP answers the reviews call.
func (y *Yelp) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("RateLimit-DailyLimit", "5000")
	w.Header().Set("RateLimit-Remaining", "4999")
	w.Header().Set("RateLimit-ResetTime", time.Now().UTC().Truncate(24*time.Hour).Add(24*time.Hour).Format(time.RFC3339))
	if y.APIKey != "" && r.Header.Get("Authorization") != "Bearer "+y.APIKey {
		yelpError(w, http.StatusUnauthorized, "TOKEN_INVALID", "Invalid access token or authorization header.")
		return
	}
	id, ok := strings.CutSuffix(strings.TrimPrefix(r.URL.Path, "/v3/businesses/"), "/reviews")
	if r.Method != http.MethodGet || !ok || !strings.HasPrefix(r.URL.Path, "/v3/businesses/") {
		yelpError(w, http.StatusNotFound, "NOT_FOUND", "Resource could not be found.")
		return
	}
	if id != y.BusinessID {
		yelpError(w, http.StatusBadRequest, "BUSINESS_NOT_FOUND", "The requested business could not be found.")
		return
	}
	y.mu.Lock()
	rs := append([]review.Review(nil), y.reviews...)
	y.mu.Unlock()
	if r.URL.Query().Get("sort_by") == "newest" {
		sort.SliceStable(rs, func(i, j int) bool { return rs[i].CreatedAt.After(rs[j].CreatedAt) })
	}
	total := len(rs)
	rs = rs[:min(3, len(rs))]
	loc := y.zone()
	items := []map[string]any{}
	langs := map[string]bool{}
	for _, rv := range rs {
		text := rv.Body
		if y.Excerpt > 0 && len(text) > y.Excerpt {
			text = text[:y.Excerpt] + "..."
		}
		if rv.Lang != "" {
			langs[rv.Lang] = true
		}
		items = append(items, map[string]any{
			"id": rv.ExternalID, "url": rv.URL, "text": text, "rating": int(rv.Rating + 0.5),
			"time_created": rv.CreatedAt.In(loc).Format("2006-01-02 15:04:05"),
			"user":         map[string]any{"id": rv.Author.ID, "profile_url": "https://www.yelp.com/user_details?userid=" + rv.Author.ID, "image_url": nil, "name": rv.Author.Name},
		})
	}
	possible := []string{}
	for l := range langs {
		possible = append(possible, l)
	}
	sort.Strings(possible)
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]any{"reviews": items, "total": total, "possible_languages": possible})
}
