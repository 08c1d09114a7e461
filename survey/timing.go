package survey

import (
	"errors"
	"fmt"
	"time"
)

// Trigger is the order event an invitation waits for. Its JSON form is the
// lower-case name; the zero value "" means [TriggerDelivered].
type Trigger string

// The order events.
const (
	TriggerPaid      Trigger = "paid"
	TriggerShipped   Trigger = "shipped"
	TriggerDelivered Trigger = "delivered"
)

// Defaults a zero [Policy] field stands for.
const (
	// DefaultDeadline: an invitation not sent within 30 days of the
	// trigger is dropped; answers about a purchase from months ago are
	// noise (the spec's §2.11 lists 0–60 day windows in use).
	DefaultDeadline = 30 * 24 * time.Hour
	// DefaultCooldown: at most one survey per customer per 30 days
	// (Delighted's default throttle, §2.11).
	DefaultCooldown = 30 * 24 * time.Hour
	// DefaultQuietStart and DefaultQuietEnd: no invitation from 21:00 to
	// 09:00 in the customer's time zone.
	DefaultQuietStart = 21
	DefaultQuietEnd   = 9
	// NightStart and NightEnd bound the night, 22:00–08:00 local time,
	// which is quiet whatever the policy says.
	NightStart = 22
	NightEnd   = 8
)

// Policy says when invitations go out, counted from an order event. In
// JSON its durations are text: "90m", "72h", "3d", "2d12h". The zero value
// is usable: invite right after delivery, outside 21:00–09:00
// local time, drop after 30 days, no reminder, at most one survey per
// customer per 30 days.
type Policy struct {
	// Trigger is the event the delay counts from ("" = delivered).
	Trigger Trigger `json:"trigger,omitempty"`
	// Delay after the trigger before the invitation may go out (the spec
	// cites 2–5 days after delivery as common practice).
	Delay time.Duration `json:"delay,omitempty"`
	// QuietStart and QuietEnd are whole hours (0–23) of the customer's
	// local day between which nothing is sent; the window may wrap
	// midnight. Both zero means 21–9. The night (22–8) is always quiet.
	QuietStart int `json:"quiet_start,omitempty"`
	QuietEnd   int `json:"quiet_end,omitempty"`
	// Deadline after the trigger past which an unsent invitation is
	// dropped (0 = [DefaultDeadline]). It must exceed Delay. Like every
	// duration here it is an absolute span: across a daylight-saving change
	// the local clock time moves by the hour.
	Deadline time.Duration `json:"deadline,omitempty"`
	// Reminder, when positive, schedules one reminder that long after the
	// invitation (moved out of quiet hours); it is left out when it would
	// fall after the deadline. There is never more than one.
	Reminder time.Duration `json:"reminder,omitempty"`
	// Cooldown is the per-customer frequency cap: no invitation within
	// Cooldown of the customer's previous one (0 = [DefaultCooldown];
	// negative = no cap). A capped invitation is dropped, not postponed.
	Cooldown time.Duration `json:"cooldown,omitempty"`
}

func (p Policy) trigger() Trigger {
	if p.Trigger == "" {
		return TriggerDelivered
	}
	return p.Trigger
}

func (p Policy) deadline() time.Duration {
	if p.Deadline == 0 {
		return DefaultDeadline
	}
	return p.Deadline
}

func (p Policy) cooldown() time.Duration {
	if p.Cooldown == 0 {
		return DefaultCooldown
	}
	return p.Cooldown
}

// quiet returns the quiet hours of the local day as a bit set.
func (p Policy) quiet() uint32 {
	start, end := p.QuietStart, p.QuietEnd
	if start == 0 && end == 0 {
		start, end = DefaultQuietStart, DefaultQuietEnd
	}
	var set uint32
	mark := func(from, to int) {
		for h := from; h != to; h = (h + 1) % 24 {
			set |= 1 << h
		}
	}
	mark(NightStart, NightEnd)
	if start >= 0 && start < 24 && end >= 0 && end < 24 {
		mark(start, end)
	}
	return set
}

const maxPolicySpan = 366 * 24 * time.Hour

// Validate checks the policy and returns nil or every fault found, each a
// [*FieldError] whose Field starts with "Timing.".
func (p Policy) Validate() error {
	var errs []error
	bad := func(field, problem string) {
		errs = append(errs, &FieldError{Field: "Timing." + field, Problem: problem})
	}
	switch p.Trigger {
	case "", TriggerPaid, TriggerShipped, TriggerDelivered:
	default:
		bad("Trigger", fmt.Sprintf("unknown trigger %q (want paid, shipped or delivered)", truncate(string(p.Trigger), 32)))
	}
	if p.Delay < 0 || p.Delay > maxPolicySpan {
		bad("Delay", fmt.Sprintf("%v is outside 0–366 days", p.Delay))
	}
	if p.Deadline < 0 || p.Deadline > maxPolicySpan {
		bad("Deadline", fmt.Sprintf("%v is outside 0–366 days", p.Deadline))
	} else if p.deadline() <= p.Delay {
		bad("Deadline", fmt.Sprintf("%v is not after the delay %v", p.deadline(), p.Delay))
	}
	if p.Reminder < 0 || p.Reminder > maxPolicySpan {
		bad("Reminder", fmt.Sprintf("%v is outside 0–366 days", p.Reminder))
	}
	if p.Cooldown > 5*maxPolicySpan {
		bad("Cooldown", fmt.Sprintf("%v is longer than five years", p.Cooldown))
	}
	if p.QuietStart < 0 || p.QuietStart > 23 {
		bad("QuietStart", fmt.Sprintf("hour %d is outside 0–23", p.QuietStart))
	}
	if p.QuietEnd < 0 || p.QuietEnd > 23 {
		bad("QuietEnd", fmt.Sprintf("hour %d is outside 0–23", p.QuietEnd))
	}
	if p.quiet() == 1<<24-1 {
		bad("QuietStart", "quiet hours leave no hour of the day to send in")
	}
	return errors.Join(errs...)
}

// Event is something that happened to an order.
type Event struct {
	// OrderID and CustomerID identify the order and its customer (the
	// frequency cap is per customer).
	OrderID    string `json:"order_id"`
	CustomerID string `json:"customer_id"`
	// Kind is what happened: paid, shipped or delivered.
	Kind Trigger `json:"kind"`
	// At is when it happened.
	At time.Time `json:"at"`
	// TimeZone is the customer's IANA time zone ("Europe/Vilnius"); empty
	// means UTC. Location, when set, wins over TimeZone.
	TimeZone string         `json:"time_zone,omitempty"`
	Location *time.Location `json:"-"`
}

func (ev Event) location() (*time.Location, error) {
	if ev.Location != nil {
		return ev.Location, nil
	}
	if ev.TimeZone == "" {
		return time.UTC, nil
	}
	loc, err := time.LoadLocation(ev.TimeZone)
	if err != nil {
		return nil, fmt.Errorf("survey: order %q: time zone %q: %w", ev.OrderID, truncate(ev.TimeZone, 64), err)
	}
	return loc, nil
}

// Invitation is a scheduled invitation to a survey or to write a review.
type Invitation struct {
	// OrderID and CustomerID repeat the event's.
	OrderID    string `json:"order_id"`
	CustomerID string `json:"customer_id"`
	// SendAt is when to send it; RemindAt when to send the one reminder
	// (zero: none). Both are in the customer's time zone.
	SendAt   time.Time `json:"send_at"`
	RemindAt time.Time `json:"remind_at,omitzero"`
	// Expires is the deadline: after it the invitation is void.
	Expires time.Time `json:"expires"`
}

// Why [Policy.Schedule] gives no invitation; the returned error wraps one
// of these and names the order and customer.
var (
	// ErrNotTrigger: the event is not the one the policy waits for.
	ErrNotTrigger = errors.New("survey: event is not the policy's trigger")
	// ErrExpired: no allowed send time is left before the deadline.
	ErrExpired = errors.New("survey: invitation past its deadline")
	// ErrFrequencyCap: the customer was invited within the cooldown.
	ErrFrequencyCap = errors.New("survey: customer invited within the cooldown")
	// ErrOptedOut: the customer asked not to be contacted.
	ErrOptedOut = errors.New("survey: customer opted out")
)

// Schedule turns an order event into an invitation. now is the moment of
// scheduling (nothing is sent in the past) and last the customer's previous
// invitation (zero when none). The send time is the event time plus Delay
// (or now, if later), moved forward out of quiet hours and the night in the
// customer's time zone. Schedule returns an error wrapping [ErrNotTrigger],
// [ErrExpired] or [ErrFrequencyCap] when there is no invitation, and an
// error for an invalid policy, an unknown time zone or a zero event time.
func (p Policy) Schedule(ev Event, now, last time.Time) (Invitation, error) {
	if err := p.Validate(); err != nil {
		return Invitation{}, err
	}
	if ev.At.IsZero() {
		return Invitation{}, fmt.Errorf("survey: order %q: event has no time", truncate(ev.OrderID, 64))
	}
	if ev.Kind != p.trigger() {
		return Invitation{}, p.skip(ErrNotTrigger, ev)
	}
	loc, err := ev.location()
	if err != nil {
		return Invitation{}, err
	}
	deadline := ev.At.Add(p.deadline()).In(loc)
	at := ev.At.Add(p.Delay)
	if at.Before(now) {
		at = now
	}
	quiet := p.quiet()
	at = nextOpen(at.In(loc), quiet)
	if at.After(deadline) {
		return Invitation{}, p.skip(ErrExpired, ev)
	}
	if cd := p.cooldown(); cd > 0 && !last.IsZero() && at.Before(last.Add(cd)) {
		return Invitation{}, p.skip(ErrFrequencyCap, ev)
	}
	inv := Invitation{OrderID: ev.OrderID, CustomerID: ev.CustomerID, SendAt: at, Expires: deadline}
	if p.Reminder > 0 {
		if r := nextOpen(at.Add(p.Reminder), quiet); !r.After(deadline) {
			inv.RemindAt = r
		}
	}
	return inv, nil
}

func (p Policy) skip(reason error, ev Event) error {
	return fmt.Errorf("%w (order %q, customer %q)", reason, truncate(ev.OrderID, 64), truncate(ev.CustomerID, 64))
}

// nextOpen returns t, or the start of the first hour after t that is not
// quiet, in t's location. A day always has an open hour (Validate).
func nextOpen(t time.Time, quiet uint32) time.Time {
	for range 48 {
		if quiet&(1<<t.Hour()) == 0 {
			return t
		}
		y, m, d := t.Date()
		next := time.Date(y, m, d, t.Hour()+1, 0, 0, 0, t.Location())
		if !next.After(t) { // a DST fall-back repeats the hour
			next = t.Truncate(time.Hour).Add(time.Hour)
		}
		t = next
	}
	return t
}
