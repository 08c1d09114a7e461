package etsy

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

func unix(s int64) time.Time { return time.Unix(s, 0).UTC() }

var fixtureReviews = map[string][]review.Review{
	"etsy-reviews-page1.json": {
		{
			ID: "etsy:4012345678", Source: "etsy", ExternalID: "4012345678", ProductID: "1587654321", OrderID: "4012345678",
			Author: review.Author{ID: "987654321"}, Rating: 5,
			Body: "Gorgeous handmade mug, great quality glaze and it arrived well packed. Thank you!",
			Lang: "en", Verified: true, CreatedAt: unix(1773480000),
		},
		{
			ID: "etsy:4012345679", Source: "etsy", ExternalID: "4012345679", ProductID: "1587654322", OrderID: "4012345679",
			Rating: 2, Body: "Посылка шла больше месяца, продавец на сообщения не отвечал.",
			Lang: "ru", Verified: true, CreatedAt: unix(1773300000), UpdatedAt: unix(1773390000),
		},
	},
	"etsy-reviews-page2.json": {
		{
			ID: "etsy:4012345680", Source: "etsy", ExternalID: "4012345680", ProductID: "1587654323", OrderID: "4012345680",
			Author: review.Author{ID: "123456789"}, Rating: 4,
			Lang: "lt", Verified: true, CreatedAt: unix(1773100000),
		},
	},
}

func TestDecodePageFixtures(t *testing.T) {
	t.Parallel()
	for _, file := range []string{"etsy-reviews-page1.json", "etsy-reviews-page2.json"} {
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
			if p.count != 3 {
				t.Errorf("count = %d, want 3", p.count)
			}
		})
	}
}

func TestDecodePageBadItems(t *testing.T) {
	t.Parallel()
	const good = `{"transaction_id":9,"listing_id":1,"rating":3,"review":"ok","create_timestamp":1773100000}`
	tests := []struct {
		name    string
		body    string
		wantIDs []string
		badIDs  []string
		pageErr bool
	}{
		{name: "html", body: `<!DOCTYPE html>`, pageErr: true},
		{name: "truncated", body: `{"count":1,"results":[` + good, pageErr: true},
		{name: "results not array", body: `{"results":"x"}`, pageErr: true},
		{name: "empty", body: `{"count":0,"results":[]}`},
		{
			name:    "rating as string",
			body:    `{"results":[{"transaction_id":5,"rating":"five","create_timestamp":1},` + good + `]}`,
			wantIDs: []string{"9"}, badIDs: []string{"5"},
		},
		{
			name:    "timestamp as string, rating 0, no ids",
			body:    `{"results":[{"transaction_id":5,"rating":4,"create_timestamp":"1773100000"},{"transaction_id":6,"rating":0,"create_timestamp":1},{"rating":4,"create_timestamp":1},{"transaction_id":8,"rating":4},` + good + `]}`,
			wantIDs: []string{"9"}, badIDs: []string{"5", "6", "", "8"},
		},
		{
			name:    "fallback identity and alternate timestamp names",
			body:    `{"results":[{"listing_id":77,"rating":5,"created_timestamp":1773100000,"updated_timestamp":1773100001}]}`,
			wantIDs: []string{"77-1773100000"},
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
	f.Add(decodetest.Fixture(f, "etsy-reviews-page1.json"))
	f.Add(decodetest.Fixture(f, "etsy-reviews-page2.json"))
	f.Add([]byte(`{"results":[null,{},{"transaction_id":-1,"rating":9,"create_timestamp":-5}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := decodePage(data)
		if err != nil {
			return
		}
		decodetest.CheckItems(t, Name, p.items, decodetest.Rules{Valid: true})
	})
}

func bigPage(n int) []byte {
	var b strings.Builder
	b.WriteString(`{"count":1000,"results":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`{"shop_id":31415926,"listing_id":1587654321,"transaction_id":` + strconv.Itoa(4012345678+i) +
			`,"buyer_user_id":987654321,"rating":5,"review":"Gorgeous handmade mug, great quality glaze and it arrived well packed.","language":"en","image_url_fullxfull":null,` +
			`"create_timestamp":1773480000,"created_timestamp":1773480000,"update_timestamp":1773480000,"updated_timestamp":1773480000}`)
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
