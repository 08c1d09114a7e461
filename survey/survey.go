package survey

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Limits that [Survey.Validate] enforces. They keep hostile or broken input
// (a survey decoded from JSON) small enough for every other function here.
const (
	// MaxQuestions is the hard limit on questions per survey; Lint already
	// warns above 6 (rule too-many-questions).
	MaxQuestions = 50
	// MaxTextBytes is the longest question text, label, goal or open answer
	// accepted, in bytes.
	MaxTextBytes = 4 << 10
	// MaxChoices is the most choices a choice question may offer.
	MaxChoices = 50
	// MaxScalePoints is the most points a numeric scale may have (0–10).
	MaxScalePoints = 11
)

// Kind is what type of answer a question takes. Its JSON form is the
// lower-case name.
type Kind string

// The question kinds.
const (
	// KindScale: a whole number on a numeric scale (see [Scale]).
	KindScale Kind = "scale"
	// KindSingle: exactly one of the question's choices.
	KindSingle Kind = "single"
	// KindMultiple: one or more of the question's choices.
	KindMultiple Kind = "multiple"
	// KindText: an open answer in the respondent's own words.
	KindText Kind = "text"
)

// Metric says which standard measure a scale question is. Only scales
// declared as NPS are scored as NPS (the spec's §2.1: never compute NPS for
// every 0–10 rating question).
type Metric string

// The metrics a scale question can be declared as.
const (
	// MetricNone: a custom scale, scored only by its mean.
	MetricNone Metric = ""
	// MetricNPS: "How likely are you to recommend …", 0–10.
	MetricNPS Metric = "nps"
	// MetricCSAT: "How satisfied are you with …", 1–3, 1–5 or 1–7.
	MetricCSAT Metric = "csat"
	// MetricCES: "[Company] made it easy for me to …", 1–5 or 1–7,
	// higher = easier.
	MetricCES Metric = "ces"
)

// Survey is one questionnaire: what it is for, in which language, what it
// asks and when it is sent. The zero value is an empty, invalid survey (see
// [Survey.Validate]). A Survey is plain data, safe for concurrent reads.
type Survey struct {
	// ID identifies the survey; responses carry it.
	ID string `json:"id"`
	// Goal is the one decision the answers feed, in a sentence
	// ("find what slows down delivery"). Lint reports a missing goal.
	Goal string `json:"goal,omitempty"`
	// Lang is the ISO 639-1 code of the question wording ("en", "ru",
	// "lt"); empty means unknown, and Lint then checks the wording rules of
	// every language it knows.
	Lang string `json:"lang,omitempty"`
	// Questions in the order they are shown.
	Questions []Question `json:"questions"`
	// Timing is when invitations go out (see [Policy]).
	Timing Policy `json:"timing,omitzero"`
}

// Question is one question of a survey.
type Question struct {
	// ID names the question in responses and exports; letters, digits,
	// '_', '-' and '.' only, unique within the survey.
	ID string `json:"id"`
	// Kind is the type of answer.
	Kind Kind `json:"kind"`
	// Text is the question as the respondent reads it.
	Text string `json:"text"`
	// Required questions must be answered whenever they are shown.
	Required bool `json:"required,omitempty"`
	// Scale describes a KindScale question; nil for other kinds.
	Scale *Scale `json:"scale,omitempty"`
	// Choices lists the options of a KindSingle or KindMultiple question.
	Choices []Choice `json:"choices,omitempty"`
	// Construct names what a custom scale measures ("delivery speed"), so
	// that Lint can compare scales that measure the same thing. Scales with
	// a Metric are compared by their metric.
	Construct string `json:"construct,omitempty"`
	// Improve marks an open question that asks what to improve ("What
	// should we improve?"): [Improvements] counts every aspect its answers
	// mention, whatever their tone.
	Improve bool `json:"improve,omitempty"`
	// ShowIf, when set, shows the question only when an earlier answer
	// meets the condition (a conditional follow-up).
	ShowIf *Condition `json:"show_if,omitempty"`
}

// Scale is the range of a numeric scale question, both ends included.
type Scale struct {
	// Min and Max are the lowest and highest point (NPS 0–10, CSAT 1–5).
	Min int `json:"min"`
	Max int `json:"max"`
	// MinLabel and MaxLabel are the words at the ends ("Not at all
	// likely", "Extremely likely"). Lint suggests labelling both.
	MinLabel string `json:"min_label,omitempty"`
	MaxLabel string `json:"max_label,omitempty"`
	// Metric declares the scale as NPS, CSAT or CES (or none).
	Metric Metric `json:"metric,omitempty"`
}

// Points returns how many points the scale has (Max − Min + 1).
func (sc Scale) Points() int { return sc.Max - sc.Min + 1 }

// Choice is one option of a choice question.
type Choice struct {
	// ID is what a response records; unique within the question.
	ID string `json:"id"`
	// Label is what the respondent reads.
	Label string `json:"label"`
}

// Condition shows a follow-up question only when the answer to an earlier
// question meets it: for a scale question, a score within Min–Max (both
// included); for a choice question, any of Choices picked.
type Condition struct {
	// Question is the ID of an earlier question.
	Question string `json:"question"`
	// Min and Max bound the score of a scale question.
	Min int `json:"min,omitempty"`
	Max int `json:"max,omitempty"`
	// Choices are choice IDs of a choice question; any one is enough.
	Choices []string `json:"choices,omitempty"`
}

// IfScore returns a condition met when question id was answered with a
// score from lo to hi (both included). IfScore("nps", 0, 6) selects NPS
// detractors.
func IfScore(id string, lo, hi int) *Condition { return &Condition{Question: id, Min: lo, Max: hi} }

// IfChosen returns a condition met when any of choices was picked in
// question id.
func IfChosen(id string, choices ...string) *Condition {
	return &Condition{Question: id, Choices: choices}
}

// NPSQuestion returns a required 0–10 NPS question with the standard end
// labels in English.
func NPSQuestion(id, text string) Question {
	return Question{ID: id, Kind: KindScale, Text: text, Required: true,
		Scale: &Scale{Min: 0, Max: 10, MinLabel: "Not at all likely", MaxLabel: "Extremely likely", Metric: MetricNPS}}
}

// CSATQuestion returns a required CSAT question on a 1–points scale
// (points 3, 5 or 7) labelled "Very dissatisfied" … "Very satisfied".
func CSATQuestion(id, text string, points int) Question {
	return Question{ID: id, Kind: KindScale, Text: text, Required: true,
		Scale: &Scale{Min: 1, Max: points, MinLabel: "Very dissatisfied", MaxLabel: "Very satisfied", Metric: MetricCSAT}}
}

// CESQuestion returns a required CES 2.0 question on a 1–points scale
// (points 5 or 7) labelled "Strongly disagree" … "Strongly agree".
func CESQuestion(id, text string, points int) Question {
	return Question{ID: id, Kind: KindScale, Text: text, Required: true,
		Scale: &Scale{Min: 1, Max: points, MinLabel: "Strongly disagree", MaxLabel: "Strongly agree", Metric: MetricCES}}
}

// OpenQuestion returns an optional open-text question.
func OpenQuestion(id, text string) Question {
	return Question{ID: id, Kind: KindText, Text: text}
}

// ImproveQuestion returns an optional open question that asks what to
// improve (see [Question].Improve), shown only when cond holds (nil:
// always). ImproveQuestion("improve", "What should we improve?",
// IfScore("nps", 0, 6)) asks NPS detractors.
func ImproveQuestion(id, text string, cond *Condition) Question {
	return Question{ID: id, Kind: KindText, Text: text, Improve: true, ShowIf: cond}
}

// Question returns the question with the given ID and whether it exists.
func (s Survey) Question(id string) (Question, bool) {
	if i := s.index(id); i >= 0 {
		return s.Questions[i], true
	}
	return Question{}, false
}

func (s Survey) index(id string) int {
	for i := range s.Questions {
		if s.Questions[i].ID == id {
			return i
		}
	}
	return -1
}

// ErrInvalid is matched (errors.Is) by every [*FieldError] and
// [*QuestionError] that [Survey.Validate] returns.
var ErrInvalid = errors.New("survey: invalid survey")

// FieldError reports a survey-level field that breaks the rules.
type FieldError struct {
	Survey  string // the survey's ID (may be empty: that can be the fault)
	Field   string // Go name of the field, e.g. "ID" or "Timing.Deadline"
	Problem string // what is wrong, in words
}

// Error describes the fault, naming where it is.
func (e *FieldError) Error() string {
	return fmt.Sprintf("survey %q: %s: %s", e.Survey, e.Field, e.Problem)
}

// Is makes every FieldError match [ErrInvalid].
func (e *FieldError) Is(target error) bool { return target == ErrInvalid }

// QuestionError reports one question that breaks the rules; it names the
// question by ID and position.
type QuestionError struct {
	Survey   string // the survey's ID
	Question string // the question's ID (may be empty: that can be the fault)
	Index    int    // position in Survey.Questions, from 0
	Field    string // Go name of the field at fault, e.g. "Scale.Max"
	Problem  string // what is wrong, in words
}

// Error describes the fault, naming where it is.
func (e *QuestionError) Error() string {
	return fmt.Sprintf("survey %q: question %q (#%d): %s: %s", e.Survey, e.Question, e.Index+1, e.Field, e.Problem)
}

// Is makes every QuestionError match [ErrInvalid].
func (e *QuestionError) Is(target error) bool { return target == ErrInvalid }

// validID reports whether id is a usable question or choice ID.
func validID(id string) bool {
	if id == "" || len(id) > 64 {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.') {
			return false
		}
	}
	return true
}

// textProblem returns what is wrong with a text field, or "".
func textProblem(s string, required bool) string {
	switch {
	case required && strings.TrimSpace(s) == "":
		return "missing"
	case len(s) > MaxTextBytes:
		return fmt.Sprintf("%d bytes, more than the %d allowed", len(s), MaxTextBytes)
	case !utf8.ValidString(s):
		return "not valid UTF-8"
	}
	return ""
}

// Validate checks the survey's structure and returns nil or every fault
// found, joined with [errors.Join]; each is a [*FieldError] or a
// [*QuestionError] naming the question. The rules: the survey has an ID and
// 1–[MaxQuestions] questions; question IDs are valid and unique; every
// question has a known kind and a text; a scale question has a Scale of 2–11
// points, an NPS scale is exactly 0–10 (11 points are part of the method), a
// CSAT scale is 1–3, 1–5 or 1–7, a CES scale 1–5 or 1–7; a choice question
// has 2–[MaxChoices] choices with valid, unique IDs and labels; a condition
// refers to an earlier scale or choice question with a range inside its
// scale or choices it offers; texts are valid UTF-8 and at most
// [MaxTextBytes]; the timing policy is valid ([Policy.Validate]).
// Style problems (too many questions, wording) are [Survey.Lint]'s job.
// Validate never panics.
func (s Survey) Validate() error {
	var errs []error
	bad := func(field, problem string) {
		errs = append(errs, &FieldError{Survey: s.ID, Field: field, Problem: problem})
	}
	if s.ID == "" || len(s.ID) > 256 || !utf8.ValidString(s.ID) {
		bad("ID", "missing, too long or not valid UTF-8")
	}
	if p := textProblem(s.Goal, false); p != "" {
		bad("Goal", p)
	}
	if len(s.Lang) > 8 {
		bad("Lang", "not an ISO 639-1 code")
	}
	switch n := len(s.Questions); {
	case n == 0:
		bad("Questions", "none")
	case n > MaxQuestions:
		bad("Questions", fmt.Sprintf("%d questions, more than the %d allowed", n, MaxQuestions))
		return errors.Join(errs...) // do not walk a hostile list
	}
	if err := s.Timing.Validate(); err != nil {
		for _, e := range unjoin(err) {
			if fe, ok := e.(*FieldError); ok {
				fe.Survey = s.ID
			}
			errs = append(errs, e)
		}
	}
	seen := make(map[string]int, len(s.Questions))
	for i := range s.Questions {
		errs = s.Questions[i].validate(s.ID, i, s.Questions[:i], seen, errs)
	}
	return errors.Join(errs...)
}

func unjoin(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

func (q *Question) validate(surveyID string, i int, earlier []Question, seen map[string]int, errs []error) []error {
	bad := func(field, problem string) {
		errs = append(errs, &QuestionError{Survey: surveyID, Question: q.ID, Index: i, Field: field, Problem: problem})
	}
	if !validID(q.ID) {
		bad("ID", "missing, longer than 64 bytes or not made of letters, digits, '_', '-' and '.'")
	} else if j, dup := seen[q.ID]; dup {
		bad("ID", fmt.Sprintf("same as question #%d", j+1))
	} else {
		seen[q.ID] = i
	}
	if p := textProblem(q.Text, true); p != "" {
		bad("Text", p)
	}
	if p := textProblem(q.Construct, false); p != "" {
		bad("Construct", p)
	}
	switch q.Kind {
	case KindScale:
		if q.Scale == nil {
			bad("Scale", "missing for a scale question")
			break
		}
		if len(q.Choices) > 0 {
			bad("Choices", "a scale question has no choices")
		}
		q.Scale.validate(bad)
	case KindSingle, KindMultiple:
		if q.Scale != nil {
			bad("Scale", "only scale questions have a scale")
		}
		switch n := len(q.Choices); {
		case n < 2:
			bad("Choices", fmt.Sprintf("%d choices, a choice question needs at least 2", n))
		case n > MaxChoices:
			bad("Choices", fmt.Sprintf("%d choices, more than the %d allowed", n, MaxChoices))
		default:
			ids := make(map[string]bool, n)
			for k, c := range q.Choices {
				if !validID(c.ID) {
					bad(fmt.Sprintf("Choices[%d].ID", k), "missing or not made of letters, digits, '_', '-' and '.'")
				} else if ids[c.ID] {
					bad(fmt.Sprintf("Choices[%d].ID", k), fmt.Sprintf("duplicate %q", c.ID))
				}
				ids[c.ID] = true
				if p := textProblem(c.Label, true); p != "" {
					bad(fmt.Sprintf("Choices[%d].Label", k), p)
				}
			}
		}
	case KindText:
		if q.Scale != nil {
			bad("Scale", "only scale questions have a scale")
		}
		if len(q.Choices) > 0 {
			bad("Choices", "an open question has no choices")
		}
	default:
		bad("Kind", fmt.Sprintf("unknown kind %q (want scale, single, multiple or text)", truncate(string(q.Kind), 32)))
	}
	if q.Improve && q.Kind != KindText {
		bad("Improve", "only open questions ask what to improve")
	}
	if c := q.ShowIf; c != nil {
		var target *Question
		for k := range earlier {
			if earlier[k].ID == c.Question {
				target = &earlier[k]
			}
		}
		switch {
		case target == nil:
			bad("ShowIf.Question", fmt.Sprintf("%q is not an earlier question", truncate(c.Question, 64)))
		case target.Kind == KindScale && target.Scale != nil:
			if len(c.Choices) > 0 {
				bad("ShowIf.Choices", "the condition's question is a scale")
			}
			if c.Min > c.Max || c.Min < target.Scale.Min || c.Max > target.Scale.Max {
				bad("ShowIf", fmt.Sprintf("range %d–%d is empty or outside %d–%d", c.Min, c.Max, target.Scale.Min, target.Scale.Max))
			}
		case target.Kind == KindSingle || target.Kind == KindMultiple:
			if len(c.Choices) == 0 {
				bad("ShowIf.Choices", "missing for a choice question")
			}
			for _, id := range c.Choices {
				if target.choice(id) < 0 {
					bad("ShowIf.Choices", fmt.Sprintf("%q is not a choice of %q", truncate(id, 64), target.ID))
				}
			}
		default:
			bad("ShowIf.Question", fmt.Sprintf("%q is an open question; conditions need a scale or choice", target.ID))
		}
	}
	return errs
}

func (sc *Scale) validate(bad func(field, problem string)) {
	if p := sc.Points(); sc.Max <= sc.Min || p > MaxScalePoints {
		bad("Scale", fmt.Sprintf("%d–%d is not a scale of 2–%d points", sc.Min, sc.Max, MaxScalePoints))
	}
	if p := textProblem(sc.MinLabel, false); p != "" {
		bad("Scale.MinLabel", p)
	}
	if p := textProblem(sc.MaxLabel, false); p != "" {
		bad("Scale.MaxLabel", p)
	}
	switch sc.Metric {
	case MetricNone:
	case MetricNPS:
		if sc.Min != 0 || sc.Max != 10 {
			bad("Scale", fmt.Sprintf("NPS is asked on 0–10, not %d–%d", sc.Min, sc.Max))
		}
	case MetricCSAT:
		if sc.Min != 1 || (sc.Max != 3 && sc.Max != 5 && sc.Max != 7) {
			bad("Scale", fmt.Sprintf("CSAT is asked on 1–3, 1–5 or 1–7, not %d–%d", sc.Min, sc.Max))
		}
	case MetricCES:
		if sc.Min != 1 || (sc.Max != 5 && sc.Max != 7) {
			bad("Scale", fmt.Sprintf("CES is asked on 1–5 or 1–7, not %d–%d", sc.Min, sc.Max))
		}
	default:
		bad("Scale.Metric", fmt.Sprintf("unknown metric %q (want nps, csat, ces or empty)", truncate(string(sc.Metric), 32)))
	}
}

func (q *Question) choice(id string) int {
	for i := range q.Choices {
		if q.Choices[i].ID == id {
			return i
		}
	}
	return -1
}

// truncate shortens s to at most n bytes on a rune boundary, for messages.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}
