package survey

import (
	"fmt"
	"strings"
)

// Severity is how much a finding matters. It prints (String, MarshalText)
// as "suggestion", "warning" or "error".
type Severity int

// The severities, from mildest to strongest (the order of reply.Severity,
// so that "f.Severity >= Warning" reads the same in both packages). The
// zero value is Suggestion.
const (
	// Suggestion: worth a look.
	Suggestion Severity = iota
	// Warning: very likely hurts the answers.
	Warning
	// Error: breaks a rule (a platform's policy, a law) or the method.
	Error
)

var severityNames = [...]string{"suggestion", "warning", "error"}

// String returns "suggestion", "warning" or "error" ("Severity(N)" for an
// unknown value).
func (s Severity) String() string {
	if s >= 0 && int(s) < len(severityNames) {
		return severityNames[s]
	}
	return fmt.Sprintf("Severity(%d)", int(s))
}

// MarshalText implements [encoding.TextMarshaler].
func (s Severity) MarshalText() ([]byte, error) {
	if s < 0 || int(s) >= len(severityNames) {
		return nil, fmt.Errorf("survey: unknown severity %d", int(s))
	}
	return []byte(severityNames[s]), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (s *Severity) UnmarshalText(b []byte) error {
	for i, n := range severityNames {
		if string(b) == n {
			*s = Severity(i)
			return nil
		}
	}
	return fmt.Errorf("survey: unknown severity %q", truncate(string(b), 32))
}

// Finding is one problem [Survey.Lint] or [CheckInvitation] found.
type Finding struct {
	// Rule is the stable rule ID (see [Survey.Lint], [CheckInvitation]).
	Rule string `json:"rule"`
	// Severity is how much the finding matters.
	Severity Severity `json:"severity"`
	// Message says what is wrong and what to do, in English.
	Message string `json:"message"`
	// Question is the ID of the question at fault (Lint); empty when the
	// finding is about the whole survey or about an invitation.
	Question string `json:"question,omitempty"`
	// Field is the part of an invitation at fault: "subject", "body" or
	// "offer" (CheckInvitation only).
	Field string `json:"field,omitempty"`
	// Start and End are byte offsets of the offending words in the
	// question text (Lint) or in Field (CheckInvitation); 0/0 when the
	// finding is about the whole question or text.
	Start int `json:"start"`
	End   int `json:"end"`
	// Policy names the rule, guideline or method the finding rests on.
	Policy string `json:"policy,omitempty"`
}

// The rule IDs of [Survey.Lint].
const (
	RuleTooManyQuestions = "too-many-questions"
	RuleNoOpenQuestion   = "no-open-question"
	RuleNoScaleQuestion  = "no-scale-question"
	RuleNoGoal           = "no-goal"
	RuleLeadingQuestion  = "leading-question"
	RuleDoubleBarreled   = "double-barreled"
	RuleScaleMismatch    = "scale-mismatch"
	RuleTooManyRequired  = "too-many-required"
	RuleUnlabelledScale  = "unlabelled-scale"
)

// MaxLintQuestions is the most questions Lint accepts without a finding
// (the seeds' "at most 5–6 questions", spec §2.11).
const MaxLintQuestions = 6

// MaxRequiredOpen is the most required open questions Lint accepts without
// a finding: typing is the costliest answer, so at most one is compulsory.
const MaxRequiredOpen = 1

// Lint checks the survey's design and wording and returns its findings,
// survey-level ones first, then per question in question order. The rules:
//
//   - too-many-questions (warning): more than 6 questions.
//   - no-open-question (warning): no open-text question.
//   - no-scale-question (warning): no numeric scale question.
//   - no-goal (warning): the survey states no goal.
//   - leading-question (warning): wording that presumes or praises the
//     hoped-for answer ("How great was …", "Насколько вам понравился наш
//     отличный …", "Kaip labai jums patiko …").
//   - double-barreled (warning): one question asks about two things joined
//     by "and", "и", "ir", … ("speed and politeness of delivery"), or holds
//     two question marks.
//   - scale-mismatch (warning): two scales measuring the same construct
//     (the same Metric, or the same Construct for custom scales) with
//     different ranges, such as 1–5 next to 1–10.
//   - too-many-required (warning): more than one required open question.
//   - unlabelled-scale (suggestion): a scale without words at both ends.
//
// Wording rules read English, Russian and Lithuanian (the embedded lists
// under rules/, matched on word stems and prefixes). Lint works on invalid
// surveys too and never panics.
func (s Survey) Lint() []Finding {
	var out []Finding
	add := func(rule string, sev Severity, q string, start, end int, msg string) {
		out = append(out, Finding{Rule: rule, Severity: sev, Question: q, Start: start, End: end, Message: msg,
			Policy: "survey design: short, one goal, honest and single-topic wording (metrics-and-policies §2.11)"})
	}
	if n := len(s.Questions); n > MaxLintQuestions {
		add(RuleTooManyQuestions, Warning, "", 0, 0,
			fmt.Sprintf("%d questions; keep a survey to at most %d so that people finish it", n, MaxLintQuestions))
	}
	var open, scale, requiredOpen int
	for i := range s.Questions {
		switch s.Questions[i].Kind {
		case KindText:
			open++
			if s.Questions[i].Required {
				requiredOpen++
			}
		case KindScale:
			scale++
		}
	}
	if open == 0 && len(s.Questions) > 0 {
		add(RuleNoOpenQuestion, Warning, "", 0, 0, "no open question; add one (\"What should we improve?\") so that scores come with reasons")
	}
	if scale == 0 && len(s.Questions) > 0 {
		add(RuleNoScaleQuestion, Warning, "", 0, 0, "no numeric scale question; add one (NPS, CSAT or CES) so that answers can be counted and compared")
	}
	if strings.TrimSpace(s.Goal) == "" {
		add(RuleNoGoal, Warning, "", 0, 0, "the survey states no goal; write the one decision its answers feed")
	}
	if requiredOpen > MaxRequiredOpen {
		add(RuleTooManyRequired, Warning, "", 0, 0,
			fmt.Sprintf("%d required open questions; make at most %d compulsory, typing is what makes people quit", requiredOpen, MaxRequiredOpen))
	}
	if len(s.Questions) > MaxQuestions {
		return out // do not read a hostile list
	}
	type seenScale struct {
		id       string
		min, max int
	}
	constructs := map[string]seenScale{}
	for i := range s.Questions {
		q := &s.Questions[i]
		if len(q.Text) <= MaxTextBytes {
			lintWording(q, add)
		}
		if q.Kind != KindScale || q.Scale == nil {
			continue
		}
		if strings.TrimSpace(q.Scale.MinLabel) == "" || strings.TrimSpace(q.Scale.MaxLabel) == "" {
			add(RuleUnlabelledScale, Suggestion, q.ID, 0, 0,
				fmt.Sprintf("the %d–%d scale has no words at one or both ends; label them (\"Very dissatisfied\" … \"Very satisfied\")", q.Scale.Min, q.Scale.Max))
		}
		key := string(q.Scale.Metric)
		if key == "" {
			key = "construct:" + strings.ToLower(strings.TrimSpace(q.Construct))
		}
		if prev, ok := constructs[key]; ok {
			if prev.min != q.Scale.Min || prev.max != q.Scale.Max {
				what := strings.TrimPrefix(key, "construct:")
				if what == "" {
					what = "the same unnamed construct"
				}
				add(RuleScaleMismatch, Warning, q.ID, 0, 0,
					fmt.Sprintf("scale %d–%d measures %s like question %q, which uses %d–%d; use one scale so answers compare",
						q.Scale.Min, q.Scale.Max, what, prev.id, prev.min, prev.max))
			}
		} else {
			constructs[key] = seenScale{q.ID, q.Scale.Min, q.Scale.Max}
		}
	}
	return out
}

// lintWording adds the leading-question and double-barreled findings of one
// question.
func lintWording(q *Question, add func(rule string, sev Severity, q string, start, end int, msg string)) {
	toks := tokenize(q.Text)
	leading, double := false, false
	for _, lang := range langs {
		st := stemTokens(lang, toks)
		if !leading {
			if ms := loadList(lang, "leading").find(st); len(ms) > 0 {
				m := ms[0]
				add(RuleLeadingQuestion, Warning, q.ID, m.start, m.stop,
					fmt.Sprintf("%q presumes or praises the answer; ask neutrally (\"How satisfied or dissatisfied were you with …\")", q.Text[m.start:m.stop]))
				leading = true
			}
		}
		if !double {
			if m, ok := doubleBarreled(lang, st); ok {
				add(RuleDoubleBarreled, Warning, q.ID, m.start, m.stop,
					fmt.Sprintf("%q joins two topics in one question; ask about each separately", q.Text[m.start:m.stop]))
				double = true
			}
		}
	}
	if !double && strings.Count(q.Text, "?") > 1 {
		add(RuleDoubleBarreled, Warning, q.ID, 0, 0, "the text asks more than one question; split it")
	}
}

// doubleBarreled finds a joining word with words on both sides that is not
// part of a fixed expression.
func doubleBarreled(lang string, st stemmed) (match, bool) {
	joins := loadList(lang, "double").find(st)
	if len(joins) == 0 {
		return match{}, false
	}
	except := loadList(lang, "double-except").find(st)
	for _, j := range joins {
		if j.first == 0 || j.end >= len(st.toks) {
			continue // "And how …" or a trailing word joins nothing
		}
		inFixed := false
		for _, e := range except {
			if j.first >= e.first && j.end <= e.end {
				inFixed = true
			}
		}
		if !inFixed {
			// Report the joining word with its neighbours: "speed and politeness".
			return match{phrase: j.phrase, first: j.first - 1, end: j.end + 1,
				start: st.toks[j.first-1].start, stop: st.toks[j.end].end}, true
		}
	}
	return match{}, false
}
