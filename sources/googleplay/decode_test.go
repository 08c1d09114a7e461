package googleplay

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

func unix(s, ns int64) time.Time { return time.Unix(s, ns).UTC() }

var fixtureReviews = map[string][]review.Review{
	"googleplay-reviews-page1.json": {
		{
			ID: "googleplay:gp:AOqpTOE1xYz-example-0001", Source: "googleplay", ExternalID: "gp:AOqpTOE1xYz-example-0001",
			Author: review.Author{Name: "Agnė Jankauskaitė"}, Rating: 1,
			Body: "Programėlė rodo, kad užsakymas pristatytas, bet siuntinio negavau jau savaitę. Prašau grąžinti pinigus.",
			Lang: "lt", Helpful: 3, CreatedAt: unix(1773482400, 120000000),
		},
		{
			ID: "googleplay:gp:AOqpTOE1xYz-example-0002", Source: "googleplay", ExternalID: "gp:AOqpTOE1xYz-example-0002",
			Author: review.Author{Name: "Alex Morgan"}, Rating: 5,
			Body: "Checkout is smooth and the size guide is finally accurate. Great quality clothes.",
			Lang: "en", CreatedAt: unix(1773396000, 0),
			Reply: &review.Reply{Body: "Thanks Alex! Glad the new size guide helps.", CreatedAt: unix(1773399600, 0), UpdatedAt: unix(1773399600, 0)},
		},
	},
	"googleplay-reviews-page2.json": {
		{
			ID: "googleplay:gp:AOqpTOE1xYz-example-0003", Source: "googleplay", ExternalID: "gp:AOqpTOE1xYz-example-0003",
			Author: review.Author{Name: "Павел"}, Rating: 2,
			Body: "После обновления приложение вылетает при оплате. Поддержка в чате отвечает шаблонами.",
			Lang: "ru", Helpful: 7, CreatedAt: unix(1773309600, 500000000),
		},
	},
}

func TestDecodePageFixtures(t *testing.T) {
	t.Parallel()
	tests := []struct {
		file string
		next string
	}{
		{"googleplay-reviews-page1.json", "ChsKFzE3NzMzOTYwMDAwMDAjZXhhbXBsZRAC"},
		{"googleplay-reviews-page2.json", ""},
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
	const good = `{"reviewId":"g","comments":[{"userComment":{"text":"ok","starRating":4,"lastModified":{"seconds":1773309600}}}]}`
	tests := []struct {
		name    string
		body    string
		wantIDs []string
		badIDs  []string
		pageErr bool
	}{
		{name: "not json", body: `<html>`, pageErr: true},
		{name: "truncated", body: `{"reviews":[` + good, pageErr: true},
		{name: "empty", body: `{}`},
		{name: "good numeric seconds", body: `{"reviews":[` + good + `]}`, wantIDs: []string{"g"}},
		{
			name:    "star as string",
			body:    `{"reviews":[{"reviewId":"a","comments":[{"userComment":{"starRating":"five","lastModified":{"seconds":"1"}}}]},` + good + `]}`,
			wantIDs: []string{"g"}, badIDs: []string{"a"},
		},
		{
			name:    "no user comment, bad seconds, star out of range",
			body:    `{"reviews":[{"reviewId":"a","comments":[]},{"reviewId":"b","comments":[{"userComment":{"starRating":1,"lastModified":{"seconds":"x"}}}]},{"reviewId":"c","comments":[{"userComment":{"starRating":6,"lastModified":{"seconds":"1"}}}]},` + good + `]}`,
			wantIDs: []string{"g"}, badIDs: []string{"a", "b", "c"},
		},
		{
			name:   "no id, bad reply time",
			body:   `{"reviews":[{"comments":[]},{"reviewId":"r","comments":[{"userComment":{"starRating":1,"lastModified":{"seconds":"5"}}},{"developerComment":{"text":"x"}}]}]}`,
			badIDs: []string{"", "r"},
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

func TestLangCode(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{"lt": "lt", "en_US": "en", "pt-BR": "pt", "": "", "fil": "", "RU": "ru"} {
		if got := langCode(in); got != want {
			t.Errorf("langCode(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzDecodePage(f *testing.F) {
	f.Add(decodetest.Fixture(f, "googleplay-reviews-page1.json"))
	f.Add(decodetest.Fixture(f, "googleplay-reviews-page2.json"))
	f.Add([]byte(`{"reviews":[{"reviewId":"a","comments":[{"userComment":{"starRating":3,"lastModified":{"seconds":"-1","nanos":-5}}}]}]}`))
	f.Add([]byte(`{"reviews":[null,{},[]]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := decodePage(data)
		if err != nil {
			return
		}
		decodetest.CheckItems(t, Name, p.items, decodetest.Rules{Unrated: true, Dated: true, Text: true})
	})
}

func bigPage(n int) []byte {
	var b strings.Builder
	b.WriteString(`{"reviews":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`{"reviewId":"gp:AOqpTOE1xYz-bench-` + strconv.Itoa(i) + `","authorName":"Reviewer ` + strconv.Itoa(i) +
			`","comments":[{"userComment":{"text":"The app crashes at checkout since the last update, please fix it soon.","lastModified":{"seconds":"1773482400","nanos":120000000},` +
			`"starRating":2,"reviewerLanguage":"en","device":"a52q","androidOsVersion":34,"appVersionCode":4120,"appVersionName":"4.12.0","thumbsUpCount":3,"thumbsDownCount":0,` +
			`"deviceMetadata":{"productName":"a52q (Galaxy A52)","manufacturer":"Samsung","deviceClass":"phone","screenWidthPx":1080,"screenHeightPx":2400,"nativePlatform":"arm64-v8a","screenDensityDpi":420,"glEsVersion":196610,"ramMb":6144}}},` +
			`{"developerComment":{"text":"Sorry about that, a fix is on its way.","lastModified":{"seconds":"1773486000","nanos":0}}}]}`)
	}
	b.WriteString(`],"tokenPagination":{"nextPageToken":"tok"},"pageInfo":{"totalResults":1000,"resultPerPage":100,"startIndex":0}}`)
	return []byte(b.String())
}

func BenchmarkDecodePage100(b *testing.B) {
	data := bigPage(100)
	decodetest.Bench(b, data, 100, func(data []byte) (int, error) {
		p, err := decodePage(data)
		return len(p.items), err
	})
}
