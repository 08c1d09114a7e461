package lightspeed

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/reputekit/repute/review"
	"github.com/reputekit/repute/sources/internal/decodetest"
)

// Parts gives decodetest the parts of a decoded entry.
func (it item) Parts() (review.Review, string, error) { return it.rv, it.id, it.err }

func utc(y int, mo time.Month, d, h, mi, s int) time.Time {
	return time.Date(y, mo, d, h, mi, s, 0, time.UTC)
}

var fixtureReviews = map[string][]review.Review{
	"lightspeed-reviews-page1.json": {
		{
			ID: "lightspeed:9101", Source: "lightspeed", ExternalID: "9101", ProductID: "770001",
			Author: review.Author{Name: "Rūta", ID: "55001"}, Rating: 1,
			Body: "Batai atkeliavo po trijų savaičių, dėžė sulamdyta. Parašiau dėl pinigų grąžinimo, atsakymo negavau.",
			Lang: "lt", CreatedAt: utc(2026, 3, 14, 10, 2, 33),
		},
		{
			ID: "lightspeed:9100", Source: "lightspeed", ExternalID: "9100", ProductID: "770002",
			Author: review.Author{Name: "Anna"}, Rating: 5,
			Body: "Great quality wool, the scarf is thick and soft. Delivered in two days.",
			Lang: "en", CreatedAt: utc(2026, 3, 13, 15, 45, 0),
		},
	},
	"lightspeed-reviews-page2.json": {
		{
			ID: "lightspeed:9099", Source: "lightspeed", ExternalID: "9099", ProductID: "770003",
			Author: review.Author{Name: "Сергей", ID: "55002"}, Rating: 2,
			Body: "Прислали не тот размер, а поддержка ответила только через неделю.",
			Lang: "ru", CreatedAt: utc(2026, 3, 12, 8, 10, 0), Status: review.Hidden,
		},
	},
}

func TestDecodePageFixtures(t *testing.T) {
	t.Parallel()
	for _, file := range []string{"lightspeed-reviews-page1.json", "lightspeed-reviews-page2.json"} {
		t.Run(file, func(t *testing.T) {
			t.Parallel()
			p, err := decodePage(decodetest.Fixture(t, file))
			if err != nil {
				t.Fatal(err)
			}
			got := decodetest.Reviews(t, p.items)
			if diff := cmp.Diff(fixtureReviews[file], got); diff != "" {
				t.Errorf("reviews (-want +got):\n%s", diff)
			}
			if p.scale != ScaleStars {
				t.Errorf("scale = %v, want stars (the fixtures use 1–5)", p.scale)
			}
		})
	}
}

func TestScoreForms(t *testing.T) {
	t.Parallel()
	rv := func(id int, score string) string {
		return `{"id":` + strconv.Itoa(id) + `,"createdAt":"2026-03-12T09:10:00+01:00","score":` + score + `}`
	}
	tests := []struct {
		name   string
		scores []string
		want   []float64 // -1 = decode error
		scale  Scale
	}{
		{"stars", []string{"1", "5", "3"}, []float64{1, 5, 3}, ScaleStars},
		{"fractions", []string{"0.2", "1", "0.8", "0"}, []float64{1, 5, 4, 0}, ScaleFraction},
		{"tiny fraction clamps to one star", []string{"0.05"}, []float64{1}, ScaleFraction},
		{"only ones read as stars", []string{"1", "1", "0"}, []float64{1, 1, 0}, ScaleStars},
		{"half stars", []string{"4.5", "2"}, []float64{4.5, 2}, ScaleStars},
		{"fraction on a star page is an error", []string{"0.5", "4"}, []float64{-1, 4}, ScaleStars},
		{"out of range", []string{"6", "-1", "3"}, []float64{-1, -1, 3}, ScaleStars},
		{"string score", []string{`"4"`, "4"}, []float64{-1, 4}, ScaleStars},
		{"null score is unrated", []string{"null", "4"}, []float64{0, 4}, ScaleStars},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var parts []string
			for i, s := range tt.scores {
				parts = append(parts, rv(i+1, s))
			}
			p, err := decodePage([]byte(`{"reviews":[` + strings.Join(parts, ",") + `]}`))
			if err != nil {
				t.Fatal(err)
			}
			var got []float64
			for _, it := range p.items {
				if it.err != nil {
					got = append(got, -1)
					continue
				}
				got = append(got, it.rv.Rating)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ratings (-want +got):\n%s", diff)
			}
			if p.scale != tt.scale {
				t.Errorf("scale = %v, want %v", p.scale, tt.scale)
			}
		})
	}
}

func TestDecodePageBadItems(t *testing.T) {
	t.Parallel()
	const good = `{"id":9,"createdAt":"2026-03-12T09:10:00+01:00","score":3,"customer":false,"product":false,"language":false}`
	tests := []struct {
		name    string
		body    string
		wantIDs []string
		badIDs  []string
		pageErr bool
	}{
		{name: "html", body: `<html>`, pageErr: true},
		{name: "truncated", body: `{"reviews":[` + good, pageErr: true},
		{name: "empty", body: `{"reviews":[]}`},
		{
			name:    "bad fields",
			body:    `{"reviews":[{"id":1,"createdAt":"2026-03-12"},{"id":2,"createdAt":"2026-03-12T09:10:00+01:00","customer":{"resource":{"id":"x"}}},{"createdAt":"2026-03-12T09:10:00+01:00"},{"id":4},{"id":5,"createdAt":"2026-03-12T09:10:00+01:00","language":"lt"},` + good + `]}`,
			wantIDs: []string{"9"}, badIDs: []string{"1", "2", "", "4", "5"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p, err := decodePage([]byte(tt.body))
			if (err != nil) != tt.pageErr {
				t.Fatalf("page error = %v, want error %v", err, tt.pageErr)
			}
			decodetest.CheckIDs(t, p.items, tt.wantIDs, tt.badIDs)
		})
	}
}

func FuzzDecodePage(f *testing.F) {
	f.Add(decodetest.Fixture(f, "lightspeed-reviews-page1.json"))
	f.Add(decodetest.Fixture(f, "lightspeed-reviews-page2.json"))
	f.Add([]byte(`{"reviews":[null,{},{"id":1,"score":0.3,"createdAt":"2026-03-12T09:10:00Z","customer":true}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := decodePage(data)
		if err != nil {
			return
		}
		decodetest.CheckItems(t, Name, p.items, decodetest.Rules{Unrated: true, Dated: true, UTC: true})
	})
}

func bigPage(n int) []byte {
	var b strings.Builder
	b.WriteString(`{"reviews":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`{"id":` + strconv.Itoa(9000+i) + `,"createdAt":"2026-03-14T11:02:33+01:00","isVisible":true,"score":4,"name":"Reviewer","content":"Warm wool scarf, thick and soft, delivered in two days.",` +
			`"language":{"id":1,"code":"en","locale":"en_GB","title":"English"},"customer":{"resource":{"id":55001,"url":"customers/55001","link":"https://api.webshopapp.com/en/customers/55001.json"}},` +
			`"product":{"resource":{"id":770001,"url":"products/770001","link":"https://api.webshopapp.com/en/products/770001.json"}}}`)
	}
	b.WriteString(`]}`)
	return []byte(b.String())
}

func BenchmarkDecodePage100(b *testing.B) {
	data := bigPage(100)
	decodetest.Bench(b, data, 100, func(data []byte) (int, error) {
		p, err := decodePage(data)
		return len(p.items), err
	})
}
