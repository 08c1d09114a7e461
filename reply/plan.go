package reply

import (
	"math"
	"sort"
	"strings"
	"time"

	"github.com/reputekit/repute/review"
)

type compiledFAQ struct {
	FAQ
	set *phraseSet
}

// Action is what a review needs from the shop.
type Action int

// Actions, from least to most work.
const (
	// ActionNone: nothing to do (already answered, or hidden/removed).
	ActionNone Action = iota
	// ActionAutomated: a positive review or an FAQ-type question that an
	// automated reply may answer.
	ActionAutomated
	// ActionPersonal: a person must write the reply (complaints, questions
	// about an order, suspected fakes, legal language).
	ActionPersonal
)

// String returns "none", "automated" or "personal".
func (a Action) String() string {
	switch a {
	case ActionAutomated:
		return "automated"
	case ActionPersonal:
		return "personal"
	}
	return "none"
}

// MarshalText encodes the action as its String.
func (a Action) MarshalText() ([]byte, error) { return []byte(a.String()), nil }

// Task is the triage of one review.
type Task struct {
	// ReviewID is the review's ID; Index its position in Plan's input.
	ReviewID string `json:"review_id"`
	Index    int    `json:"index"`
	// Action says whether a person must answer, an automated reply will
	// do, or nothing is needed.
	Action Action `json:"action"`
	// Priority orders the work: 0–100, higher first. It weighs how
	// negative the review is (stars and text), how long it has waited
	// against its deadline, and how many people read it (helpful votes,
	// length, recency).
	Priority float64 `json:"priority"`
	// Due is when the reply is due under the policy; zero for ActionNone.
	Due time.Time `json:"due,omitzero"`
	// Overdue reports that Due has passed at the planning time.
	Overdue bool `json:"overdue,omitempty"`
	// Reasons explain the action and priority in plain English.
	Reasons []string `json:"reasons"`
	// Removable marks a review the shop may ask the platform to remove
	// (abusive language, threats, wrong business) instead of arguing;
	// RemovalReasons name the grounds, from the spec's §2.8 enum:
	// "abusive", "threat", "wrong-business", "not-genuine".
	Removable      bool     `json:"removable,omitempty"`
	RemovalReasons []string `json:"removal_reasons,omitempty"`
	// FAQ and Answer are set when an FAQ entry answers the review.
	FAQ    string `json:"faq,omitempty"`
	Answer string `json:"answer,omitempty"`
}

// Plan triages reviews with a default [Checker]; see [Checker.Plan].
func Plan(rs []review.Review, opts ...Option) []Task {
	c, call := checkerFor(opts)
	if c == nil {
		return nil
	}
	return c.Plan(rs, call...)
}

// validOpts drops options that report an error.
func validOpts(opts []Option) []Option {
	var out []Option
	for _, o := range opts {
		var cf config
		if o != nil && o(&cf) == nil {
			out = append(out, o)
		}
	}
	return out
}

// Plan triages reviews: for each, whether it needs a personal reply, may
// get an automated one, or none; its priority, due time and the reasons.
// Tasks come back ordered by priority (highest first), ties by the
// review's age (oldest first) and then input order. Per-call options may
// set the time ([WithNow]) and the policy.
func (c *Checker) Plan(rs []review.Review, opts ...Option) []Task {
	cfg := c.cfg
	for _, o := range opts {
		if o != nil {
			var probe config
			if o(&probe) == nil && !probe.compileOnly {
				_ = o(&cfg)
			}
		}
	}
	if cfg.now.IsZero() {
		cfg.now = time.Now()
	}
	cfg.policy = cfg.policy.withDefaults()
	tasks := make([]Task, len(rs))
	var buf docBuf // reused: a triage keeps nothing of its review's analysis
	for i := range rs {
		tasks[i] = c.triage(&rs[i], i, &cfg, &buf)
	}
	sort.SliceStable(tasks, func(a, b int) bool {
		if tasks[a].Priority != tasks[b].Priority {
			return tasks[a].Priority > tasks[b].Priority
		}
		ca, cb := rs[tasks[a].Index].CreatedAt, rs[tasks[b].Index].CreatedAt
		if !ca.Equal(cb) {
			return ca.Before(cb)
		}
		return tasks[a].Index < tasks[b].Index
	})
	return tasks
}

// removableToxicity is the sentiment toxicity from which Plan marks a
// complaint as abusive.
const removableToxicity = 0.7

func (c *Checker) triage(r *review.Review, idx int, cfg *config, buf *docBuf) Task {
	t := Task{ReviewID: r.ID, Index: idx}
	ri := c.analyzeReviewBuf(*r, cfg, buf)
	toks := ri.d.toks
	has := func(key string) bool { return len(c.get(ri.m, key)) > 0 }

	// Removable? Person-directed insults come from the phrase data. The
	// sentiment engine's toxicity must be above one mild insult word
	// (0.5–0.6, "stupid design", "kvailas dizainas": a harsh opinion of the
	// product, not grounds for removal); profanity (0.7) or two insults
	// (≈ 0.9) are.
	if has("plan:abuse") || (ri.complaint && ri.toxicity() >= removableToxicity) {
		t.RemovalReasons = append(t.RemovalReasons, "abusive")
	}
	if has("plan:threat") {
		t.RemovalReasons = append(t.RemovalReasons, "threat")
	}
	if has("plan:wrong-business") {
		t.RemovalReasons = append(t.RemovalReasons, "wrong-business")
	}
	fake := has("plan:fake")
	if fake {
		t.RemovalReasons = append(t.RemovalReasons, "not-genuine")
	}
	t.Removable = len(t.RemovalReasons) > 0

	switch {
	case r.Status == review.Removed || r.Status == review.Hidden:
		t.Action = ActionNone
		t.Reasons = append(t.Reasons, "the review is not public")
		return t
	case r.Answered():
		t.Action = ActionNone
		t.Reasons = append(t.Reasons, "already answered")
		return t
	}
	question := strings.Contains(r.Title+r.Body, "?") || has("plan:question")
	// A question an FAQ entry answers ("how much is delivery?", "what is
	// your return window?") is not a question about the reviewer's own
	// order unless it says so ("where is my order?").
	var faq *compiledFAQ
	if question {
		for i := range c.faq {
			if len(c.faq[i].set.find(toks, nil)) > 0 {
				faq = &c.faq[i]
				break
			}
		}
	}
	switch {
	case has("plan:legal"):
		t.Action = ActionPersonal
		t.Reasons = append(t.Reasons, "legal language: a person (and perhaps legal counsel) must answer")
	case ri.complaint:
		t.Action = ActionPersonal
		t.Reasons = append(t.Reasons, complaintReason(ri))
	case question && has("plan:order") && (faq == nil || has("plan:own-order")):
		t.Action = ActionPersonal
		t.Reasons = append(t.Reasons, "a question about an order")
	case fake:
		t.Action = ActionPersonal
	}
	if fake {
		t.Reasons = append(t.Reasons, "possibly not a genuine customer: answer publicly with facts, and consider reporting it")
	}
	if t.Action == ActionNone && question {
		if faq != nil {
			t.Action = ActionAutomated
			t.FAQ, t.Answer = faq.Topic, faq.Answer
			t.Reasons = append(t.Reasons, "an FAQ-type question ("+faq.Topic+") that the FAQ answers")
		} else {
			t.Action = ActionPersonal
			t.Reasons = append(t.Reasons, "a question the FAQ does not answer")
		}
	}
	if t.Action == ActionNone {
		if ri.positive {
			t.Action = ActionAutomated
			t.Reasons = append(t.Reasons, "a positive review: a warm automated reply is acceptable")
		} else {
			t.Action = ActionPersonal
			t.Reasons = append(t.Reasons, "a neutral review: a short personal reply")
		}
	}
	if !t.Removable && t.Action == ActionPersonal && ri.complaint && ri.aggressive() {
		t.Reasons = append(t.Reasons, "heated: invite the customer to a private channel")
	}
	if t.Removable {
		t.Reasons = append(t.Reasons, "may be removable ("+strings.Join(t.RemovalReasons, ", ")+"): consider a removal request rather than a public argument")
	}

	// Due time and priority.
	within, ok := cfg.policy.DueWithin(ri.stars)
	if !r.CreatedAt.IsZero() && ok {
		t.Due = r.CreatedAt.Add(within)
		t.Overdue = cfg.now.After(t.Due)
		if t.Overdue {
			t.Reasons = append(t.Reasons, "overdue under the policy")
		}
	}
	neg := map[int]float64{1: 1, 2: 0.8, 3: 0.5, 4: 0.15, 5: 0.05}[ri.stars]
	if ri.stars == 0 {
		neg = ri.signals().Negativity
		if ri.complaint && neg < 0.6 {
			neg = 0.6
		}
	}
	urgency := 0.0
	if !r.CreatedAt.IsZero() && within > 0 {
		urgency = math.Min(1, math.Max(0, float64(cfg.now.Sub(r.CreatedAt))/float64(within)))
	}
	reach := 0.4*math.Min(1, math.Log1p(float64(max(0, r.Helpful)))/math.Log(50)) + 0.3*math.Min(1, float64(ri.words)/120)
	if !r.CreatedAt.IsZero() {
		days := cfg.now.Sub(r.CreatedAt).Hours() / 24
		reach += 0.3 * math.Exp(-math.Max(0, days)/30)
	}
	p := 100 * (0.55*neg + 0.25*urgency + 0.2*reach)
	if t.Action == ActionAutomated {
		p *= 0.3
	}
	t.Priority = math.Round(p*10) / 10
	return t
}

func complaintReason(ri *reviewInfo) string {
	if ri.stars > 0 {
		return "a complaint (" + string(rune('0'+ri.stars)) + "★): a person must apologise and fix it"
	}
	return "a complaint: a person must apologise and fix it"
}
