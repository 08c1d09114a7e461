package google

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

func ts(s string) time.Time {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		panic(err)
	}
	return t.UTC()
}

const loc = "4381204729110987654"

var fixtureReviews = map[string][]review.Review{
	"google-reviews-page1.json": {
		{
			ID: "google:AbFvOqnX3kT9pQ1rZ0a", Source: "google", ExternalID: "AbFvOqnX3kT9pQ1rZ0a", LocationID: loc,
			Author: review.Author{Name: "Jonas Petraitis"}, Rating: 1,
			Body:      "Užsakymas vėlavo 10 dienų, o parduotuvėje niekas negalėjo pasakyti, kur siuntinys. Prašiau grąžinti pinigus – vis dar laukiu.",
			CreatedAt: ts("2026-03-14T10:21:07.512Z"),
		},
		{
			ID: "google:AbFvOqnX3kT9pQ1rZ0b", Source: "google", ExternalID: "AbFvOqnX3kT9pQ1rZ0b", LocationID: loc,
			Author: review.Author{Name: "A Google user"}, Rating: 5,
			Body:      "Great quality sneakers, true to size, and the staff helped me pick the right colour.",
			CreatedAt: ts("2026-03-10T08:00:00Z"), UpdatedAt: ts("2026-03-13T16:45:30.020Z"),
			Reply: &review.Reply{Body: "Thank you! Enjoy your new sneakers.", CreatedAt: ts("2026-03-13T17:02:11Z"), UpdatedAt: ts("2026-03-13T17:02:11Z")},
		},
		{
			ID: "google:AbFvOqnX3kT9pQ1rZ0c", Source: "google", ExternalID: "AbFvOqnX3kT9pQ1rZ0c", LocationID: loc,
			Author: review.Author{Name: "Olga S."}, Rating: 2,
			Body:      "Консультант был груб и отказался обменять обувь.",
			CreatedAt: ts("2026-03-09T12:30:00Z"),
		},
	},
	"google-reviews-page2.json": {
		{
			ID: "google:AbFvOqnX3kT9pQ1rZ0d", Source: "google", ExternalID: "AbFvOqnX3kT9pQ1rZ0d", LocationID: loc,
			Author: review.Author{Name: "Sam Turner"}, Rating: 3,
			CreatedAt: ts("2026-03-02T09:15:00Z"),
		},
		{
			ID: "google:AbFvOqnX3kT9pQ1rZ0e", Source: "google", ExternalID: "AbFvOqnX3kT9pQ1rZ0e", LocationID: loc,
			Author: review.Author{Name: "Ирина"}, Rating: 4,
			Body:      "Хорошее качество, но размер маломерит – берите на размер больше.",
			CreatedAt: ts("2026-02-27T19:05:44Z"),
		},
	},
}

func TestDecodePageFixtures(t *testing.T) {
	t.Parallel()
	tests := []struct {
		file string
		next string
	}{
		{"google-reviews-page1.json", "CAESBkVnSUlDZw"},
		{"google-reviews-page2.json", ""},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			t.Parallel()
			p, err := decodePage(decodetest.Fixture(t, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			got := decodetest.Reviews(t, p.items)
			if diff := cmp.Diff(fixtureReviews[tt.file], got); diff != "" {
				t.Errorf("reviews (-want +got):\n%s", diff)
			}
			if p.next != tt.next {
				t.Errorf("next = %q, want %q", p.next, tt.next)
			}
		})
	}
}

func TestDecodePageBadItems(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		body    string
		wantIDs []string // ids of good items, in order
		badIDs  []string // ids of bad items ("" when unreadable)
		pageErr bool
	}{
		{name: "not json", body: `<html>`, pageErr: true},
		{name: "truncated", body: `{"reviews":[{"reviewId":"a","starRating":"ONE","createTime":"2026-01-01T00:00:00Z"}`, pageErr: true},
		{name: "reviews not array", body: `{"reviews":{}}`, pageErr: true},
		{name: "empty", body: `{}`},
		{
			name:    "wrong star word",
			body:    `{"reviews":[{"reviewId":"a","starRating":"SIX","createTime":"2026-01-01T00:00:00Z"},{"reviewId":"b","starRating":"TWO","createTime":"2026-01-01T00:00:00Z"}]}`,
			wantIDs: []string{"b"}, badIDs: []string{"a"},
		},
		{
			name:    "wrong type",
			body:    `{"reviews":[{"reviewId":"a","starRating":5,"createTime":"2026-01-01T00:00:00Z"},{"reviewId":"b","starRating":"TWO","createTime":"2026-01-01T00:00:00Z"}]}`,
			wantIDs: []string{"b"}, badIDs: []string{"a"},
		},
		{
			name:    "no id and bad time",
			body:    `{"reviews":[{"starRating":"ONE","createTime":"2026-01-01T00:00:00Z"},{"reviewId":7},{"reviewId":"c","starRating":"ONE","createTime":"yesterday"},{"reviewId":"d","starRating":"ONE","createTime":"2026-01-01T00:00:00+02:00"}]}`,
			wantIDs: []string{"d"}, badIDs: []string{"", "", "c"},
		},
		{
			name:   "bad reply time",
			body:   `{"reviews":[{"reviewId":"a","starRating":"ONE","createTime":"2026-01-01T00:00:00Z","reviewReply":{"comment":"x"}}]}`,
			badIDs: []string{"a"},
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

func TestDecodeUTC(t *testing.T) {
	t.Parallel()
	p, err := decodePage([]byte(`{"reviews":[{"reviewId":"a","starRating":"STAR_RATING_UNSPECIFIED","createTime":"2026-01-01T02:00:00.123456+02:00"}]}`))
	if err != nil || len(p.items) != 1 || p.items[0].err != nil {
		t.Fatalf("decode: %v %+v", err, p.items)
	}
	rv := p.items[0].rv
	if want := time.Date(2026, 1, 1, 0, 0, 0, 123456000, time.UTC); !rv.CreatedAt.Equal(want) || rv.CreatedAt.Location() != time.UTC {
		t.Errorf("CreatedAt = %v, want %v in UTC", rv.CreatedAt, want)
	}
	if rv.Rating != 0 {
		t.Errorf("unspecified rating = %v, want 0", rv.Rating)
	}
}

func TestSplitComment(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in, orig, tr string
	}{
		{"plain text", "plain text", ""},
		{"", "", ""},
		{"(Translated by Google) Hello\n\n(Original)\nLabas", "Labas", "Hello"},
		{"Labas\n\n(Translated by Google)\nHello", "Labas", "Hello"},
		{"(Translated by Google) no original marker", "(Translated by Google) no original marker", ""},
		{" (Translated by Google) X\n\n(Original)\nY", " (Translated by Google) X\n\n(Original)\nY", ""},
	}
	for _, tt := range tests {
		orig, tr := SplitComment(tt.in)
		if orig != tt.orig || tr != tt.tr {
			t.Errorf("SplitComment(%q) = %q, %q; want %q, %q", tt.in, orig, tr, tt.orig, tt.tr)
		}
	}
}

func FuzzDecodePage(f *testing.F) {
	f.Add(decodetest.Fixture(f, "google-reviews-page1.json"))
	f.Add(decodetest.Fixture(f, "google-reviews-page2.json"))
	f.Add([]byte(`{"reviews":[{"reviewId":"a","starRating":"ONE","createTime":"2026-01-01T00:00:00Z","reviewReply":{"comment":"x","updateTime":"2026-01-02T00:00:00Z"}}]}`))
	f.Add([]byte(`{"reviews":[null,1,"x",{}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := decodePage(data)
		if err != nil {
			if len(p.items) != 0 {
				t.Fatalf("page error with %d items", len(p.items))
			}
			return
		}
		decodetest.CheckItems(t, Name, p.items, decodetest.Rules{Unrated: true, Dated: true, UTC: true, ReplyDated: true})
	})
}

// bigPage builds a list response with n reviews in the documented shape.
func bigPage(n int) []byte {
	var b strings.Builder
	b.WriteString(`{"reviews":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		id := "Rv" + strings.Repeat("x", 10) + string(rune('a'+i%26)) + strconv.Itoa(i)
		b.WriteString(`{"name":"accounts/1/locations/2/reviews/` + id + `","reviewId":"` + id +
			`","reviewer":{"profilePhotoUrl":"https://lh3.example.invalid/p.jpg","displayName":"Reviewer ` + strconv.Itoa(i) +
			`","isAnonymous":false},"starRating":"FOUR","comment":"Good shoes, delivery took a while but the staff answered every question quickly.",` +
			`"createTime":"2026-03-14T10:21:07.512Z","updateTime":"2026-03-15T10:21:07Z","reviewReply":{"comment":"Thank you for the kind words.","updateTime":"2026-03-15T11:00:00Z"}}`)
	}
	b.WriteString(`],"averageRating":4,"totalReviewCount":1000,"nextPageToken":"tok"}`)
	return []byte(b.String())
}

func BenchmarkDecodePage100(b *testing.B) {
	data := bigPage(100)
	decodetest.Bench(b, data, 100, func(data []byte) (int, error) {
		p, err := decodePage(data)
		return len(p.items), err
	})
}

func TestDecodeBatchFixture(t *testing.T) {
	t.Parallel()
	p, err := decodeBatch(decodetest.Fixture(t, "google-batchgetreviews-page1.json"))
	if err != nil {
		t.Fatal(err)
	}
	want := []review.Review{
		{
			ID: "google:AbFvOqnX3kT9pQ1rZ0a", Source: "google", ExternalID: "AbFvOqnX3kT9pQ1rZ0a", LocationID: loc,
			Author: review.Author{Name: "Jonas Petraitis"}, Rating: 1,
			Body:      "Užsakymas vėlavo 10 dienų. Prašiau grąžinti pinigus – vis dar laukiu.",
			CreatedAt: ts("2026-03-14T10:21:07.512Z"),
		},
		{
			ID: "google:XyZ0aB1cD2eF3gH4iJ5", Source: "google", ExternalID: "XyZ0aB1cD2eF3gH4iJ5", LocationID: "9001200300400500600",
			Author: review.Author{Name: "Emily R."}, Rating: 5,
			Body:      "Picked up my order in 20 minutes, everything was perfect.",
			CreatedAt: ts("2026-03-12T11:11:11Z"),
		},
	}
	var got []review.Review
	for _, it := range p.items {
		if it.err != nil {
			t.Fatalf("item %s: %v", it.id, it.err)
		}
		got = append(got, it.rv)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("reviews (-want +got):\n%s", diff)
	}
	if p.next != "CAESBkVnSUlEUQ" {
		t.Errorf("next = %q", p.next)
	}
	// A review without its own name takes the entry's location; broken
	// entries are reported one by one.
	p, err = decodeBatch([]byte(`{"locationReviews":[{"name":"accounts/1/locations/77","review":{"reviewId":"a","starRating":"ONE","createTime":"2026-01-01T00:00:00Z"}},{"name":"x"},{"review":{"reviewId":"c","starRating":1}},7]}`))
	if err != nil {
		t.Fatal(err)
	}
	if it := p.items[0]; it.err != nil || it.rv.LocationID != "77" {
		t.Errorf("first entry = %+v", it)
	}
	var bad []string
	for _, it := range p.items[1:] {
		if it.err == nil {
			t.Errorf("broken entry decoded: %+v", it.rv)
		}
		bad = append(bad, it.id)
	}
	if diff := cmp.Diff([]string{"", "c", ""}, bad); diff != "" {
		t.Errorf("bad ids (-want +got):\n%s", diff)
	}
}

func FuzzDecodeBatch(f *testing.F) {
	f.Add(decodetest.Fixture(f, "google-batchgetreviews-page1.json"))
	f.Add([]byte(`{"locationReviews":[null,{},{"review":null},{"name":"accounts/1/locations/2","review":{"reviewId":"x","starRating":"TWO","createTime":"2026-01-01T00:00:00Z"}}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := decodeBatch(data)
		if err != nil {
			return
		}
		for _, it := range p.items {
			if it.err == nil && (it.rv.ExternalID == "" || it.rv.CreatedAt.IsZero()) {
				t.Fatalf("decoded review without id or time: %+v", it.rv)
			}
		}
	})
}
