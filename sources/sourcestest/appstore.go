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

// AppStoreHost is the host the AppStore server writes into its links, as
// Apple does; clients must follow them on their own base URL.
const AppStoreHost = "https://api.appstoreconnect.apple.com"

// AppStore imitates the App Store Connect customer-review endpoints for one
// app: GET /v1/apps/{id}/customerReviews (limit up to 200, cursor,
// include=response, links.next as an absolute URL on Apple's host), POST
// /v1/customerReviewResponses, GET /v1/customerReviews/{id}/response and
// DELETE /v1/customerReviewResponses/{id}. Errors use JSON:API's
// {"errors": [...]} shape. Cursors encode an offset, so a review added at
// the top shifts later pages.
//
// Serve it with NewServer(t, a) or httptest. Safe for concurrent use.
type AppStore struct {
	// AppID is the app id the server answers for.
	AppID string

	mu      sync.Mutex
	reviews []review.Review
}

// NewAppStore returns a server holding rs in list order (newest first).
// Served fields: ExternalID, Author.Name (reviewerNickname), Rating, Title,
// Body, CreatedAt and Reply (Body, UpdatedAt or CreatedAt).
func NewAppStore(appID string, rs ...review.Review) *AppStore {
	return &AppStore{AppID: appID, reviews: append([]review.Review(nil), rs...)}
}

// Prepend adds rv at the top of the list.
func (a *AppStore) Prepend(rv review.Review) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.reviews = append([]review.Review{rv}, a.reviews...)
}

// Reviews returns a copy of the reviews held, responses included.
func (a *AppStore) Reviews() []review.Review {
	a.mu.Lock()
	defer a.mu.Unlock()
	out := make([]review.Review, len(a.reviews))
	for i, rv := range a.reviews {
		if rv.Reply != nil {
			rp := *rv.Reply
			rv.Reply = &rp
		}
		out[i] = rv
	}
	return out
}

func appStoreError(w http.ResponseWriter, status int, code, detail string) {
	b, _ := json.Marshal(map[string]any{"errors": []any{map[string]any{
		"id": "00000000-0000-4000-8000-000000000000", "status": strconv.Itoa(status), "code": code, "title": http.StatusText(status), "detail": detail,
	}}})
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(b)
}

func appStoreResponseID(reviewID string) string { return "resp-" + reviewID }

func appStoreResponse(rv *review.Review) map[string]any {
	t := rv.Reply.UpdatedAt
	if t.IsZero() {
		t = rv.Reply.CreatedAt
	}
	return map[string]any{
		"type": "customerReviewResponses", "id": appStoreResponseID(rv.ExternalID),
		"attributes":    map[string]any{"responseBody": rv.Reply.Body, "lastModifiedDate": t.Format(time.RFC3339), "state": "PUBLISHED"},
		"relationships": map[string]any{"review": map[string]any{"data": map[string]any{"type": "customerReviews", "id": rv.ExternalID}}},
	}
}

func appStoreReview(rv *review.Review) map[string]any {
	rel := map[string]any{"links": map[string]any{"related": AppStoreHost + "/v1/customerReviews/" + rv.ExternalID + "/response"}}
	if rv.Reply != nil {
		rel["data"] = map[string]any{"type": "customerReviewResponses", "id": appStoreResponseID(rv.ExternalID)}
	}
	return map[string]any{
		"type": "customerReviews", "id": rv.ExternalID,
		"attributes": map[string]any{
			"rating": int(rv.Rating + 0.5), "title": rv.Title, "body": rv.Body, "reviewerNickname": rv.Author.Name,
			"createdDate": rv.CreatedAt.In(time.FixedZone("PDT", -7*3600)).Format(time.RFC3339), "territory": "LTU",
		},
		"relationships": map[string]any{"response": rel},
		"links":         map[string]any{"self": AppStoreHost + "/v1/customerReviews/" + rv.ExternalID},
	}
}

// ServeHTTP answers the list and response calls.
func (a *AppStore) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p := r.URL.Path
	switch {
	case r.Method == http.MethodGet && p == "/v1/apps/"+a.AppID+"/customerReviews":
		a.list(w, r)
	case r.Method == http.MethodPost && p == "/v1/customerReviewResponses":
		a.respond(w, r)
	case r.Method == http.MethodGet && strings.HasPrefix(p, "/v1/customerReviews/") && strings.HasSuffix(p, "/response"):
		id := strings.TrimSuffix(strings.TrimPrefix(p, "/v1/customerReviews/"), "/response")
		a.mu.Lock()
		var data any
		found := false
		for i := range a.reviews {
			if a.reviews[i].ExternalID == id {
				found = true
				if a.reviews[i].Reply != nil {
					data = appStoreResponse(&a.reviews[i])
				}
			}
		}
		a.mu.Unlock()
		if !found {
			appStoreError(w, http.StatusNotFound, "NOT_FOUND", "There is no resource of type 'customerReviews' with id '"+id+"'")
			return
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]any{"data": data})
	case r.Method == http.MethodDelete && strings.HasPrefix(p, "/v1/customerReviewResponses/"):
		rid := strings.TrimPrefix(p, "/v1/customerReviewResponses/")
		a.mu.Lock()
		found := false
		for i := range a.reviews {
			if a.reviews[i].Reply != nil && appStoreResponseID(a.reviews[i].ExternalID) == rid {
				a.reviews[i].Reply = nil
				found = true
			}
		}
		a.mu.Unlock()
		if !found {
			appStoreError(w, http.StatusNotFound, "NOT_FOUND", "There is no resource of type 'customerReviewResponses' with id '"+rid+"'")
			return
		}
		w.WriteHeader(http.StatusNoContent)
	default:
		appStoreError(w, http.StatusNotFound, "NOT_FOUND", "The specified resource does not exist")
	}
}

func (a *AppStore) respond(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Data struct {
			Type       string `json:"type"`
			Attributes struct {
				ResponseBody string `json:"responseBody"`
			} `json:"attributes"`
			Relationships struct {
				Review struct {
					Data struct{ Type, ID string } `json:"data"`
				} `json:"review"`
			} `json:"relationships"`
		} `json:"data"`
	}
	data, _ := io.ReadAll(r.Body)
	if json.Unmarshal(data, &req) != nil || req.Data.Type != "customerReviewResponses" || req.Data.Attributes.ResponseBody == "" {
		appStoreError(w, http.StatusUnprocessableEntity, "ENTITY_ERROR", "The request entity is not valid.")
		return
	}
	id := req.Data.Relationships.Review.Data.ID
	now := time.Now().UTC().Truncate(time.Second)
	a.mu.Lock()
	var out map[string]any
	for i := range a.reviews {
		if a.reviews[i].ExternalID == id {
			a.reviews[i].Reply = &review.Reply{Body: req.Data.Attributes.ResponseBody, CreatedAt: now, UpdatedAt: now}
			out = appStoreResponse(&a.reviews[i])
			out["attributes"].(map[string]any)["state"] = "PENDING_PUBLISH"
		}
	}
	a.mu.Unlock()
	if out == nil {
		appStoreError(w, http.StatusNotFound, "NOT_FOUND", "There is no resource of type 'customerReviews' with id '"+id+"'")
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusCreated)
	json.NewEncoder(w).Encode(map[string]any{"data": out})
}

func (a *AppStore) list(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	size := 50
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 200 {
			appStoreError(w, http.StatusBadRequest, "PARAMETER_ERROR.INVALID", "'"+v+"' is not a valid value for 'limit'")
			return
		}
		size = n
	}
	offset := 0
	if cur := q.Get("cursor"); cur != "" {
		n, err := strconv.Atoi(strings.TrimPrefix(cur, "Ag."))
		if err != nil || !strings.HasPrefix(cur, "Ag.") || n < 0 {
			appStoreError(w, http.StatusBadRequest, "PARAMETER_ERROR.INVALID", "invalid cursor")
			return
		}
		offset = n
	}
	include := q.Get("include") == "response"
	a.mu.Lock()
	total := len(a.reviews)
	data, included := []any{}, []any{}
	for i := offset; i < total && i < offset+size; i++ {
		data = append(data, appStoreReview(&a.reviews[i]))
		if include && a.reviews[i].Reply != nil {
			included = append(included, appStoreResponse(&a.reviews[i]))
		}
	}
	a.mu.Unlock()
	self := AppStoreHost + r.URL.Path + "?" + r.URL.RawQuery
	links := map[string]any{"self": self}
	if offset+size < total {
		nq := r.URL.Query()
		nq.Set("cursor", "Ag."+strconv.Itoa(offset+size))
		links["next"] = AppStoreHost + r.URL.Path + "?" + nq.Encode()
	}
	body := map[string]any{"data": data, "links": links, "meta": map[string]any{"paging": map[string]any{"total": total, "limit": size}}}
	if len(included) > 0 {
		body["included"] = included
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(body)
}
