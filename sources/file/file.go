package file

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/reputekit/repute/review"
	"github.com/reputekit/repute/sources"
)

// Platform is the Review.Source of imported reviews (unless KeepSource).
const Platform = "file"

// MaxLineBytes is the longest line read; a longer line is reported as a
// bad line and skipped.
const MaxLineBytes = 1 << 20

// Format is a file format.
type Format uint8

// The formats.
const (
	// Auto picks the format from the file extension.
	Auto Format = iota
	CSV
	JSONLines
)

// String returns "auto", "csv" or "jsonl".
func (f Format) String() string {
	switch f {
	case CSV:
		return "csv"
	case JSONLines:
		return "jsonl"
	}
	return "auto"
}

const (
	settingFormat = "file.format"
	settingKeep   = "file.keepsource"
)

// WithFormat sets the format instead of guessing it from the extension.
func WithFormat(f Format) sources.Option {
	return func(c *sources.Config) error {
		if f != CSV && f != JSONLines {
			return fmt.Errorf("%w: file.WithFormat: unknown format %d", sources.ErrInvalidOption, f)
		}
		return sources.WithSetting(settingFormat, f.String())(c)
	}
}

// KeepSource keeps each record's own source (e.g. "trustpilot") instead of
// "file", and uses external_id as ExternalID.
func KeepSource() sources.Option { return sources.WithSetting(settingKeep, "1") }

// Client reads one file. It implements sources.Source; each walk reopens
// the file. Safe for concurrent use.
type Client struct {
	path   string
	format Format
	opts   options
}

var _ sources.Source = (*Client)(nil)

// options are the decoding choices shared by Client and Read.
type options struct {
	keepSource bool
	loc        *time.Location
}

// New returns a client for the file at path. The format comes from the
// extension (.csv, .jsonl, .ndjson) unless WithFormat sets it. The file
// must exist and be readable now.
func New(path string, opts ...sources.Option) (*Client, error) {
	cfg, err := sources.NewConfig(sources.Config{Platform: Platform, BaseURL: "file:///"}, opts...)
	if err != nil {
		return nil, fmt.Errorf("file: %w", err)
	}
	c := &Client{path: path, opts: options{keepSource: cfg.Setting(settingKeep) != "", loc: cfg.Location}}
	switch cfg.Setting(settingFormat) {
	case "csv":
		c.format = CSV
	case "jsonl":
		c.format = JSONLines
	default:
		switch strings.ToLower(filepath.Ext(path)) {
		case ".csv":
			c.format = CSV
		case ".jsonl", ".ndjson", ".json":
			c.format = JSONLines
		default:
			return nil, fmt.Errorf("file: %w: cannot tell the format of %q; use file.WithFormat", sources.ErrInvalidOption, filepath.Base(path))
		}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("file: %w", err)
	}
	f.Close()
	return c, nil
}

// Name returns "file".
func (c *Client) Name() string { return Platform }

// Reviews returns a single-use iterator over the file's reviews in file
// order. Query.Since, Until and Max apply; the cursor is ignored.
func (c *Client) Reviews(ctx context.Context, q sources.Query) iter.Seq2[review.Review, error] {
	return func(yield func(review.Review, error) bool) {
		f, err := os.Open(c.path)
		if err != nil {
			yield(review.Review{}, fmt.Errorf("file: %w", err))
			return
		}
		defer f.Close()
		for rv, err := range read(ctx, f, filepath.Base(c.path), c.format, q, c.opts) {
			if !yield(rv, err) {
				return
			}
		}
	}
}

// Read returns a single-use iterator over the reviews in r, in the given
// format (CSV or JSONLines); name labels errors (a file name).
func Read(ctx context.Context, r io.Reader, name string, format Format, q sources.Query) iter.Seq2[review.Review, error] {
	return read(ctx, r, name, format, q, options{})
}

func read(ctx context.Context, r io.Reader, name string, format Format, q sources.Query, o options) iter.Seq2[review.Review, error] {
	return func(yield func(review.Review, error) bool) {
		seen := map[string]int{} // id → line
		count := 0
		emit := func(line int, rv review.Review, err error) bool {
			if err == nil {
				if first, dup := seen[rv.ExternalID]; dup {
					err = &sources.DecodeError{Source: Platform, ExternalID: rv.ExternalID, Page: name, Item: line,
						Err: fmt.Errorf("duplicate of line %d", first)}
				} else {
					seen[rv.ExternalID] = line
					if !q.Match(&rv) {
						return true
					}
					count++
				}
			}
			if !yield(rv, err) {
				return false
			}
			return err != nil || q.Max <= 0 || count < q.Max
		}
		var err error
		switch format {
		case CSV:
			err = readCSV(ctx, r, name, o, emit)
		case JSONLines:
			err = readJSONL(ctx, r, name, o, emit)
		default:
			err = fmt.Errorf("file: %w: format %v", sources.ErrInvalidOption, format)
		}
		if err != nil {
			yield(review.Review{}, err)
		}
	}
}

type emitFunc func(line int, rv review.Review, err error) bool

func bad(name string, line int, id string, err error) error {
	return &sources.DecodeError{Source: Platform, ExternalID: id, Page: name, Item: line, Err: err}
}

func readJSONL(ctx context.Context, r io.Reader, name string, o options, emit emitFunc) error {
	br := bufio.NewReaderSize(r, 64<<10)
	var long []byte
	for line := 1; ; line++ {
		if line%256 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		chunk, err := br.ReadSlice('\n')
		tooLong := false
		if errors.Is(err, bufio.ErrBufferFull) {
			long = append(long[:0], chunk...)
			for errors.Is(err, bufio.ErrBufferFull) {
				chunk, err = br.ReadSlice('\n')
				if len(long) <= MaxLineBytes {
					long = append(long, chunk...)
				}
			}
			tooLong = len(long) > MaxLineBytes
			chunk = long
		}
		if err != nil && err != io.EOF {
			return fmt.Errorf("file: %s: line %d: %w", name, line, err)
		}
		text := bytes.TrimSpace(chunk)
		if tooLong {
			if !emit(line, review.Review{}, bad(name, line, "", fmt.Errorf("line longer than %d bytes", MaxLineBytes))) {
				return nil
			}
		} else if len(text) > 0 {
			rv, derr := decodeJSONLine(text, o)
			if derr != nil {
				derr = bad(name, line, lineID(text), derr)
			}
			if !emit(line, rv, derr) {
				return nil
			}
		}
		if err == io.EOF {
			return nil
		}
	}
}

func lineID(text []byte) string {
	if id := sources.ItemID(text, "id"); id != "" {
		return id
	}
	return sources.ItemID(text, "external_id")
}

func decodeJSONLine(text []byte, o options) (review.Review, error) {
	var rv review.Review
	if err := json.Unmarshal(text, &rv); err != nil {
		return review.Review{}, fmt.Errorf("not a review: %w", err)
	}
	return finish(rv, rv.ID, o)
}

// finish applies the identity rule and the model's checks.
func finish(rv review.Review, id string, o options) (review.Review, error) {
	src := rv.Source
	switch {
	case o.keepSource && src != "":
		if rv.ExternalID == "" {
			if _, rest, ok := strings.Cut(id, ":"); ok {
				rv.ExternalID = rest
			} else {
				rv.ExternalID = id
			}
		}
	case id != "":
		rv.ExternalID = id
		src = Platform
	case rv.ExternalID != "" && src != "" && src != Platform:
		rv.ExternalID = review.Key(src, rv.ExternalID)
		src = Platform
	default:
		src = Platform
	}
	if rv.ExternalID == "" {
		return review.Review{}, errors.New("no id or external_id")
	}
	rv.Source = src
	rv.ID = review.Key(rv.Source, rv.ExternalID)
	if rv.Rating != 0 && !(rv.Rating >= 1 && rv.Rating <= 5) {
		return review.Review{}, fmt.Errorf("rating %v outside 1–5", rv.Rating)
	}
	if rv.Reply != nil && rv.Reply.Body == "" && rv.Reply.CreatedAt.IsZero() {
		rv.Reply = nil
	}
	if rv.Reply != nil && rv.Reply.CreatedAt.IsZero() {
		rv.Reply.CreatedAt = rv.CreatedAt
	}
	if err := rv.Validate(); err != nil {
		return review.Review{}, err
	}
	return rv, nil
}

// columns maps normalised header names to fields.
var columns = map[string]string{
	"id": "id", "reviewid": "id",
	"externalid": "external_id",
	"source":     "source", "platform": "source",
	"url": "url", "link": "url",
	"productid": "product_id", "product": "product_id", "sku": "product_id",
	"locationid": "location_id", "location": "location_id",
	"orderid": "order_id", "order": "order_id", "ordernumber": "order_id",
	"author": "author", "authorname": "author", "name": "author", "reviewer": "author",
	"authorid": "author_id", "reviewerid": "author_id",
	"rating": "rating", "stars": "rating", "score": "rating",
	"title": "title", "subject": "title",
	"body": "body", "text": "body", "comment": "body", "content": "body", "review": "body",
	"lang": "lang", "language": "lang",
	"verified": "verified",
	"helpful":  "helpful", "likes": "helpful",
	"createdat": "created_at", "created": "created_at", "date": "created_at",
	"updatedat": "updated_at", "updated": "updated_at",
	"reply": "reply", "replybody": "reply", "response": "reply",
	"replyauthor": "reply_author",
	"replyat":     "reply_at", "replycreatedat": "reply_at", "replydate": "reply_at",
	"status": "status",
}

func normHeader(h string) string {
	h = strings.TrimPrefix(h, "\ufeff")
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(h)) {
		if r == ' ' || r == '_' || r == '-' || r == '.' {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func readCSV(ctx context.Context, r io.Reader, name string, o options, emit emitFunc) error {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err != nil {
		if err == io.EOF {
			return nil
		}
		return fmt.Errorf("file: %s: header: %w", name, err)
	}
	index := map[string]int{}
	for i, h := range header {
		if f, ok := columns[normHeader(h)]; ok {
			if _, dup := index[f]; !dup {
				index[f] = i
			}
		}
	}
	if _, ok := index["created_at"]; !ok {
		return fmt.Errorf("file: %s: %w: the header has no created_at (or date) column", name, sources.ErrInvalidOption)
	}
	_, hasID := index["id"]
	_, hasExt := index["external_id"]
	if !hasID && !hasExt {
		return fmt.Errorf("file: %s: %w: the header has no id or external_id column", name, sources.ErrInvalidOption)
	}
	for n := 0; ; n++ {
		if n%256 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		rec, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				if !emit(pe.StartLine, review.Review{}, bad(name, pe.StartLine, "", pe.Err)) {
					return nil
				}
				continue
			}
			return fmt.Errorf("file: %s: %w", name, err)
		}
		line, _ := cr.FieldPos(0)
		get := func(f string) string {
			if i, ok := index[f]; ok && i < len(rec) {
				return rec[i]
			}
			return ""
		}
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		rv, derr := csvRecord(get, o)
		if derr != nil {
			id := get("id")
			if id == "" {
				id = get("external_id")
			}
			derr = bad(name, line, id, derr)
		}
		if !emit(line, rv, derr) {
			return nil
		}
	}
}

func csvRecord(get func(string) string, o options) (review.Review, error) {
	rv := review.Review{
		Source: get("source"), ExternalID: get("external_id"), URL: get("url"),
		ProductID: get("product_id"), LocationID: get("location_id"), OrderID: get("order_id"),
		Author: review.Author{Name: get("author"), ID: get("author_id")},
		Title:  get("title"), Body: get("body"), Lang: get("lang"),
	}
	var err error
	if s := strings.TrimSpace(get("rating")); s != "" {
		if rv.Rating, err = strconv.ParseFloat(s, 64); err != nil {
			return review.Review{}, fmt.Errorf("rating %q is not a number", s)
		}
	}
	if s := strings.TrimSpace(get("verified")); s != "" {
		switch strings.ToLower(s) {
		case "true", "yes", "y", "1":
			rv.Verified = true
		case "false", "no", "n", "0":
		default:
			return review.Review{}, fmt.Errorf("verified %q is not a yes/no value", s)
		}
	}
	if s := strings.TrimSpace(get("helpful")); s != "" {
		if rv.Helpful, err = strconv.Atoi(s); err != nil || rv.Helpful < 0 {
			return review.Review{}, fmt.Errorf("helpful %q is not a count", s)
		}
	}
	if rv.CreatedAt, err = parseTime(get("created_at"), o.loc); err != nil {
		return review.Review{}, fmt.Errorf("created_at: %w", err)
	}
	if s := get("updated_at"); strings.TrimSpace(s) != "" {
		if rv.UpdatedAt, err = parseTime(s, o.loc); err != nil {
			return review.Review{}, fmt.Errorf("updated_at: %w", err)
		}
	}
	if body := get("reply"); body != "" {
		rp := &review.Reply{Body: body, Author: get("reply_author")}
		if s := get("reply_at"); strings.TrimSpace(s) != "" {
			if rp.CreatedAt, err = parseTime(s, o.loc); err != nil {
				return review.Review{}, fmt.Errorf("reply_at: %w", err)
			}
		}
		rv.Reply = rp
	}
	if s := strings.TrimSpace(get("status")); s != "" {
		if err := rv.Status.UnmarshalText([]byte(strings.ToLower(s))); err != nil {
			return review.Review{}, fmt.Errorf("status %q unknown", s)
		}
	}
	return finish(rv, get("id"), o)
}

var layouts = []string{"2006-01-02 15:04:05", "2006-01-02T15:04:05", "2006-01-02"}

func parseTime(s string, loc *time.Location) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, errors.New("missing")
	}
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t.UTC(), nil
	}
	if loc == nil {
		loc = time.UTC
	}
	for _, l := range layouts {
		if t, err := time.ParseInLocation(l, s, loc); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a time (RFC 3339 or 2006-01-02[ 15:04:05])", s)
}
