package reply

import (
	"errors"
	"fmt"
)

// Severity says how much a finding matters. The zero value is
// [Suggestion].
type Severity int

// Severities, from mildest to strongest.
const (
	Suggestion Severity = iota
	Warning
	Error
)

// String returns "suggestion", "warning" or "error".
func (s Severity) String() string {
	switch s {
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return "suggestion"
}

// MarshalText encodes the severity as its String.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText parses "suggestion", "warning" or "error".
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// ErrSeverity is returned by [ParseSeverity] for an unknown name.
var ErrSeverity = errors.New("reply: unknown severity")

// ParseSeverity parses "suggestion", "warning" or "error".
func ParseSeverity(name string) (Severity, error) {
	switch name {
	case "suggestion":
		return Suggestion, nil
	case "warning":
		return Warning, nil
	case "error":
		return Error, nil
	}
	return 0, fmt.Errorf("%w %q", ErrSeverity, name)
}

// Finding is one way a draft reply falls short of the guidelines.
//
// Start and End are byte offsets into the draft (End exclusive) of the
// span an editor should underline; both are 0 when the finding is about
// the draft as a whole.
type Finding struct {
	// Rule is the stable rule ID, one of [Rules].
	Rule string `json:"rule"`
	// Severity is the rule's severity ([WithSeverity] changes it).
	Severity Severity `json:"severity"`
	// Message tells the agent what to do, in English or, with
	// [WithMessageLang], in the reply's language.
	Message string `json:"message"`
	// Start and End delimit the span in the draft, in bytes.
	Start int `json:"start"`
	End   int `json:"end"`
}

// Rule IDs: the stable names of the guidelines that [Check] applies.
const (
	RuleThanks            = "thanks"
	RuleApology           = "apology"
	RuleOverApology       = "over-apology"
	RuleAcknowledge       = "acknowledge"
	RuleResolution        = "resolution"
	RuleTakeOffline       = "take-offline"
	RuleDefensive         = "defensive"
	RuleArgue             = "argue"
	RuleProvoked          = "provoked"
	RuleLength            = "length"
	RulePositiveClose     = "positive-close"
	RuleHighlightPositive = "highlight-positive"
	RuleImprovement       = "improvement"
	RulePersonal          = "personal"
	RuleTemplate          = "template"
	RulePrivateData       = "private-data"
	RulePlaceholder       = "placeholder"
	RuleLanguage          = "language"
	RuleTimeliness        = "timeliness"
)

// Rules lists every rule ID in the order Check reports them. Treat it as
// read-only.
var Rules = []string{
	RuleThanks, RuleApology, RuleOverApology, RuleAcknowledge, RuleResolution,
	RuleTakeOffline, RuleDefensive, RuleArgue, RuleProvoked, RuleLength,
	RulePositiveClose, RuleHighlightPositive, RuleImprovement, RulePersonal,
	RuleTemplate, RulePrivateData, RulePlaceholder, RuleLanguage, RuleTimeliness,
}

// defaultSeverity is each rule's severity unless an option changes it.
var defaultSeverity = map[string]Severity{
	RuleThanks:            Warning,
	RuleApology:           Warning,
	RuleOverApology:       Warning,
	RuleAcknowledge:       Warning,
	RuleResolution:        Warning,
	RuleTakeOffline:       Warning,
	RuleDefensive:         Warning,
	RuleArgue:             Error,
	RuleProvoked:          Error,
	RuleLength:            Warning,
	RulePositiveClose:     Suggestion,
	RuleHighlightPositive: Suggestion,
	RuleImprovement:       Suggestion,
	RulePersonal:          Warning,
	RuleTemplate:          Warning,
	RulePrivateData:       Error,
	RulePlaceholder:       Error,
	RuleLanguage:          Error,
	RuleTimeliness:        Warning,
}

func knownRule(id string) bool { _, ok := defaultSeverity[id]; return ok }
