package decodetest

import (
	"errors"
	"testing"
	"time"

	"github.com/reputekit/repute/review"
)

type entry struct {
	rv  review.Review
	id  string
	err error
}

func (e entry) Parts() (review.Review, string, error) { return e.rv, e.id, e.err }

func good(id string) entry {
	return entry{rv: review.Review{ID: review.Key("x", id), Source: "x", ExternalID: id, Rating: 4, Body: "ok",
		CreatedAt: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), Reply: &review.Reply{Body: "thanks", CreatedAt: time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)}}, id: id}
}

func TestHelpers(t *testing.T) {
	t.Parallel()
	if got := string(Fixture(t, "page.json")); got != "{\"items\":[]}\n" {
		t.Errorf("Fixture = %q", got)
	}
	whole := []entry{good("a"), good("b")}
	if rs := Reviews(t, whole); len(rs) != 2 || rs[1].ExternalID != "b" {
		t.Errorf("Reviews = %v", rs)
	}
	mixed := []entry{good("a"), {id: "b", err: errors.New("bad rating")}, good("c"), {err: errors.New("no id")}}
	CheckIDs(t, mixed, []string{"a", "c"}, []string{"b", ""})
	CheckItems(t, "x", mixed, Rules{Dated: true, UTC: true, Text: true, ReplyDated: true, Valid: true})
	unrated := good("u")
	unrated.rv.Rating = 0
	CheckItems(t, "x", []entry{unrated}, Rules{Unrated: true})
}

func BenchmarkBench(b *testing.B) {
	Bench(b, []byte("{}"), 2, func([]byte) (int, error) { return 2, nil })
}
