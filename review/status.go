package review

import "fmt"

// Status is a review's moderation state. The zero value is [Published].
type Status uint8

// The moderation states. Text forms (String, MarshalText) are the
// lower-case names: "published", "pending", "hidden", "removed", "flagged".
const (
	// Published: visible to everyone (the zero value).
	Published Status = iota
	// Pending: waiting for moderation before it shows.
	Pending
	// Hidden: kept but not shown (by the shop's or the platform's choice).
	Hidden
	// Removed: taken down by the platform.
	Removed
	// Flagged: reported to the platform, still shown while it decides.
	Flagged
)

var statusNames = [...]string{"published", "pending", "hidden", "removed", "flagged"}

func (s Status) valid() bool { return int(s) < len(statusNames) }

// String returns the lower-case name, or "Status(N)" for an unknown value.
func (s Status) String() string {
	if s.valid() {
		return statusNames[s]
	}
	return fmt.Sprintf("Status(%d)", uint8(s))
}

// MarshalText implements [encoding.TextMarshaler]; an unknown value is an
// error.
func (s Status) MarshalText() ([]byte, error) {
	if !s.valid() {
		return nil, fmt.Errorf("review: unknown status %d", uint8(s))
	}
	return []byte(statusNames[s]), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]. It accepts the
// lower-case names; an empty text is [Published].
func (s *Status) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*s = Published
		return nil
	}
	for i, n := range statusNames {
		if string(b) == n {
			*s = Status(i)
			return nil
		}
	}
	return fmt.Errorf("review: unknown status %q", b)
}
