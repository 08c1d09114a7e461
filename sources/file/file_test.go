package file

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/reputekit/repute/review"
	"github.com/reputekit/repute/sources"
)

// outcome is one thing a walk yielded: a review id or "line N: cause".
func outcomes(t *testing.T, seq func(func(review.Review, error) bool)) []string {
	t.Helper()
	var out []string
	for rv, err := range seq {
		if err != nil {
			if de, ok := errors.AsType[*sources.DecodeError](err); ok {
				out = append(out, fmt.Sprintf("line %d (%s): %v", de.Item, de.ExternalID, de.Err))
				continue
			}
			out = append(out, "fatal: "+err.Error())
			continue
		}
		if err := rv.Validate(); err != nil {
			t.Errorf("yielded an invalid review: %v", err)
		}
		out = append(out, rv.ID)
	}
	return out
}

const goodCSV = "\ufeffReview ID,Stars,Title,Text,Author Name,Date,Verified,Reply,Reply Date,Status,SKU\n" +
	"a1,5,Great,\"Soft towels, quick delivery\",Ona,2026-03-01,yes,Thanks!,2026-03-02 09:00:00,published,T-100\n" +
	"a2,2,Late,\"Line one\nline two of the same field\",Ivan,2026-03-02T10:00:00Z,no,,,,T-100\n" +
	"a3,five,Bad rating,text,X,2026-03-03,,,,,\n" +
	"a4,4,,no title,Y,not a date,,,,,\n" +
	"a5,7,Out of range,text,Z,2026-03-05,,,,,\n" +
	"a6,3,\"broken \"quote\",text,Q,2026-03-06,,,,,\n" +
	"a7,4,Fine,ok,W,2026-03-07,,,,flagged,\n" +
	"a1,1,Again,duplicate id,V,2026-03-08,,,,,\n" +
	",3,No id,text,U,2026-03-09,,,,,\n" +
	"a8,,Unrated,text,T,2026-03-10,maybe,,,,\n" +
	"a9,,Unrated,text,T,2026-03-10,,,,,\n"

func TestCSV(t *testing.T) {
	t.Parallel()
	got := outcomes(t, Read(t.Context(), strings.NewReader(goodCSV), "shop.csv", CSV, sources.Query{}))
	want := []string{
		"file:a1",
		"file:a2",
		`line 5 (a3): rating "five" is not a number`,
		`line 6 (a4): created_at: "not a date" is not a time (RFC 3339 or 2006-01-02[ 15:04:05])`,
		"line 7 (a5): rating 7 outside 1–5",
		`line 8 (): extraneous or missing " in quoted-field`,
		"file:a7",
		"line 10 (a1): duplicate of line 2",
		"line 11 (): no id or external_id",
		`line 12 (a8): verified "maybe" is not a yes/no value`,
		"file:a9",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
}

func TestCSVMapping(t *testing.T) {
	t.Parallel()
	var got []review.Review
	for rv, err := range Read(t.Context(), strings.NewReader(goodCSV), "shop.csv", CSV, sources.Query{Max: 2}) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, rv)
	}
	want := []review.Review{
		{ID: "file:a1", Source: "file", ExternalID: "a1", ProductID: "T-100", Author: review.Author{Name: "Ona"}, Rating: 5,
			Title: "Great", Body: "Soft towels, quick delivery", Verified: true, CreatedAt: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC),
			Reply: &review.Reply{Body: "Thanks!", CreatedAt: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)}},
		{ID: "file:a2", Source: "file", ExternalID: "a2", ProductID: "T-100", Author: review.Author{Name: "Ivan"}, Rating: 2,
			Title: "Late", Body: "Line one\nline two of the same field", CreatedAt: time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
}

func TestCSVHeaderErrors(t *testing.T) {
	t.Parallel()
	for _, in := range []string{"id,rating\na,5\n", "rating,date\n5,2026-01-01\n"} {
		got := outcomes(t, Read(t.Context(), strings.NewReader(in), "x.csv", CSV, sources.Query{}))
		if len(got) != 1 || !strings.HasPrefix(got[0], "fatal: file: x.csv: sources: invalid option") {
			t.Errorf("%q: %v", in, got)
		}
	}
	if got := outcomes(t, Read(t.Context(), strings.NewReader(""), "x.csv", CSV, sources.Query{})); len(got) != 0 {
		t.Errorf("empty file: %v", got)
	}
}

const jsonl = `{"external_id":"e1","source":"trustpilot","rating":4,"body":"ok","created_at":"2026-03-01T10:00:00Z"}
{"id":"google:g1","source":"google","external_id":"g1","rating":5,"created_at":"2026-03-02T10:00:00Z","reply":{"body":"thanks"}}

{"id":"x1","rating":"five","created_at":"2026-03-03T10:00:00Z"}
{"id":"x2","rating":2,"created_at":"2026-03-04T10:00:00Z"
{"id":"x3","rating":2}
{"id":"x4","rating":3,"created_at":"2026-03-05T10:00:00Z","status":"deleted-by-mod"}
not json at all
{"id":"x5","rating":1,"created_at":"2026-03-06T10:00:00Z","body":"last line has no newline"}`

func TestJSONLines(t *testing.T) {
	t.Parallel()
	got := outcomes(t, Read(t.Context(), strings.NewReader(jsonl), "x.jsonl", JSONLines, sources.Query{}))
	want := []string{
		"file:trustpilot:e1",
		"file:google:g1",
		`line 4 (x1): not a review: json: cannot unmarshal string into Go struct field Review.rating of type float64`,
		"line 5 (): not a review: unexpected end of JSON input",
		`line 6 (x3): review "file:x3": CreatedAt: missing`,
		`line 7 (x4): not a review: review: unknown status "deleted-by-mod"`,
		"line 8 (): not a review: invalid character 'o' in literal null (expecting 'u')",
		"file:x5",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
}

func TestKeepSourceAndWindow(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "export.ndjson")
	if err := os.WriteFile(path, []byte(jsonl), 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := New(path, KeepSource())
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	q := sources.Query{Since: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)}
	for rv, err := range c.Reviews(t.Context(), q) {
		if err == nil {
			ids = append(ids, rv.ID)
		}
	}
	if diff := cmp.Diff([]string{"google:g1", "file:x5"}, ids); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
	if c.Name() != "file" {
		t.Errorf("Name() = %q", c.Name())
	}
	if _, err := New(filepath.Join(dir, "reviews.txt")); !errors.Is(err, sources.ErrInvalidOption) {
		t.Errorf("unknown extension: %v", err)
	}
	if _, err := New(filepath.Join(dir, "missing.csv")); err == nil {
		t.Error("missing file accepted")
	}
}

func TestLongLine(t *testing.T) {
	t.Parallel()
	in := `{"id":"a","created_at":"2026-03-01T10:00:00Z"}` + "\n" + strings.Repeat("x", MaxLineBytes+10) + "\n" + `{"id":"b","created_at":"2026-03-01T10:00:00Z"}`
	got := outcomes(t, Read(t.Context(), strings.NewReader(in), "x.jsonl", JSONLines, sources.Query{}))
	want := []string{"file:a", "line 2 (): line longer than 1048576 bytes", "file:b"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
}

// The quickstart's sample and bad-lines files, when present, import cleanly
// and with every bad line reported.
func TestQuickstartFiles(t *testing.T) {
	t.Parallel()
	dir := filepath.Join("..", "..", "examples", "quickstart")
	c, err := New(filepath.Join(dir, "sample.jsonl"), KeepSource())
	if err != nil {
		t.Skipf("quickstart sample not available: %v", err)
	}
	n := 0
	for _, err := range c.Reviews(t.Context(), sources.Query{}) {
		if err != nil {
			t.Errorf("sample: %v", err)
		}
		n++
	}
	if n != 121 {
		t.Errorf("sample: %d reviews, want the 121 SAMPLE.md lists", n)
	}
}

func FuzzJSONLines(f *testing.F) {
	f.Add([]byte(jsonl))
	f.Add([]byte("{}\n\n{\"id\":1}"))
	f.Add([]byte(`{"id":"a","rating":3,"created_at":"2026-03-01T10:00:00Z","reply":{"body":""}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzCheck(t, data, JSONLines)
	})
}

func FuzzCSV(f *testing.F) {
	f.Add([]byte(goodCSV))
	f.Add([]byte("id,date\n\"a,2026-01-01\n"))
	f.Add([]byte("id,date,rating\na,2026-01-01,NaN\nb,2026-01-01,Inf\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzCheck(t, data, CSV)
	})
}

func fuzzCheck(t *testing.T, data []byte, format Format) {
	seen := map[string]bool{}
	for rv, err := range Read(t.Context(), strings.NewReader(string(data)), "fuzz", format, sources.Query{}) {
		if err != nil {
			if de, ok := errors.AsType[*sources.DecodeError](err); ok && de.Item < 1 {
				t.Fatalf("bad line number in %v", err)
			}
			continue
		}
		if err := rv.Validate(); err != nil {
			t.Fatalf("invalid review yielded: %v", err)
		}
		if seen[rv.ID] {
			t.Fatalf("review %s yielded twice", rv.ID)
		}
		seen[rv.ID] = true
	}
}
