package survey

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// policyJSON is Policy's JSON form: durations as text ("72h", "3d",
// "2d12h"); numbers (nanoseconds, time.Duration's own encoding) are read too.
type policyJSON struct {
	Trigger    Trigger  `json:"trigger,omitempty"`
	Delay      duration `json:"delay,omitzero"`
	QuietStart int      `json:"quiet_start,omitempty"`
	QuietEnd   int      `json:"quiet_end,omitempty"`
	Deadline   duration `json:"deadline,omitzero"`
	Reminder   duration `json:"reminder,omitzero"`
	Cooldown   duration `json:"cooldown,omitzero"`
}

// MarshalJSON writes the policy with durations as text such as "72h0m0s".
func (p Policy) MarshalJSON() ([]byte, error) {
	return json.Marshal(policyJSON{p.Trigger, duration(p.Delay), p.QuietStart, p.QuietEnd,
		duration(p.Deadline), duration(p.Reminder), duration(p.Cooldown)})
}

// UnmarshalJSON reads a policy; each duration may be text ("90m", "72h",
// "3d", "2d12h") or a number of nanoseconds.
func (p *Policy) UnmarshalJSON(b []byte) error {
	var j policyJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	*p = Policy{j.Trigger, time.Duration(j.Delay), j.QuietStart, j.QuietEnd,
		time.Duration(j.Deadline), time.Duration(j.Reminder), time.Duration(j.Cooldown)}
	return nil
}

// duration is a time.Duration with a text JSON form.
type duration time.Duration

func (d duration) MarshalJSON() ([]byte, error) {
	return json.Marshal(time.Duration(d).String())
}

func (d *duration) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] != '"' {
		var n int64
		if err := json.Unmarshal(b, &n); err != nil {
			return fmt.Errorf("survey: duration %s is neither text nor whole nanoseconds", truncate(string(b), 32))
		}
		*d = duration(n)
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	v, err := parseDuration(s)
	if err != nil {
		return err
	}
	*d = duration(v)
	return nil
}

// parseDuration is time.ParseDuration plus a leading whole number of days
// ("3d", "2d12h").
func parseDuration(s string) (time.Duration, error) {
	days, rest, ok := strings.Cut(s, "d")
	if !ok {
		v, err := time.ParseDuration(s)
		if err != nil {
			return 0, fmt.Errorf("survey: duration %q: %w", truncate(s, 32), err)
		}
		return v, nil
	}
	n, err := strconv.Atoi(days)
	if err != nil || n < 0 || n > 3660 {
		return 0, fmt.Errorf("survey: duration %q: days must be a whole number from 0 to 3660", truncate(s, 32))
	}
	var extra time.Duration
	if rest != "" {
		if extra, err = time.ParseDuration(rest); err != nil || extra < 0 {
			return 0, fmt.Errorf("survey: duration %q: bad time after the days", truncate(s, 32))
		}
	}
	return time.Duration(n)*24*time.Hour + extra, nil
}
