package sourcestest

import "testing"

func TestSpoilReview(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, body, id, field, want string
	}{
		{"nested, and the id elsewhere too",
			`{"data":[{"attributes":{"rating":5},"id":"a"},{"attributes":{"rating":4},"id":"b"}],"included":[{"review":{"id":"b"}}]}`, "b", "rating",
			`{"data":[{"attributes":{"rating":5},"id":"a"},{"attributes":{"rating":"spoiled"},"id":"b"}],"included":[{"review":{"id":"b"}}]}`},
		{"numeric id, large numbers kept",
			`{"count":2,"results":[{"rating":5,"transaction_id":4012345678901},{"rating":3,"transaction_id":4012345678902}]}`, "4012345678902", "rating",
			`{"count":2,"results":[{"rating":5,"transaction_id":4012345678901},{"rating":"spoiled","transaction_id":4012345678902}]}`},
		{"string field becomes a number, in an array",
			`{"reviews":[{"comments":[{"userComment":{"starRating":"FIVE"}}],"reviewId":"g"}]}`, "g", "starRating",
			`{"reviews":[{"comments":[{"userComment":{"starRating":7}}],"reviewId":"g"}]}`},
		{"bool field", `{"reviews":[{"id":7,"isVisible":true}]}`, "7", "isVisible", `{"reviews":[{"id":7,"isVisible":"spoiled"}]}`},
		{"no such review", `{"reviews":[{"id":"a","rating":1}]}`, "b", "rating", `{"reviews":[{"id":"a","rating":1}]}`},
		{"no such field", `{"reviews":[{"id":"a","rating":1}]}`, "a", "stars", `{"reviews":[{"id":"a","rating":1}]}`},
		{"not JSON", `<html>`, "a", "rating", `<html>`},
	}
	for _, tt := range tests {
		// Keys in order, as json.Marshal writes them, so the text compares.
		if got := SpoilReview([]byte(tt.body), tt.id, tt.field); string(got) != tt.want {
			t.Errorf("%s: got %s, want %s", tt.name, got, tt.want)
		}
	}
}
