package review

import (
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

var t0 = time.Date(2026, 5, 1, 10, 0, 0, 0, time.UTC)

func valid() Review {
	return Review{ID: "trustpilot:abc", Source: "trustpilot", ExternalID: "abc", Rating: 4, Body: "Fine.", CreatedAt: t0}
}

func TestValidate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		mutate func(*Review)
		fields []string // fields reported, in order
	}{
		{"valid", func(*Review) {}, nil},
		{"unrated is valid", func(r *Review) { r.Rating = 0 }, nil},
		{"half star", func(r *Review) { r.Rating = 4.5 }, nil},
		{"missing id and source", func(r *Review) { r.ID, r.Source = "", "" }, []string{"ID", "Source"}},
		{"rating too high", func(r *Review) { r.Rating = 7 }, []string{"Rating"}},
		{"rating below one", func(r *Review) { r.Rating = 0.5 }, []string{"Rating"}},
		{"rating NaN", func(r *Review) { r.Rating = math.NaN() }, []string{"Rating"}},
		{"zero created", func(r *Review) { r.CreatedAt = time.Time{} }, []string{"CreatedAt"}},
		{"updated before created", func(r *Review) { r.UpdatedAt = t0.Add(-time.Hour) }, []string{"UpdatedAt"}},
		{"body too long", func(r *Review) { r.Body = strings.Repeat("a", MaxBodyBytes+1) }, []string{"Body"}},
		{"bad utf8", func(r *Review) { r.Title = "ok\xff" }, []string{"Title"}},
		{"bad status", func(r *Review) { r.Status = 42 }, []string{"Status"}},
		{"reply without time", func(r *Review) { r.Reply = &Reply{Body: "thanks"} }, []string{"Reply.CreatedAt"}},
		{"everything wrong", func(r *Review) { *r = Review{Rating: -1, Body: "\xc3"} }, []string{"ID", "Source", "Rating", "CreatedAt", "Body"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rv := valid()
			tt.mutate(&rv)
			err := rv.Validate()
			var got []string
			for _, e := range unjoin(err) {
				fe, ok := errors.AsType[*FieldError](e)
				if !ok {
					t.Fatalf("error %v is not a *FieldError", e)
				}
				if !errors.Is(e, ErrInvalid) {
					t.Errorf("%v does not match ErrInvalid", e)
				}
				got = append(got, fe.Field)
			}
			if diff := cmp.Diff(tt.fields, got); diff != "" {
				t.Errorf("fields (-want +got):\n%s", diff)
			}
		})
	}
}

func unjoin(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

func TestFieldErrorMessage(t *testing.T) {
	t.Parallel()
	err := Review{ID: "x", Source: "s", Rating: 9, CreatedAt: t0}.Validate()
	if got, want := err.Error(), `review "x": Rating: 9 is outside 1–5 (0 means unrated)`; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

func TestJSONRoundTrip(t *testing.T) {
	t.Parallel()
	rv := Review{
		ID: "google:AbF1", Source: "google", ExternalID: "AbF1", URL: "https://example.com/r/1",
		ProductID: "p1", LocationID: "l1", OrderID: "o1",
		Author: Author{Name: "Rūta", ID: "u1", ReviewCount: 3}, Rating: 4.5,
		Title: "Gerai", Body: "Labai patiko, bet pristatymas vėlavo.", Lang: "lt", Verified: true, Helpful: 2,
		CreatedAt: t0, UpdatedAt: t0.Add(time.Hour),
		Reply:  &Reply{Body: "Ačiū!", Author: "Shop", CreatedAt: t0.Add(2 * time.Hour)},
		Status: Flagged,
	}
	b, err := json.Marshal(rv)
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{`"external_id"`, `"created_at"`, `"review_count"`, `"status":"flagged"`} {
		if !strings.Contains(string(b), key) {
			t.Errorf("JSON %s lacks %s", b, key)
		}
	}
	var back Review
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(rv, back); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
	// The zero review round-trips too (omitzero keeps UpdatedAt zero).
	var zero, zback Review
	b, _ = json.Marshal(zero)
	if err := json.Unmarshal(b, &zback); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(zero, zback); diff != "" {
		t.Errorf("zero round trip (-want +got):\n%s", diff)
	}
}

func TestStatusText(t *testing.T) {
	t.Parallel()
	for s := Published; s <= Flagged; s++ {
		b, err := s.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var back Status
		if err := back.UnmarshalText(b); err != nil || back != s {
			t.Errorf("%v: round trip gave %v, %v", s, back, err)
		}
		if s.String() != string(b) {
			t.Errorf("String %q != text %q", s.String(), b)
		}
	}
	var s Status
	if err := s.UnmarshalText([]byte("deleted")); err == nil {
		t.Error("unknown status accepted")
	}
	if _, err := Status(9).MarshalText(); err == nil {
		t.Error("unknown status marshalled")
	}
	if got := Status(9).String(); got != "Status(9)" {
		t.Errorf("String() = %q", got)
	}
}

func TestRatingHelpers(t *testing.T) {
	t.Parallel()
	ten := []struct {
		in, want float64
		err      bool
	}{{10, 5, false}, {9, 4.5, false}, {1, 1, false}, {2, 1, false}, {0, 0, false}, {11, 0, true}, {-2, 0, true}, {0.5, 0, true}}
	for _, tt := range ten {
		got, err := FromTen(tt.in)
		if (err != nil) != tt.err || got != tt.want {
			t.Errorf("FromTen(%v) = %v, %v; want %v (err %v)", tt.in, got, err, tt.want, tt.err)
		}
	}
	words := map[string]float64{"ONE": 1, "two": 2, " THREE ": 3, "FOUR": 4, "Five": 5, "STAR_RATING_UNSPECIFIED": 0, "": 0}
	for w, want := range words {
		if got, err := FromWord(w); err != nil || got != want {
			t.Errorf("FromWord(%q) = %v, %v; want %v", w, got, err, want)
		}
	}
	if _, err := FromWord("SIX"); err == nil {
		t.Error("FromWord(SIX) accepted")
	}
	if FromRecommendation(true) != 5 || FromRecommendation(false) != 1 {
		t.Error("recommendation mapping changed")
	}
}
