package sourcestest

import (
	"encoding/json"
	"io"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/reputekit/repute/review"
)

// Google imitates the Google Business Profile API v4 reviews endpoints for
// one account and location: GET .../reviews (pageSize, pageToken,
// nextPageToken; newest update first), PUT and DELETE .../reviews/{id}/reply,
// and POST accounts/{a}/locations:batchGetReviews over the main location
// and those added with AddLocation.
// An unknown account, location or review gets 404 in Google's error shape.
// Page tokens are opaque to clients; like the real ones, they do not pin
// the list, so a review added at the top shifts later pages.
//
// Serve it with NewServer(t, g). Safe for concurrent use.
type Google struct {
	// Account and Location are the numeric ids the server answers for.
	Account, Location string

	mu      sync.Mutex
	reviews []review.Review // in list order (newest update first)
	// others holds the reviews of further locations of the account, served
	// only through batchGetReviews.
	others map[string][]review.Review
}

// AddLocation gives the account another location with reviews rs, which
// POST .../locations:batchGetReviews serves together with the main one.
func (g *Google) AddLocation(location string, rs ...review.Review) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.others == nil {
		g.others = map[string][]review.Review{}
	}
	g.others[location] = append(g.others[location], rs...)
	if g.others[location] == nil {
		g.others[location] = []review.Review{}
	}
}

// NewGoogle returns a Google server holding rs, which it lists in the
// order given (put the most recently updated first). Only the fields the
// API carries are served: ExternalID, Author.Name, Rating (whole stars),
// Body, CreatedAt, UpdatedAt and Reply (Body, UpdatedAt or CreatedAt).
func NewGoogle(account, location string, rs ...review.Review) *Google {
	return &Google{Account: account, Location: location, reviews: append([]review.Review(nil), rs...)}
}

// Prepend adds rv at the top of the list (a new or just edited review).
func (g *Google) Prepend(rv review.Review) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.reviews = append([]review.Review{rv}, g.reviews...)
}

// Reviews returns a copy of the reviews the server holds, replies
// included, in list order.
func (g *Google) Reviews() []review.Review {
	g.mu.Lock()
	defer g.mu.Unlock()
	out := make([]review.Review, len(g.reviews))
	for i, rv := range g.reviews {
		if rv.Reply != nil {
			rp := *rv.Reply
			rv.Reply = &rp
		}
		out[i] = rv
	}
	return out
}

// googleError writes Google's standard error body.
func googleError(w http.ResponseWriter, code int, status, msg string) {
	b, _ := json.Marshal(map[string]any{"error": map[string]any{"code": code, "message": msg, "status": status}})
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	w.Write(b)
}

var googleWords = [...]string{"STAR_RATING_UNSPECIFIED", "ONE", "TWO", "THREE", "FOUR", "FIVE"}

// googleWire renders rv as a v4 Review resource.
func (g *Google) googleWire(location string, rv *review.Review) map[string]any {
	stars := int(rv.Rating + 0.5)
	if stars < 0 || stars > 5 {
		stars = 0
	}
	upd := rv.UpdatedAt
	if upd.IsZero() {
		upd = rv.CreatedAt
	}
	m := map[string]any{
		"name":       "accounts/" + g.Account + "/locations/" + location + "/reviews/" + rv.ExternalID,
		"reviewId":   rv.ExternalID,
		"reviewer":   map[string]any{"displayName": rv.Author.Name, "isAnonymous": rv.Author.Name == ""},
		"starRating": googleWords[stars],
		"createTime": rv.CreatedAt.UTC().Format(time.RFC3339Nano),
		"updateTime": upd.UTC().Format(time.RFC3339Nano),
	}
	if rv.Body != "" {
		m["comment"] = rv.Body
	}
	if rv.Reply != nil {
		t := rv.Reply.UpdatedAt
		if t.IsZero() {
			t = rv.Reply.CreatedAt
		}
		m["reviewReply"] = map[string]any{"comment": rv.Reply.Body, "updateTime": t.UTC().Format(time.RFC3339Nano)}
	}
	return m
}

// ServeHTTP answers the list and reply calls.
func (g *Google) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodPost && r.URL.Path == "/v4/accounts/"+g.Account+"/locations:batchGetReviews" {
		g.batch(w, r)
		return
	}
	prefix := "/v4/accounts/" + g.Account + "/locations/" + g.Location + "/reviews"
	rest, ok := strings.CutPrefix(r.URL.Path, prefix)
	if !ok {
		googleError(w, http.StatusNotFound, "NOT_FOUND", "Requested entity was not found.")
		return
	}
	if rest == "" && r.Method == http.MethodGet {
		g.list(w, r)
		return
	}
	id, ok := strings.CutSuffix(strings.TrimPrefix(rest, "/"), "/reply")
	if !ok || id == "" || strings.Contains(id, "/") {
		googleError(w, http.StatusNotFound, "NOT_FOUND", "Requested entity was not found.")
		return
	}
	switch r.Method {
	case http.MethodPut:
		var body struct {
			Comment string `json:"comment"`
		}
		data, _ := io.ReadAll(r.Body)
		if json.Unmarshal(data, &body) != nil || body.Comment == "" {
			googleError(w, http.StatusBadRequest, "INVALID_ARGUMENT", "Request contains an invalid argument.")
			return
		}
		now := time.Now().UTC().Truncate(time.Second)
		if !g.setReply(id, &review.Reply{Body: body.Comment, CreatedAt: now, UpdatedAt: now}) {
			googleError(w, http.StatusNotFound, "NOT_FOUND", "Requested entity was not found.")
			return
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]any{"comment": body.Comment, "updateTime": now.Format(time.RFC3339Nano)})
	case http.MethodDelete:
		if !g.setReply(id, nil) {
			googleError(w, http.StatusNotFound, "NOT_FOUND", "Requested entity was not found.")
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte("{}"))
	default:
		googleError(w, http.StatusMethodNotAllowed, "INVALID_ARGUMENT", "Method not allowed.")
	}
}

func (g *Google) setReply(id string, rp *review.Reply) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	for i := range g.reviews {
		if g.reviews[i].ExternalID == id {
			g.reviews[i].Reply = rp
			return true
		}
	}
	return false
}

func (g *Google) list(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	size := 50
	if v := q.Get("pageSize"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			googleError(w, http.StatusBadRequest, "INVALID_ARGUMENT", "Invalid pageSize.")
			return
		}
		size = min(n, 50)
	}
	offset := 0
	if tok := q.Get("pageToken"); tok != "" {
		n, err := strconv.Atoi(strings.TrimPrefix(tok, "CAES"))
		if err != nil || !strings.HasPrefix(tok, "CAES") || n < 0 {
			googleError(w, http.StatusBadRequest, "INVALID_ARGUMENT", "Invalid pageToken.")
			return
		}
		offset = n
	}
	g.mu.Lock()
	total := len(g.reviews)
	var items []map[string]any
	var sum float64
	for i := range g.reviews {
		sum += g.reviews[i].Rating
		if i >= offset && i < offset+size {
			items = append(items, g.googleWire(g.Location, &g.reviews[i]))
		}
	}
	g.mu.Unlock()
	body := map[string]any{"reviews": items, "totalReviewCount": total}
	if total > 0 {
		body["averageRating"] = sum / float64(total)
	}
	if offset+size < total {
		body["nextPageToken"] = "CAES" + strconv.Itoa(offset+size)
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(body)
}

// batch answers batchGetReviews: the reviews of the named locations,
// newest update first, pageSize (at most 50) per page.
func (g *Google) batch(w http.ResponseWriter, r *http.Request) {
	var req struct {
		LocationNames []string `json:"locationNames"`
		PageSize      int      `json:"pageSize"`
		PageToken     string   `json:"pageToken"`
	}
	data, _ := io.ReadAll(r.Body)
	if json.Unmarshal(data, &req) != nil || len(req.LocationNames) == 0 || len(req.LocationNames) > 50 || req.PageSize < 0 {
		googleError(w, http.StatusBadRequest, "INVALID_ARGUMENT", "Request contains an invalid argument.")
		return
	}
	size := req.PageSize
	if size == 0 || size > 50 {
		size = 50
	}
	offset := 0
	if req.PageToken != "" {
		n, err := strconv.Atoi(strings.TrimPrefix(req.PageToken, "CAES"))
		if err != nil || !strings.HasPrefix(req.PageToken, "CAES") || n < 0 {
			googleError(w, http.StatusBadRequest, "INVALID_ARGUMENT", "Invalid pageToken.")
			return
		}
		offset = n
	}
	type located struct {
		loc string
		rv  review.Review
	}
	var all []located
	g.mu.Lock()
	for _, name := range req.LocationNames {
		loc, ok := strings.CutPrefix(name, "accounts/"+g.Account+"/locations/")
		other, known := g.others[loc]
		var rs []review.Review
		switch {
		case ok && loc == g.Location:
			rs = g.reviews
		case ok && known:
			rs = other
		default:
			g.mu.Unlock()
			googleError(w, http.StatusNotFound, "NOT_FOUND", "Location not found: "+name)
			return
		}
		for _, rv := range rs {
			all = append(all, located{loc, rv})
		}
	}
	g.mu.Unlock()
	upd := func(rv *review.Review) time.Time {
		if rv.UpdatedAt.IsZero() {
			return rv.CreatedAt
		}
		return rv.UpdatedAt
	}
	sort.SliceStable(all, func(i, j int) bool { return upd(&all[i].rv).After(upd(&all[j].rv)) })
	items := []any{}
	for i := offset; i < len(all) && i < offset+size; i++ {
		items = append(items, map[string]any{
			"name":   "accounts/" + g.Account + "/locations/" + all[i].loc,
			"review": g.googleWire(all[i].loc, &all[i].rv),
		})
	}
	body := map[string]any{"locationReviews": items}
	if offset+size < len(all) {
		body["nextPageToken"] = "CAES" + strconv.Itoa(offset+size)
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(body)
}
