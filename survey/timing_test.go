package survey

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // the tests need Europe/Vilnius on any machine

	"github.com/google/go-cmp/cmp"
)

func mustLoc(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func TestSchedule(t *testing.T) {
	t.Parallel()
	vilnius := mustLoc(t, "Europe/Vilnius")
	at := func(s string) time.Time {
		tm, err := time.ParseInLocation("2006-01-02 15:04", s, vilnius)
		if err != nil {
			t.Fatal(err)
		}
		return tm
	}
	day := 24 * time.Hour
	tests := []struct {
		name      string
		p         Policy
		ev        Event
		now, last time.Time
		want      Invitation
		err       error
	}{
		{
			name: "delay lands in the afternoon",
			p:    Policy{Delay: 3 * day},
			ev:   Event{OrderID: "o1", CustomerID: "c1", Kind: TriggerDelivered, At: at("2026-03-02 14:10"), TimeZone: "Europe/Vilnius"},
			now:  at("2026-03-02 14:11"),
			want: Invitation{OrderID: "o1", CustomerID: "c1", SendAt: at("2026-03-05 14:10")},
		},
		{
			name: "delivered at night: wait for the morning",
			p:    Policy{Delay: 2 * time.Hour},
			ev:   Event{OrderID: "o2", Kind: TriggerDelivered, At: at("2026-03-02 22:30"), Location: vilnius},
			now:  at("2026-03-02 22:30"),
			want: Invitation{OrderID: "o2", SendAt: at("2026-03-03 09:00")},
		},
		{
			name: "custom quiet hours 18–10 plus reminder moved out of the night",
			p:    Policy{QuietStart: 18, QuietEnd: 10, Reminder: 2*day + 10*time.Hour, Deadline: 10 * day},
			ev:   Event{OrderID: "o3", Kind: TriggerDelivered, At: at("2026-03-02 17:30"), Location: vilnius},
			now:  at("2026-03-02 17:30"),
			want: Invitation{OrderID: "o3", SendAt: at("2026-03-02 17:30"), RemindAt: at("2026-03-05 10:00")},
		},
		{
			name: "reminder past the deadline is left out",
			p:    Policy{Delay: day, Deadline: 3 * day, Reminder: 5 * day},
			ev:   Event{OrderID: "o4", Kind: TriggerDelivered, At: at("2026-03-02 12:00"), Location: vilnius},
			now:  at("2026-03-02 12:00"),
			want: Invitation{OrderID: "o4", SendAt: at("2026-03-03 12:00")},
		},
		{
			name: "late processing: sent now, not in the past",
			p:    Policy{Delay: day},
			ev:   Event{OrderID: "o5", Kind: TriggerDelivered, At: at("2026-03-02 12:00"), Location: vilnius},
			now:  at("2026-03-10 15:20"),
			want: Invitation{OrderID: "o5", SendAt: at("2026-03-10 15:20")},
		},
		{
			name: "past the deadline: dropped",
			p:    Policy{Delay: day},
			ev:   Event{OrderID: "o6", Kind: TriggerDelivered, At: at("2026-01-02 12:00"), Location: vilnius},
			now:  at("2026-03-10 15:20"),
			err:  ErrExpired,
		},
		{
			name: "paid event, policy waits for delivery",
			p:    Policy{},
			ev:   Event{OrderID: "o7", Kind: TriggerPaid, At: at("2026-03-02 12:00"), Location: vilnius},
			now:  at("2026-03-02 12:00"),
			err:  ErrNotTrigger,
		},
		{
			name: "shipped trigger",
			p:    Policy{Trigger: TriggerShipped, Delay: 5 * day},
			ev:   Event{OrderID: "o8", Kind: TriggerShipped, At: at("2026-03-02 12:00"), Location: vilnius},
			now:  at("2026-03-02 12:00"),
			want: Invitation{OrderID: "o8", SendAt: at("2026-03-07 12:00")},
		},
		{
			name: "frequency cap: surveyed 10 days ago",
			p:    Policy{},
			ev:   Event{OrderID: "o9", Kind: TriggerDelivered, At: at("2026-03-02 12:00"), Location: vilnius},
			now:  at("2026-03-02 12:00"),
			last: at("2026-02-20 12:00"),
			err:  ErrFrequencyCap,
		},
		{
			name: "frequency cap off",
			p:    Policy{Cooldown: -1},
			ev:   Event{OrderID: "o10", Kind: TriggerDelivered, At: at("2026-03-02 12:00"), Location: vilnius},
			now:  at("2026-03-02 12:00"),
			last: at("2026-03-01 12:00"),
			want: Invitation{OrderID: "o10", SendAt: at("2026-03-02 12:00")},
		},
		{
			name: "DST spring forward night in Vilnius",
			p:    Policy{},
			ev:   Event{OrderID: "o11", Kind: TriggerDelivered, At: at("2026-03-29 02:30"), Location: vilnius},
			now:  at("2026-03-29 02:30"),
			want: Invitation{OrderID: "o11", SendAt: at("2026-03-29 09:00")},
		},
	}
	for _, tc := range tests {
		got, err := tc.p.Schedule(tc.ev, tc.now, tc.last)
		if tc.err != nil {
			if !errors.Is(err, tc.err) {
				t.Errorf("%s: error %v, want %v", tc.name, err, tc.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: error %v", tc.name, err)
			continue
		}
		tc.want.Expires = tc.ev.At.Add(tc.p.deadline()) // an absolute span: DST moves the wall clock
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("%s: (-want +got):\n%s", tc.name, diff)
		}
		if h := got.SendAt.In(vilnius).Hour(); h >= NightStart || h < NightEnd {
			t.Errorf("%s: sent at night (%v)", tc.name, got.SendAt)
		}
	}
}

func TestScheduleNeverAtNight(t *testing.T) {
	t.Parallel()
	zones := []string{"Europe/Vilnius", "America/Los_Angeles", "Asia/Tokyo", "Europe/Moscow"}
	start := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	for _, z := range zones {
		loc := mustLoc(t, z)
		for h := range 24 * 40 { // every hour over DST changes
			ev := Event{OrderID: "o", Kind: TriggerDelivered, At: start.Add(time.Duration(h) * time.Hour), Location: loc}
			inv, err := Policy{Delay: 90 * time.Minute, Reminder: 50 * time.Hour}.Schedule(ev, ev.At, time.Time{})
			if err != nil {
				t.Fatalf("%s %v: %v", z, ev.At, err)
			}
			for _, tm := range []time.Time{inv.SendAt, inv.RemindAt} {
				if tm.IsZero() {
					continue
				}
				if lh := tm.In(loc).Hour(); lh >= DefaultQuietStart || lh < DefaultQuietEnd {
					t.Fatalf("%s: event %v → %v (hour %d)", z, ev.At, tm, lh)
				}
				if tm.Before(ev.At.Add(90*time.Minute)) || tm.After(inv.Expires) {
					t.Fatalf("%s: %v outside delay/deadline", z, tm)
				}
			}
		}
	}
}

func TestScheduleErrors(t *testing.T) {
	t.Parallel()
	p := Policy{}
	if _, err := p.Schedule(Event{Kind: TriggerDelivered}, time.Now(), time.Time{}); err == nil {
		t.Error("zero event time: no error")
	}
	ev := Event{Kind: TriggerDelivered, At: time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC), TimeZone: "Mars/Olympus"}
	if _, err := p.Schedule(ev, ev.At, time.Time{}); err == nil {
		t.Error("unknown zone: no error")
	}
	bad := Policy{Delay: -time.Hour}
	if _, err := bad.Schedule(Event{Kind: TriggerDelivered, At: ev.At}, ev.At, time.Time{}); !errors.Is(err, ErrInvalid) {
		t.Errorf("bad policy: %v", err)
	}
}

func TestReviewRequests(t *testing.T) {
	t.Parallel()
	base := time.Date(2026, 3, 2, 12, 0, 0, 0, time.UTC)
	ev := func(order, customer string) Event {
		return Event{OrderID: order, CustomerID: customer, Kind: TriggerDelivered, At: base}
	}
	cands := []Candidate{
		{Event: ev("o1", "happy")},
		{Event: ev("o2", "unhappy")},
		{Event: ev("o3", "optout"), OptedOut: true},
		{Event: ev("o4", "happy")}, // second order of the same customer
		{Event: ev("o5", "recent"), LastInvited: base.Add(-48 * time.Hour)},
		{Event: ev("o6", "neutral")},
	}
	p := Policy{Delay: 48 * time.Hour}
	plan, err := p.ReviewRequests(cands, base)
	if err != nil {
		t.Fatal(err)
	}
	var invited, skipped []string
	for _, inv := range plan.Invitations {
		invited = append(invited, inv.OrderID)
	}
	for _, s := range plan.Skipped {
		skipped = append(skipped, s.OrderID)
	}
	if diff := cmp.Diff([]string{"o1", "o2", "o6"}, invited); diff != "" {
		t.Errorf("invited (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"o3", "o4", "o5"}, skipped); diff != "" {
		t.Errorf("skipped (-want +got):\n%s", diff)
	}
	if plan.Gated {
		t.Error("plan gated without an override")
	}
	if !errors.Is(plan.Skipped[0].Err, ErrOptedOut) || !errors.Is(plan.Skipped[1].Err, ErrFrequencyCap) {
		t.Errorf("skip reasons: %v", plan.Skipped)
	}

	// Sampling is neutral: every 2nd eligible customer.
	plan, _ = p.ReviewRequests(cands, base, EveryNth(2))
	if len(plan.Invitations) != 2 || plan.Invitations[0].OrderID != "o1" || plan.Invitations[1].OrderID != "o6" {
		t.Errorf("EveryNth(2) invited %+v", plan.Invitations)
	}

	// Gating needs a reason.
	keepHappy := func(c Candidate) bool { return c.Event.CustomerID == "happy" }
	if _, err := p.ReviewRequests(cands, base, AllowGating("", keepHappy)); !errors.Is(err, ErrGatingReason) {
		t.Errorf("gating without reason: %v", err)
	}
	plan, err = p.ReviewRequests(cands, base, AllowGating("own site, legal review 2026-02", keepHappy))
	if err != nil || !plan.Gated || len(plan.Invitations) != 1 || plan.GatingReason == "" {
		t.Errorf("gated plan = %+v, %v", plan, err)
	}
	if _, err := p.ReviewRequests(cands, base, EveryNth(0)); err == nil {
		t.Error("EveryNth(0): no error")
	}
}

func TestPolicyJSON(t *testing.T) {
	t.Parallel()
	var p Policy
	in := `{"trigger":"shipped","delay":"3d","deadline":"2d12h","reminder":"90m","cooldown":86400000000000,"quiet_start":20,"quiet_end":9}`
	if err := json.Unmarshal([]byte(in), &p); err != nil {
		t.Fatal(err)
	}
	want := Policy{Trigger: TriggerShipped, Delay: 72 * time.Hour, Deadline: 60 * time.Hour, Reminder: 90 * time.Minute,
		Cooldown: 24 * time.Hour, QuietStart: 20, QuietEnd: 9}
	if diff := cmp.Diff(want, p); diff != "" {
		t.Errorf("decode (-want +got):\n%s", diff)
	}
	b, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"delay":"72h0m0s"`) {
		t.Errorf("encode = %s", b)
	}
	var again Policy
	if err := json.Unmarshal(b, &again); err != nil || again != p {
		t.Errorf("round trip = %+v, %v", again, err)
	}
	if b, _ := json.Marshal(Policy{}); string(b) != "{}" {
		t.Errorf("zero policy = %s", b)
	}
	for _, bad := range []string{`{"delay":"3x"}`, `{"delay":"-1d"}`, `{"delay":"1d-5h"}`, `{"delay":1.5}`, `{"delay":"99999d"}`} {
		if err := json.Unmarshal([]byte(bad), &p); err == nil {
			t.Errorf("%s decoded", bad)
		}
	}
}
