// Package decodetest holds the checks that the adapters' decoder tests
// share: reading fixtures, splitting a decoded page into good and bad
// items, the invariants a fuzzed decoder must keep, and the decode
// benchmark. It is internal because it works on each adapter's unexported
// page entries through Item; sourcestest.TestAdapter is the public
// harness for the adapters' HTTP side.
package decodetest

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/reputekit/repute/review"
)

// Item is one entry of a decoded page: the review, or the id that was
// readable and why the review could not be decoded. An adapter's tests
// give its page entry a Parts method.
type Item interface {
	Parts() (rv review.Review, id string, err error)
}

// Fixture returns the contents of testdata/name.
func Fixture(tb testing.TB, name string) []byte {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// Reviews returns the reviews of a page that must decode whole: it fails
// the test on an item that did not decode or a review that does not
// validate.
func Reviews[I Item](t *testing.T, items []I) []review.Review {
	t.Helper()
	var got []review.Review
	for _, it := range items {
		rv, id, err := it.Parts()
		if err != nil {
			t.Fatalf("item %s: %v", id, err)
		}
		if err := rv.Validate(); err != nil {
			t.Errorf("invalid review: %v", err)
		}
		got = append(got, rv)
	}
	return got
}

// CheckIDs compares the external ids of the items that decoded, and the
// ids of those that did not, with the wanted ones, in order.
func CheckIDs[I Item](t *testing.T, items []I, wantGood, wantBad []string) {
	t.Helper()
	var good, bad []string
	for _, it := range items {
		rv, id, err := it.Parts()
		if err != nil {
			bad = append(bad, id)
			continue
		}
		good = append(good, rv.ExternalID)
	}
	if diff := cmp.Diff(wantGood, good); diff != "" {
		t.Errorf("good ids (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(wantBad, bad); diff != "" {
		t.Errorf("bad ids (-want +got):\n%s", diff)
	}
}

// Rules are the invariants a decoded review keeps, beyond its identity
// (an external id, ID review.Key(platform, id), Source platform) and a
// rating of 1 to 5.
type Rules struct {
	// Unrated allows a rating of 0 (no stars given).
	Unrated bool
	// Dated: CreatedAt is set.
	Dated bool
	// UTC: CreatedAt is in time.UTC.
	UTC bool
	// Text: CreatedAt marshals as text (a year of 0 to 9999).
	Text bool
	// ReplyDated: a reply has a CreatedAt.
	ReplyDated bool
	// Valid: the review validates, unless its body is over
	// review.MaxBodyBytes.
	Valid bool
}

// CheckItems fails a fuzz test when a review that decoded breaks r.
// Items that did not decode are not checked.
func CheckItems[I Item](t *testing.T, platform string, items []I, r Rules) {
	t.Helper()
	for _, it := range items {
		rv, _, err := it.Parts()
		if err != nil {
			continue
		}
		if rv.ExternalID == "" || rv.ID != review.Key(platform, rv.ExternalID) || rv.Source != platform {
			t.Fatalf("bad identity %q %q %q", rv.ID, rv.Source, rv.ExternalID)
		}
		if (rv.Rating != 0 || !r.Unrated) && (rv.Rating < 1 || rv.Rating > 5) {
			t.Fatalf("rating %v", rv.Rating)
		}
		if (r.Dated && rv.CreatedAt.IsZero()) || (r.UTC && rv.CreatedAt.Location() != time.UTC) {
			t.Fatalf("CreatedAt %v", rv.CreatedAt)
		}
		if r.Text {
			if _, err := rv.CreatedAt.MarshalText(); err != nil {
				t.Fatalf("CreatedAt %v: %v", rv.CreatedAt, err)
			}
		}
		if r.ReplyDated && rv.Reply != nil && rv.Reply.CreatedAt.IsZero() {
			t.Fatal("reply without time")
		}
		if r.Valid {
			if err := rv.Validate(); err != nil && len(rv.Body) <= review.MaxBodyBytes {
				t.Fatalf("invalid review: %v", err)
			}
		}
	}
}

// Bench times decode over data, a page of n reviews, and reports the
// allocations per review. decode returns the number of items it read.
func Bench(b *testing.B, data []byte, n int, decode func([]byte) (int, error)) {
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for b.Loop() {
		got, err := decode(data)
		if err != nil || got != n {
			b.Fatalf("decoded %d items, %v; want %d", got, err, n)
		}
	}
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.Mallocs-before.Mallocs)/float64(b.N*n), "allocs/review")
}
