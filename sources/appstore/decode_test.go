package appstore

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
	"appstore-reviews-page1.json": {
		{
			ID: "appstore:00000028-b08c-0014-0000-000000000001", Source: "appstore", ExternalID: "00000028-b08c-0014-0000-000000000001",
			Author: review.Author{Name: "wintercoat_lt"}, Rating: 1, Title: "Refund still missing",
			Body:      "Returned the jacket three weeks ago, the app says the refund is processed but nothing arrived. Support chat keeps closing my ticket.",
			CreatedAt: utc(2026, 3, 14, 9, 11, 9),
		},
		{
			ID: "appstore:00000028-b08c-0014-0000-000000000002", Source: "appstore", ExternalID: "00000028-b08c-0014-0000-000000000002",
			Author: review.Author{Name: "Марина_К"}, Rating: 5, Title: "Отличное качество",
			Body:      "Заказывала платье через приложение – размер подошёл идеально, ткань плотная. Доставка за два дня.",
			CreatedAt: utc(2026, 3, 12, 20, 45, 0),
			Reply:     &review.Reply{Body: "Марина, спасибо за отзыв! Рады, что платье подошло.", CreatedAt: utc(2026, 3, 13, 16, 0, 0), UpdatedAt: utc(2026, 3, 13, 16, 0, 0)},
		},
	},
	"appstore-reviews-page2.json": {
		{
			ID: "appstore:00000028-b08c-0014-0000-000000000003", Source: "appstore", ExternalID: "00000028-b08c-0014-0000-000000000003",
			Author: review.Author{Name: "runner_dan"}, Rating: 3, Title: "Wrong size again",
			Body:      "Second time the shoes arrive one size smaller than ordered. Exchange was quick though.",
			CreatedAt: utc(2026, 3, 5, 16, 30, 0),
		},
	},
}

func TestDecodePageFixtures(t *testing.T) {
	t.Parallel()
	tests := []struct {
		file string
		next string
	}{
		{"appstore-reviews-page1.json", "https://api.appstoreconnect.apple.com/v1/apps/1234567890/customerReviews?cursor=Ag.AKvLMf8&limit=2&sort=-createdDate&include=response"},
		{"appstore-reviews-page2.json", ""},
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
	const good = `{"type":"customerReviews","id":"g","attributes":{"rating":4,"createdDate":"2026-03-05T08:30:00-08:00"}}`
	tests := []struct {
		name    string
		body    string
		wantIDs []string
		badIDs  []string
		pageErr bool
	}{
		{name: "html", body: `<html><body>Bad gateway</body></html>`, pageErr: true},
		{name: "truncated", body: `{"data":[` + good, pageErr: true},
		{name: "data not array", body: `{"data":{}}`, pageErr: true},
		{name: "empty", body: `{"data":[]}`},
		{
			name:    "rating as string",
			body:    `{"data":[{"type":"customerReviews","id":"a","attributes":{"rating":"five","createdDate":"2026-03-05T08:30:00-08:00"}},` + good + `]}`,
			wantIDs: []string{"g"}, badIDs: []string{"a"},
		},
		{
			name:    "rating 0, no date, no id, wrong type",
			body:    `{"data":[{"id":"a","attributes":{"rating":0,"createdDate":"2026-03-05T08:30:00-08:00"}},{"id":"b","attributes":{"rating":2}},{"attributes":{"rating":2}},{"type":"apps","id":"d"},` + good + `]}`,
			wantIDs: []string{"g"}, badIDs: []string{"a", "b", "", "d"},
		},
		{
			name: "broken included response",
			body: `{"data":[{"type":"customerReviews","id":"a","attributes":{"rating":4,"createdDate":"2026-03-05T08:30:00-08:00"},"relationships":{"response":{"data":{"type":"customerReviewResponses","id":"r1"}}}},` + good + `],` +
				`"included":[{"type":"customerReviewResponses","id":"r1","attributes":{"responseBody":7}}]}`,
			wantIDs: []string{"g"}, badIDs: []string{"a"},
		},
		{
			name:    "response found through its review link",
			body:    `{"data":[` + good + `],"included":[{"type":"customerReviewResponses","id":"r9","attributes":{"responseBody":"ok","lastModifiedDate":"2026-03-06T08:30:00Z","state":"PENDING_PUBLISH"},"relationships":{"review":{"data":{"type":"customerReviews","id":"g"}}}}]}`,
			wantIDs: []string{"g"},
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

func TestDecodeReplyThroughReviewLink(t *testing.T) {
	t.Parallel()
	body := `{"data":[{"type":"customerReviews","id":"g","attributes":{"rating":4,"createdDate":"2026-03-05T08:30:00-08:00"}}],` +
		`"included":[{"type":"customerReviewResponses","id":"r9","attributes":{"responseBody":"Thanks ","lastModifiedDate":"2026-03-06T08:30:00Z","state":"PENDING_PUBLISH"},"relationships":{"review":{"data":{"type":"customerReviews","id":"g"}}}}]}`
	p, err := decodePage([]byte(body))
	if err != nil || len(p.items) != 1 || p.items[0].err != nil {
		t.Fatalf("decode: %v %+v", err, p.items)
	}
	want := &review.Reply{Body: "Thanks ", CreatedAt: utc(2026, 3, 6, 8, 30, 0), UpdatedAt: utc(2026, 3, 6, 8, 30, 0)}
	if diff := cmp.Diff(want, p.items[0].rv.Reply); diff != "" {
		t.Errorf("reply (-want +got):\n%s", diff)
	}
}

func FuzzDecodePage(f *testing.F) {
	f.Add(decodetest.Fixture(f, "appstore-reviews-page1.json"))
	f.Add(decodetest.Fixture(f, "appstore-reviews-page2.json"))
	f.Add([]byte(`{"data":[null,{},[]],"included":[null,{"id":5}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := decodePage(data)
		if err != nil {
			return
		}
		decodetest.CheckItems(t, Name, p.items, decodetest.Rules{Dated: true, UTC: true, ReplyDated: true})
	})
}

func bigPage(n int) []byte {
	var b strings.Builder
	b.WriteString(`{"data":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		id := "00000028-b08c-0014-0000-" + strconv.Itoa(100000000000+i)
		b.WriteString(`{"type":"customerReviews","id":"` + id + `","attributes":{"rating":2,"title":"Refund still missing","body":"Returned the jacket three weeks ago, the refund has not arrived yet.",` +
			`"reviewerNickname":"user` + strconv.Itoa(i) + `","createdDate":"2026-03-14T02:11:09-07:00","territory":"LTU"},` +
			`"relationships":{"response":{"links":{"self":"https://api.appstoreconnect.apple.com/v1/customerReviews/` + id + `/relationships/response","related":"https://api.appstoreconnect.apple.com/v1/customerReviews/` + id + `/response"}}},` +
			`"links":{"self":"https://api.appstoreconnect.apple.com/v1/customerReviews/` + id + `"}}`)
	}
	b.WriteString(`],"links":{"self":"https://api.appstoreconnect.apple.com/v1/apps/1/customerReviews","next":"https://api.appstoreconnect.apple.com/v1/apps/1/customerReviews?cursor=x"},"meta":{"paging":{"total":1000,"limit":100}}}`)
	return []byte(b.String())
}

func BenchmarkDecodePage100(b *testing.B) {
	data := bigPage(100)
	decodetest.Bench(b, data, 100, func(data []byte) (int, error) {
		p, err := decodePage(data)
		return len(p.items), err
	})
}
