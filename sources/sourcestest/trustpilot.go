package sourcestest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

// TrustpilotItem returns one review in Trustpilot's wire shape (the
// private-review schema of the spec), with an invented consumer.
func TrustpilotItem(id string, stars int, created time.Time, title, text, lang string) json.RawMessage {
	m := map[string]any{
		"links":    []any{map[string]any{"href": "https://api.trustpilot.com/v1/reviews/" + id, "method": "GET", "rel": "reviews"}},
		"id":       id,
		"consumer": map[string]any{"id": "c" + id, "displayName": "Customer " + id, "displayLocation": "Vilnius, LT", "numberOfReviews": 1},
		"businessUnit": map[string]any{
			"id": "bu", "identifyingName": "example-shop.com", "displayName": "Example Shop",
		},
		"location":                        nil,
		"stars":                           stars,
		"title":                           title,
		"text":                            text,
		"language":                        lang,
		"createdAt":                       created.UTC().Format(time.RFC3339),
		"experiencedAt":                   nil,
		"updatedAt":                       nil,
		"companyReply":                    nil,
		"isVerified":                      stars%2 == 1,
		"source":                          "Organic",
		"numberOfLikes":                   0,
		"status":                          "active",
		"reportData":                      nil,
		"complianceLabels":                []string{},
		"countsTowardsTrustScore":         true,
		"countsTowardsLocationTrustScore": nil,
		"reviewVerificationLevel":         "not-verified",
	}
	b, _ := json.Marshal(m)
	return b
}

// TrustpilotID returns the 24-hex id TrustpilotItems gives item k.
func TrustpilotID(k int) string { return fmt.Sprintf("66a1f0c2b7e4a1%010x", k) }

// TrustpilotItems returns n invented Trustpilot reviews, newest first, one
// hour apart ending at newest; item k (counting from the oldest) has id
// TrustpilotID(k).
func TrustpilotItems(n int, newest time.Time) []json.RawMessage {
	return TrustpilotRange(0, n, newest)
}

// TrustpilotRange is TrustpilotItems with ids TrustpilotID(first) …
// TrustpilotID(first+n-1), so several servers can hold distinct reviews.
func TrustpilotRange(first, n int, newest time.Time) []json.RawMessage {
	out := make([]json.RawMessage, n)
	for i := range out {
		k := first + n - 1 - i
		out[i] = TrustpilotItem(TrustpilotID(k), k%5+1, newest.Add(-time.Duration(i)*time.Hour),
			"Order "+strconv.Itoa(k), "Invented review text number "+strconv.Itoa(k)+".", "en")
	}
	return out
}

// SetJSONField returns raw with the top-level field set to value (for
// edits and malformed items: SetJSONField(item, "stars", "five")).
func SetJSONField(raw json.RawMessage, field string, value any) json.RawMessage {
	var m map[string]any
	if json.Unmarshal(raw, &m) != nil {
		return raw
	}
	m[field] = value
	b, err := json.Marshal(m)
	if err != nil {
		return raw
	}
	return b
}

// TrustpilotHandler imitates the Trustpilot API for one business unit
// over items (stored newest first):
//
//   - GET /v1/business-units/{id}/reviews (needs an apikey header) and
//     GET /v1/private/business-units/{id}/reviews (needs a bearer token):
//     page (from 1), perPage (1–100, default 20), orderBy createdat.desc
//     (default) or createdat.asc; {"links": [...], "reviews": [...]} with a
//     "next-page" link while more remain; a page past the end is empty;
//   - POST and DELETE /v1/private/reviews/{id}/reply (bearer token): set or
//     clear the item's companyReply;
//   - another business unit id is 404.
func TrustpilotHandler(businessUnitID string, items *Items) http.Handler {
	mux := http.NewServeMux()
	list := func(private bool) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			if private {
				if !strings.HasPrefix(r.Header.Get("Authorization"), "Bearer ") {
					writeError(w, http.StatusUnauthorized, `{"message":"Unauthorized"}`)
					return
				}
			} else if r.Header.Get("apikey") == "" {
				writeError(w, http.StatusUnauthorized, `{"message":"Invalid ApiKey"}`)
				return
			}
			if r.PathValue("bu") != businessUnitID {
				writeError(w, http.StatusNotFound, `{"message":"Not Found"}`)
				return
			}
			q := r.URL.Query()
			page, perPage := 1, 20
			if v := q.Get("page"); v != "" {
				n, err := strconv.Atoi(v)
				if err != nil || n < 1 {
					writeError(w, http.StatusBadRequest, `{"message":"bad page"}`)
					return
				}
				page = n
			}
			if v := q.Get("perPage"); v != "" {
				n, err := strconv.Atoi(v)
				if err != nil || n < 1 || n > 100 {
					writeError(w, http.StatusBadRequest, `{"message":"bad perPage"}`)
					return
				}
				perPage = n
			}
			total := items.Len()
			lo := min(total, (page-1)*perPage)
			hi := min(total, lo+perPage)
			var reviews []json.RawMessage
			switch q.Get("orderBy") {
			case "", "createdat.desc":
				reviews = items.Slice(lo, hi-lo)
			case "createdat.asc":
				reviews = items.Slice(total-hi, hi-lo)
				slices.Reverse(reviews)
			default:
				writeError(w, http.StatusBadRequest, `{"message":"bad orderBy"}`)
				return
			}
			self := *r.URL
			self.Scheme, self.Host = "https", "api.trustpilot.com"
			links := []map[string]string{{"href": self.String(), "method": "GET", "rel": "self"}}
			if hi < total {
				nq := r.URL.Query()
				nq.Set("page", strconv.Itoa(page+1))
				next := self
				next.RawQuery = nq.Encode()
				links = append(links, map[string]string{"href": next.String(), "method": "GET", "rel": "next-page"})
			}
			if reviews == nil {
				reviews = []json.RawMessage{}
			}
			w.Header().Set("Content-Type", "application/json")
			json.NewEncoder(w).Encode(map[string]any{"links": links, "reviews": reviews})
		}
	}
	mux.HandleFunc("GET /v1/business-units/{bu}/reviews", list(false))
	mux.HandleFunc("GET /v1/private/business-units/{bu}/reviews", list(true))
	reply := func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.Header.Get("Authorization"), "Bearer ") {
			writeError(w, http.StatusUnauthorized, `{"message":"Unauthorized"}`)
			return
		}
		id := r.PathValue("id")
		var body struct {
			AuthorBusinessUserID string `json:"authorBusinessUserId"`
			Message              string `json:"message"`
		}
		if r.Method == http.MethodPost {
			if err := json.NewDecoder(r.Body).Decode(&body); err != nil || body.Message == "" || body.AuthorBusinessUserID == "" {
				writeError(w, http.StatusBadRequest, `{"message":"authorBusinessUserId and message are required"}`)
				return
			}
		}
		found := false
		items.Update(func(_ int, raw json.RawMessage) json.RawMessage {
			var head struct {
				ID string `json:"id"`
			}
			if json.Unmarshal(raw, &head) != nil || head.ID != id {
				return raw
			}
			found = true
			if r.Method == http.MethodDelete {
				return SetJSONField(raw, "companyReply", nil)
			}
			return SetJSONField(raw, "companyReply", map[string]any{
				"text": body.Message, "authorBusinessUserId": body.AuthorBusinessUserID,
				"createdAt": time.Now().UTC().Format(time.RFC3339), "updatedAt": nil,
			})
		})
		if !found {
			writeError(w, http.StatusNotFound, `{"message":"Not Found"}`)
			return
		}
		if r.Method == http.MethodDelete {
			w.WriteHeader(http.StatusNoContent)
			return
		}
		w.WriteHeader(http.StatusCreated)
	}
	mux.HandleFunc("POST /v1/private/reviews/{id}/reply", reply)
	mux.HandleFunc("DELETE /v1/private/reviews/{id}/reply", reply)
	return mux
}
