package survey

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// Candidate is a customer who may be invited to write a public review
// about an order.
type Candidate struct {
	// Event is the order event (its Kind must be the policy's trigger).
	Event Event `json:"event"`
	// LastInvited is the customer's previous invitation (zero: none).
	LastInvited time.Time `json:"last_invited,omitzero"`
	// OptedOut customers are never invited.
	OptedOut bool `json:"opted_out,omitempty"`
}

// Skipped is a candidate that got no review invitation, and why.
type Skipped struct {
	// OrderID and CustomerID name the candidate.
	OrderID    string `json:"order_id"`
	CustomerID string `json:"customer_id"`
	// Err wraps [ErrNotTrigger], [ErrExpired], [ErrFrequencyCap],
	// [ErrOptedOut], [ErrNotSampled] or [ErrGated], or reports bad input.
	Err error `json:"-"`
}

// ReviewPlan is the outcome of [Policy.ReviewRequests].
type ReviewPlan struct {
	// Invitations are the scheduled invitations, in input order.
	Invitations []Invitation
	// Skipped are the candidates left out, each with the reason.
	Skipped []Skipped
	// Gated is true when an [AllowGating] override selected customers;
	// GatingReason repeats the documented reason given for it.
	Gated        bool
	GatingReason string
}

var (
	// ErrNotSampled: left out by an unbiased [EveryNth] sample.
	ErrNotSampled = errors.New("survey: not in the sample")
	// ErrGated: left out by an [AllowGating] override.
	ErrGated = errors.New("survey: left out by the gating override")
	// ErrGatingReason: AllowGating was called without a reason.
	ErrGatingReason = errors.New("survey: a gating override needs a documented reason")
)

// RequestOption changes how [Policy.ReviewRequests] picks customers.
type RequestOption func(*requestConfig) error

type requestConfig struct {
	every        int
	keep         func(Candidate) bool
	gatingReason string
}

// EveryNth invites only the 1st, (n+1)th, (2n+1)th, … eligible candidate in
// input order: an unbiased sample, which Trustpilot accepts ("every third
// customer"), as long as the input is not ordered by satisfaction. n must be
// at least 1.
func EveryNth(n int) RequestOption {
	return func(c *requestConfig) error {
		if n < 1 {
			return fmt.Errorf("survey: EveryNth(%d): n must be at least 1", n)
		}
		c.every = n
		return nil
	}
}

// AllowGating is the explicit override that lets keep decide which eligible
// candidates are invited, for example only customers who answered a survey
// with 9 or 10. Review gating breaks Google's and Trustpilot's rules
// (selective soliciting) and may be deceptive under FTC 16 CFR Part 465; use
// it only for a destination that allows it, and record why: reason must say
// so in words and is copied into [ReviewPlan].GatingReason for the audit
// trail. An empty reason or a nil keep is an error ([ErrGatingReason]).
func AllowGating(reason string, keep func(Candidate) bool) RequestOption {
	return func(c *requestConfig) error {
		if strings.TrimSpace(reason) == "" || keep == nil {
			return ErrGatingReason
		}
		c.keep, c.gatingReason = keep, reason
		return nil
	}
}

// ReviewRequests schedules invitations to write a public review. By
// default every eligible candidate is invited: eligibility depends only on
// neutral facts (the event is the policy's trigger, the deadline has not
// passed, the customer has not opted out and was not invited within the
// cooldown), never on what the customer thinks. A customer with several
// orders in one call gets one invitation. Selecting by satisfaction is
// possible only with the [AllowGating] override. now is the moment of
// scheduling. The error reports a bad option or an invalid policy.
func (p Policy) ReviewRequests(cands []Candidate, now time.Time, opts ...RequestOption) (ReviewPlan, error) {
	var cfg requestConfig
	for _, o := range opts {
		if o == nil {
			continue
		}
		if err := o(&cfg); err != nil {
			return ReviewPlan{}, err
		}
	}
	if err := p.Validate(); err != nil {
		return ReviewPlan{}, err
	}
	plan := ReviewPlan{Gated: cfg.keep != nil, GatingReason: cfg.gatingReason}
	last := map[string]time.Time{}
	eligible := 0
	for _, c := range cands {
		skip := func(err error) {
			plan.Skipped = append(plan.Skipped, Skipped{OrderID: c.Event.OrderID, CustomerID: c.Event.CustomerID, Err: err})
		}
		if c.OptedOut {
			skip(p.skip(ErrOptedOut, c.Event))
			continue
		}
		prev := c.LastInvited
		if t, ok := last[c.Event.CustomerID]; ok && c.Event.CustomerID != "" && t.After(prev) {
			prev = t
		}
		inv, err := p.Schedule(c.Event, now, prev)
		if err != nil {
			skip(err)
			continue
		}
		eligible++
		if cfg.every > 1 && (eligible-1)%cfg.every != 0 {
			skip(p.skip(ErrNotSampled, c.Event))
			continue
		}
		if cfg.keep != nil && !cfg.keep(c) {
			skip(p.skip(ErrGated, c.Event))
			continue
		}
		plan.Invitations = append(plan.Invitations, inv)
		if c.Event.CustomerID != "" {
			last[c.Event.CustomerID] = inv.SendAt
		}
	}
	return plan, nil
}
