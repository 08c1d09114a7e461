package survey

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Answer is the answer to one question. Which field counts depends on the
// question's kind: Score for a scale, Choices for a choice question (one for
// single choice), Text for an open question. Build one with [ScoreAnswer],
// [ChoiceAnswer] or [TextAnswer].
//
// In JSON an answer is a bare value: a number for a score, a string for
// text, an array of choice IDs for choices.
type Answer struct {
	Score   int
	Choices []string
	Text    string
}

// ScoreAnswer returns the answer v to a scale question.
func ScoreAnswer(v int) Answer { return Answer{Score: v} }

// ChoiceAnswer returns the answer to a choice question picking ids.
func ChoiceAnswer(ids ...string) Answer { return Answer{Choices: ids} }

// TextAnswer returns the answer to an open question.
func TextAnswer(s string) Answer { return Answer{Text: s} }

// MarshalJSON writes the answer as a number, a string or an array.
func (a Answer) MarshalJSON() ([]byte, error) {
	switch {
	case len(a.Choices) > 0:
		return json.Marshal(a.Choices)
	case a.Text != "":
		return json.Marshal(a.Text)
	}
	return json.Marshal(a.Score)
}

// UnmarshalJSON reads a number (a whole one), a string or an array of
// strings.
func (a *Answer) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	*a = Answer{}
	switch {
	case len(b) == 0:
		return errors.New("survey: empty answer")
	case b[0] == '"':
		return json.Unmarshal(b, &a.Text)
	case b[0] == '[':
		return json.Unmarshal(b, &a.Choices)
	case string(b) == "null":
		return nil
	}
	var f float64
	if err := json.Unmarshal(b, &f); err != nil {
		return fmt.Errorf("survey: answer %s is not a number, a string or a list of choices", truncate(string(b), 32))
	}
	if f != math.Trunc(f) || math.Abs(f) > 1e6 {
		return fmt.Errorf("survey: answer %s is not a whole number", truncate(string(b), 32))
	}
	a.Score = int(f)
	return nil
}

// Response is one respondent's answers to a survey, independent of where
// it is stored. Answers are keyed by question ID; a question left out was
// not answered.
type Response struct {
	// ID identifies the response; SurveyID the survey it answers.
	ID       string `json:"id"`
	SurveyID string `json:"survey_id"`
	// CustomerID and OrderID link the response to a customer and an
	// order, when known.
	CustomerID string `json:"customer_id,omitempty"`
	OrderID    string `json:"order_id,omitempty"`
	// ProductID and Channel ("email", "web", "sms", ...) are segments for
	// [Breakdown].
	ProductID string `json:"product_id,omitempty"`
	Channel   string `json:"channel,omitempty"`
	// Lang is the language the respondent answered in, when known.
	Lang string `json:"lang,omitempty"`
	// SubmittedAt is when the respondent sent it (the time buckets of
	// [Breakdown] use it).
	SubmittedAt time.Time `json:"submitted_at"`
	// Answers maps question IDs to answers.
	Answers map[string]Answer `json:"answers"`
}

// ErrBadAnswer is matched (errors.Is) by every [*AnswerError].
var ErrBadAnswer = errors.New("survey: bad answer")

// AnswerError reports one answer that does not fit its question, or a
// required question left unanswered; it names the question.
type AnswerError struct {
	Response string // the response's ID
	Question string // the question's ID
	Problem  string // what is wrong, in words
}

// Error describes the fault, naming where it is.
func (e *AnswerError) Error() string {
	return fmt.Sprintf("survey: response %q: question %q: %s", truncate(e.Response, 64), truncate(e.Question, 64), e.Problem)
}

// Is makes every AnswerError match [ErrBadAnswer].
func (e *AnswerError) Is(target error) bool { return target == ErrBadAnswer }

// shown reports whether q is shown given the answers so far.
func (s Survey) shown(q *Question, answers map[string]Answer) bool {
	c := q.ShowIf
	if c == nil {
		return true
	}
	a, ok := answers[c.Question]
	if !ok {
		return false
	}
	if len(c.Choices) > 0 {
		for _, id := range a.Choices {
			if slices.Contains(c.Choices, id) {
				return true
			}
		}
		return false
	}
	return a.Score >= c.Min && a.Score <= c.Max
}

// ValidateResponse checks r against the survey and returns a copy that keeps
// every good answer, together with nil or one [*AnswerError] per bad answer
// (joined with [errors.Join]). A bad answer is dropped and named; the
// others stay. Faults: a survey ID that differs, an answer to an unknown
// question or to a follow-up whose condition is not met, a score outside the
// scale, an unknown, repeated or second single choice, text that is not
// valid UTF-8 or longer than [MaxTextBytes], an answer of the wrong shape,
// and a required question that was shown but not answered (an empty open
// answer counts as unanswered). s should be valid ([Survey.Validate]).
func (s Survey) ValidateResponse(r Response) (Response, error) {
	var errs []error
	bad := func(q, problem string) {
		errs = append(errs, &AnswerError{Response: r.ID, Question: q, Problem: problem})
	}
	out := r
	out.Answers = make(map[string]Answer, len(r.Answers))
	if r.SurveyID != "" && r.SurveyID != s.ID {
		errs = append(errs, fmt.Errorf("survey: response %q is for survey %q, not %q", truncate(r.ID, 64), truncate(r.SurveyID, 64), truncate(s.ID, 64)))
	}
	ids := make([]string, 0, len(r.Answers))
	for id := range r.Answers {
		if s.index(id) < 0 {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids) // deterministic error order
	for _, id := range ids {
		bad(id, "not a question of this survey")
	}
	for i := range s.Questions {
		q := &s.Questions[i]
		a, ok := r.Answers[q.ID]
		if ok && q.Kind == KindText && a.Text == "" && a.Score == 0 && len(a.Choices) == 0 {
			ok = false // an empty open answer is no answer
		}
		if !s.shown(q, out.Answers) {
			if ok {
				bad(q.ID, "answered, but its condition on "+q.ShowIf.Question+" is not met")
			}
			continue
		}
		if !ok {
			if q.Required {
				bad(q.ID, "required but not answered")
			}
			continue
		}
		if p := answerProblem(q, a); p != "" {
			bad(q.ID, p)
			continue
		}
		out.Answers[q.ID] = a
	}
	return out, errors.Join(errs...)
}

func answerProblem(q *Question, a Answer) string {
	switch q.Kind {
	case KindScale:
		if len(a.Choices) > 0 || a.Text != "" {
			return "a scale question takes a number"
		}
		if q.Scale == nil {
			return "question has no scale"
		}
		if a.Score < q.Scale.Min || a.Score > q.Scale.Max {
			return fmt.Sprintf("%d is outside %d–%d", a.Score, q.Scale.Min, q.Scale.Max)
		}
	case KindSingle, KindMultiple:
		if a.Text != "" || a.Score != 0 {
			return "a choice question takes a list of choice IDs"
		}
		if len(a.Choices) == 0 {
			return "no choice picked"
		}
		if q.Kind == KindSingle && len(a.Choices) > 1 {
			return fmt.Sprintf("%d choices picked, a single-choice question takes one", len(a.Choices))
		}
		for k, id := range a.Choices {
			if q.choice(id) < 0 {
				return fmt.Sprintf("%q is not one of its choices", truncate(id, 64))
			}
			if slices.Contains(a.Choices[:k], id) {
				return fmt.Sprintf("%q picked twice", truncate(id, 64))
			}
		}
	case KindText:
		if len(a.Choices) > 0 || a.Score != 0 {
			return "an open question takes text"
		}
		if !utf8.ValidString(a.Text) {
			return "not valid UTF-8"
		}
		if len(a.Text) > MaxTextBytes {
			return fmt.Sprintf("%d bytes, more than the %d allowed", len(a.Text), MaxTextBytes)
		}
		if strings.TrimSpace(a.Text) == "" && q.Required {
			return "required but blank"
		}
	default:
		return fmt.Sprintf("question has unknown kind %q", truncate(string(q.Kind), 32))
	}
	return ""
}
