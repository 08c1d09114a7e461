package yelp

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

// pdt is a fixed stand-in for America/Los_Angeles in March 2026 after
// the DST switch (PDT, UTC−7), so the test needs no zone database.
var pdt = time.FixedZone("PDT", -7*3600)

func utc(y int, mo time.Month, d, h, mi, s int) time.Time {
	return time.Date(y, mo, d, h, mi, s, 0, time.UTC)
}

func TestDecodePageFixture(t *testing.T) {
	t.Parallel()
	p, err := decodePage(decodetest.Fixture(t, "yelp-reviews-page1.json"), pdt)
	if err != nil {
		t.Fatal(err)
	}
	want := []review.Review{
		{
			ID: "yelp:xAG4O7l-t1ubbwVAlPnDKg", Source: "yelp", ExternalID: "xAG4O7l-t1ubbwVAlPnDKg",
			URL:    "https://www.yelp.com/biz/example-boutique-chicago?adjust_creative=abc&hrid=xAG4O7l-t1ubbwVAlPnDKg",
			Author: review.Author{Name: "Ella A.", ID: "W8UK02IDdRS2GL_66fuq6w"}, Rating: 1,
			Body:      "Ordered a dress online for in-store pickup. They gave me the wrong size and the manager was dismissive when I asked for a refund...",
			CreatedAt: utc(2026, 3, 14, 1, 22, 5),
		},
		{
			ID: "yelp:1JNmYjJXr9ZbsfZUAgkeXQ", Source: "yelp", ExternalID: "1JNmYjJXr9ZbsfZUAgkeXQ",
			URL:    "https://www.yelp.com/biz/example-boutique-chicago?adjust_creative=abc&hrid=1JNmYjJXr9ZbsfZUAgkeXQ",
			Author: review.Author{Name: "Mindaugas V.", ID: "oR3ueWpX1Zc8ZtJvGSSs2A"}, Rating: 5,
			Body:      "Beautiful knitwear, great quality for the price. Staff remembered my name on the second visit!",
			CreatedAt: utc(2026, 3, 10, 18, 40, 51),
		},
		{
			ID: "yelp:8uuHGfpmrFEzt9hKzPFwhQ", Source: "yelp", ExternalID: "8uuHGfpmrFEzt9hKzPFwhQ",
			URL:    "https://www.yelp.com/biz/example-boutique-chicago?adjust_creative=abc&hrid=8uuHGfpmrFEzt9hKzPFwhQ",
			Author: review.Author{Name: "Pat D.", ID: "k6H1sM0qJ0xW8iVt4Yz3Ew"}, Rating: 3,
			Body:      "Shipping took three weeks instead of the promised five days. The jacket itself is fine.",
			CreatedAt: utc(2026, 3, 2, 16, 5, 0),
		},
	}
	got := decodetest.Reviews(t, p.items)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("reviews (-want +got):\n%s", diff)
	}
	if p.total != 87 {
		t.Errorf("total = %d, want 87", p.total)
	}
}

func TestDecodeLosAngeles(t *testing.T) {
	t.Parallel()
	la, err := time.LoadLocation("America/Los_Angeles")
	if err != nil {
		t.Skipf("no zone database: %v", err)
	}
	body := `{"reviews":[{"id":"w","rating":2,"time_created":"2026-01-10 10:00:00"},{"id":"s","rating":2,"time_created":"2026-07-10 10:00:00"}],"possible_languages":["en"]}`
	p, err := decodePage([]byte(body), la)
	if err != nil {
		t.Fatal(err)
	}
	got := []time.Time{p.items[0].rv.CreatedAt, p.items[1].rv.CreatedAt}
	want := []time.Time{utc(2026, 1, 10, 18, 0, 0), utc(2026, 7, 10, 17, 0, 0)}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("winter/summer times (-want +got):\n%s", diff)
	}
	if p.items[0].rv.Lang != "en" {
		t.Errorf("Lang = %q, want en from the only possible language", p.items[0].rv.Lang)
	}
}

func TestDecodePageBadItems(t *testing.T) {
	t.Parallel()
	const good = `{"id":"g","rating":3,"time_created":"2026-03-02 09:05:00"}`
	tests := []struct {
		name    string
		body    string
		wantIDs []string
		badIDs  []string
		pageErr bool
	}{
		{name: "html", body: `<html>`, pageErr: true},
		{name: "truncated", body: `{"reviews":[` + good, pageErr: true},
		{name: "empty", body: `{"reviews":[],"total":0}`},
		{
			name:    "bad fields",
			body:    `{"reviews":[{"id":"a","rating":"3","time_created":"2026-03-02 09:05:00"},{"id":"b","rating":3,"time_created":"2026-03-02T09:05:00Z"},{"rating":3,"time_created":"2026-03-02 09:05:00"},{"id":"d","rating":0,"time_created":"2026-03-02 09:05:00"},` + good + `]}`,
			wantIDs: []string{"g"}, badIDs: []string{"a", "b", "", "d"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p, err := decodePage([]byte(tt.body), pdt)
			if (err != nil) != tt.pageErr {
				t.Fatalf("page error = %v, want error %v", err, tt.pageErr)
			}
			decodetest.CheckIDs(t, p.items, tt.wantIDs, tt.badIDs)
		})
	}
}

func FuzzDecodePage(f *testing.F) {
	f.Add(decodetest.Fixture(f, "yelp-reviews-page1.json"))
	f.Add([]byte(`{"reviews":[null,{},{"id":"x","rating":5,"time_created":"0000-01-01 00:00:00"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := decodePage(data, pdt)
		if err != nil {
			return
		}
		decodetest.CheckItems(t, Name, p.items, decodetest.Rules{UTC: true})
	})
}

func bigPage(n int) []byte {
	var b strings.Builder
	b.WriteString(`{"reviews":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		id := "xAG4O7l-t1ubbwVA" + strconv.Itoa(100000+i)
		b.WriteString(`{"id":"` + id + `","url":"https://www.yelp.com/biz/example-boutique-chicago?adjust_creative=abc&hrid=` + id +
			`","text":"Ordered a dress online for in-store pickup. They gave me the wrong size...","rating":2,"time_created":"2026-03-13 18:22:05",` +
			`"user":{"id":"W8UK02IDdRS2GL_66fuq6w","profile_url":"https://www.yelp.com/user_details?userid=W8UK02IDdRS2GL_66fuq6w","image_url":null,"name":"Ella A."}}`)
	}
	b.WriteString(`],"total":87,"possible_languages":["en"]}`)
	return []byte(b.String())
}

// BenchmarkDecodePage100 decodes a 100-review page, although Yelp itself
// never sends more than three, so that the figure compares with the other
// adapters.
func BenchmarkDecodePage100(b *testing.B) {
	data := bigPage(100)
	decodetest.Bench(b, data, 100, func(data []byte) (int, error) {
		p, err := decodePage(data, pdt)
		return len(p.items), err
	})
}
