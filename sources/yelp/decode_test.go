package yelp

import (
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/reputekit/repute/review"
)

func readFixture(tb testing.TB, name string) []byte {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// pdt is a fixed stand-in for America/Los_Angeles in March 2026 after
// the DST switch (PDT, UTC−7), so the test needs no zone database.
var pdt = time.FixedZone("PDT", -7*3600)

func utc(y int, mo time.Month, d, h, mi, s int) time.Time {
	return time.Date(y, mo, d, h, mi, s, 0, time.UTC)
}

func TestDecodePageFixture(t *testing.T) {
	t.Parallel()
	p, err := decodePage(readFixture(t, "yelp-reviews-page1.json"), pdt)
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
	var got []review.Review
	for _, it := range p.items {
		if it.err != nil {
			t.Fatalf("item %s: %v", it.id, it.err)
		}
		if err := it.rv.Validate(); err != nil {
			t.Errorf("invalid review: %v", err)
		}
		got = append(got, it.rv)
	}
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
			var good, bad []string
			for _, it := range p.items {
				if it.err != nil {
					bad = append(bad, it.id)
					continue
				}
				good = append(good, it.rv.ExternalID)
			}
			if diff := cmp.Diff(tt.wantIDs, good); diff != "" {
				t.Errorf("good ids (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.badIDs, bad); diff != "" {
				t.Errorf("bad ids (-want +got):\n%s", diff)
			}
		})
	}
}

func FuzzDecodePage(f *testing.F) {
	f.Add(readFixture(f, "yelp-reviews-page1.json"))
	f.Add([]byte(`{"reviews":[null,{},{"id":"x","rating":5,"time_created":"0000-01-01 00:00:00"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := decodePage(data, pdt)
		if err != nil {
			return
		}
		for _, it := range p.items {
			if it.err != nil {
				continue
			}
			rv := it.rv
			if rv.ExternalID == "" || rv.ID != review.Key(Name, rv.ExternalID) || rv.Source != Name {
				t.Fatalf("bad identity %q %q %q", rv.ID, rv.Source, rv.ExternalID)
			}
			if rv.Rating < 1 || rv.Rating > 5 {
				t.Fatalf("rating %v", rv.Rating)
			}
			if rv.CreatedAt.Location() != time.UTC {
				t.Fatalf("CreatedAt %v", rv.CreatedAt)
			}
		}
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
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for b.Loop() {
		p, err := decodePage(data, pdt)
		if err != nil || len(p.items) != 100 {
			b.Fatal(err)
		}
	}
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.Mallocs-before.Mallocs)/float64(b.N*100), "allocs/review")
}
