package reply

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"time"
)

// Duration is a time.Duration that reads and writes JSON as a Go duration
// string ("48h", "168h") or as a number of seconds.
type Duration time.Duration

// MarshalText writes the duration as a Go duration string.
func (d Duration) MarshalText() ([]byte, error) { return []byte(time.Duration(d).String()), nil }

// UnmarshalJSON accepts "48h" style strings and plain seconds.
func (d *Duration) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		v, err := time.ParseDuration(s)
		if err != nil {
			return fmt.Errorf("reply: policy duration %q: %w", s, err)
		}
		*d = Duration(v)
		return nil
	}
	var secs float64
	if err := json.Unmarshal(b, &secs); err != nil {
		return fmt.Errorf("reply: policy duration %s: want a string like \"48h\" or seconds", b)
	}
	*d = Duration(time.Duration(secs * float64(time.Second)))
	return nil
}

// Band is a reply deadline for reviews whose whole-star rating lies in
// MinStars..MaxStars (0 stands for an unrated review).
type Band struct {
	// MinStars and MaxStars bound the band, both included (0–5).
	MinStars int `json:"min_stars"`
	MaxStars int `json:"max_stars"`
	// Within is how long after the review the reply is due.
	Within Duration `json:"within"`
}

// Policy is a shop's reply policy. The zero value means "use the
// defaults" field by field (see [DefaultPolicy]).
type Policy struct {
	// MaxWords is the longest reply, in words, before `length` fires
	// (default 120). MinWords is the shortest (default 5): "ok" or
	// "thanks" alone tells a reader nothing.
	MaxWords int `json:"max_words,omitempty"`
	MinWords int `json:"min_words,omitempty"`
	// Due lists the deadlines per rating band; the first band that holds
	// a review's stars wins. Default: 48 h for 1–2★, 7 days otherwise.
	Due []Band `json:"due,omitempty"`
	// Contacts are the business's own e-mail addresses, phone numbers
	// (any formatting) and street addresses. They are never private data,
	// and they count as a private channel for `take-offline`.
	Contacts []string `json:"contacts,omitempty"`
	// Channels are extra phrases (in any supported language) that name a
	// private channel the shop uses, e.g. "WhatsApp" or "our chat".
	Channels []string `json:"channels,omitempty"`
	// Resolution and Channel fill the Draft skeleton: the fix the shop
	// offers for complaints and how to reach it privately.
	Resolution string `json:"resolution,omitempty"`
	Channel    string `json:"channel,omitempty"`
	// TemplateThreshold is the estimated Jaccard similarity of word
	// 3-shingles at or above which a draft counts as a near-copy of an
	// earlier reply (default 0.6).
	TemplateThreshold float64 `json:"template_threshold,omitempty"`
}

// DefaultPolicy returns the defaults: 5–120 words; replies due within
// 48 hours for 1–2★ and within 7 days for everything else (see
// ../shared/specs/metrics-and-policies.md §2.7); template threshold 0.6.
func DefaultPolicy() Policy {
	return Policy{
		MaxWords: 120,
		MinWords: 5,
		Due: []Band{
			{MinStars: 1, MaxStars: 2, Within: Duration(48 * time.Hour)},
			{MinStars: 0, MaxStars: 5, Within: Duration(7 * 24 * time.Hour)},
		},
		TemplateThreshold: 0.6,
	}
}

// defaultPolicy is DefaultPolicy for withDefaults, which runs on every
// Check: its Due slice is shared and must not be modified.
var defaultPolicy = DefaultPolicy()

// withDefaults fills zero fields from DefaultPolicy.
func (p Policy) withDefaults() Policy {
	d := defaultPolicy
	if p.MaxWords <= 0 {
		p.MaxWords = d.MaxWords
	}
	if p.MinWords <= 0 {
		p.MinWords = d.MinWords
	}
	if len(p.Due) == 0 {
		p.Due = d.Due
	}
	if p.TemplateThreshold <= 0 || p.TemplateThreshold > 1 {
		p.TemplateThreshold = d.TemplateThreshold
	}
	return p
}

// DueWithin returns how long after a review with the given whole stars
// (0 = unrated) the reply is due, and false when no band covers it.
func (p Policy) DueWithin(stars int) (time.Duration, bool) {
	p = p.withDefaults()
	for _, b := range p.Due {
		if stars >= b.MinStars && stars <= b.MaxStars {
			return time.Duration(b.Within), true
		}
	}
	return 0, false
}

// ErrPolicy is matched by every error from reading a policy.
var ErrPolicy = errors.New("reply: invalid policy")

// ReadPolicy decodes a JSON policy (unknown fields are an error) and
// checks it.
func ReadPolicy(r io.Reader) (Policy, error) {
	var p Policy
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&p); err != nil {
		return Policy{}, fmt.Errorf("%w: %w", ErrPolicy, err)
	}
	if err := p.validate(); err != nil {
		return Policy{}, err
	}
	return p, nil
}

// LoadPolicy reads a JSON policy file.
func LoadPolicy(path string) (Policy, error) {
	f, err := os.Open(path)
	if err != nil {
		return Policy{}, fmt.Errorf("%w: %w", ErrPolicy, err)
	}
	defer f.Close()
	return ReadPolicy(f)
}

func (p Policy) validate() error {
	if p.MaxWords < 0 || p.MinWords < 0 {
		return fmt.Errorf("%w: negative word limit", ErrPolicy)
	}
	if p.MaxWords > 0 && p.MinWords > p.MaxWords {
		return fmt.Errorf("%w: min_words %d above max_words %d", ErrPolicy, p.MinWords, p.MaxWords)
	}
	for i, b := range p.Due {
		if b.MinStars < 0 || b.MaxStars > 5 || b.MinStars > b.MaxStars {
			return fmt.Errorf("%w: due[%d]: stars %d..%d", ErrPolicy, i, b.MinStars, b.MaxStars)
		}
		if b.Within <= 0 {
			return fmt.Errorf("%w: due[%d]: within must be positive", ErrPolicy, i)
		}
	}
	if p.TemplateThreshold < 0 || p.TemplateThreshold > 1 {
		return fmt.Errorf("%w: template_threshold %v outside 0..1", ErrPolicy, p.TemplateThreshold)
	}
	return nil
}
