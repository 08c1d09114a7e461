package review

import (
	"encoding/json"
	"errors"
	"testing"
)

// FuzzDecodeValidate feeds arbitrary bytes to the JSON decoder and Validate:
// neither may panic, every Validate fault is a *FieldError, and a review
// that decodes survives a second round trip unchanged.
func FuzzDecodeValidate(f *testing.F) {
	f.Add([]byte(`{"id":"t:1","source":"trustpilot","rating":4,"body":"ok","created_at":"2026-05-01T10:00:00Z"}`))
	f.Add([]byte(`{"id":"","rating":9,"status":"flagged","reply":{"body":"x"}}`))
	f.Add([]byte(`{"rating":-1e308,"created_at":"0001-01-01T00:00:00Z","updated_at":"2026-01-01T00:00:00Z"}`))
	f.Add([]byte(`{"status":"nope"}`))
	f.Add([]byte("{\"body\":\"\xff\xfe\"}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var rv Review
		if err := json.Unmarshal(data, &rv); err != nil {
			return
		}
		if err := rv.Validate(); err != nil {
			for _, e := range unjoin(err) {
				if _, ok := errors.AsType[*FieldError](e); !ok {
					t.Fatalf("Validate returned %T: %v", e, e)
				}
			}
		}
		b, err := json.Marshal(rv)
		if err != nil {
			return // e.g. an unknown Status value cannot be marshalled
		}
		var back Review
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("re-decoding our own output: %v\n%s", err, b)
		}
		b2, _ := json.Marshal(back)
		if string(b) != string(b2) {
			t.Fatalf("round trip changed the review:\n%s\n%s", b, b2)
		}
	})
}
