package reply

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Option configures a [Checker], a [Check], [Plan] or [Draft] call.
type Option func(*config) error

// FAQ is a question a shop answers the same way every time (opening
// hours, delivery cost, the return window). [Plan] marks a review whose
// question matches one as fit for an automated answer.
type FAQ struct {
	// Topic names the entry, e.g. "opening-hours".
	Topic string `json:"topic"`
	// Keywords are phrases in the phrase syntax of rules/README.md
	// ("opening hours", "open* sunday", "часы работы"); any one matching
	// the review's question selects the entry.
	Keywords []string `json:"keywords"`
	// Answer is the text to post.
	Answer string `json:"answer"`
}

type extraPhrases struct {
	lang, file, section string
	lines               []string
}

// config is what the options set.
type config struct {
	policy      Policy
	policySet   bool
	now         time.Time
	phrases     []extraPhrases
	disabled    map[string]bool
	severity    map[string]Severity
	msgLang     string
	earlier     []string
	orders      []string
	faq         []FAQ
	analyzer    textAnalyzer
	compileOnly bool // an option that only NewChecker can honour was given
}

func (c *config) apply(opts []Option) error {
	var errs []error
	for _, o := range opts {
		if o == nil {
			continue
		}
		if err := o(c); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// ErrOption is matched by every error an option reports.
var ErrOption = errors.New("reply: invalid option")

// WithNow sets the moment the draft is judged at, for `timeliness` and
// for due times in [Plan]. Default: time.Now().
func WithNow(t time.Time) Option {
	return func(c *config) error { c.now = t; return nil }
}

// WithPolicy sets the shop's reply policy; zero fields keep their
// defaults (see [DefaultPolicy]).
func WithPolicy(p Policy) Option {
	return func(c *config) error {
		if err := p.validate(); err != nil {
			return err
		}
		c.policy, c.policySet = p, true
		return nil
	}
}

// WithPolicyFile loads the policy from a JSON file (see [LoadPolicy]).
func WithPolicyFile(path string) Option {
	return func(c *config) error {
		p, err := LoadPolicy(path)
		if err != nil {
			return err
		}
		c.policy, c.policySet = p, true
		return nil
	}
}

// WithPhrases adds phrases to a rule's list for one language ("en",
// "ru", "lt"). list names the data file and, after a colon, the section:
// "apology", "defensive", "positive-close:positive",
// "take-offline:channel". A phrase starting with '!' is an exception. See
// rules/README.md for the syntax. Only [NewChecker] (and [Check], which
// then compiles a fresh checker) honour this option.
func WithPhrases(lang, list string, phrases ...string) Option {
	return func(c *config) error {
		if !slices.Contains(Langs, lang) {
			return fmt.Errorf("%w: language %q (want en, ru or lt)", ErrOption, lang)
		}
		file, sec, _ := strings.Cut(list, ":")
		if file == "" {
			return fmt.Errorf("%w: empty phrase list name", ErrOption)
		}
		for _, p := range phrases {
			if _, err := parsePhrase(p); err != nil {
				return fmt.Errorf("%w: %w", ErrOption, err)
			}
		}
		c.phrases = append(c.phrases, extraPhrases{lang, file, sec, slices.Clone(phrases)})
		c.compileOnly = true
		return nil
	}
}

// WithoutRule switches rules off.
func WithoutRule(ids ...string) Option {
	return func(c *config) error {
		for _, id := range ids {
			if !knownRule(id) {
				return fmt.Errorf("%w: unknown rule %q", ErrOption, id)
			}
			if c.disabled == nil {
				c.disabled = map[string]bool{}
			}
			c.disabled[id] = true
		}
		return nil
	}
}

// WithSeverity changes a rule's severity.
func WithSeverity(id string, s Severity) Option {
	return func(c *config) error {
		if !knownRule(id) {
			return fmt.Errorf("%w: unknown rule %q", ErrOption, id)
		}
		if s < Suggestion || s > Error {
			return fmt.Errorf("%w: severity %d", ErrOption, int(s))
		}
		if c.severity == nil {
			c.severity = map[string]Severity{}
		}
		c.severity[id] = s
		return nil
	}
}

// MessagesInReplyLang, given to [WithMessageLang], writes each finding's
// message in the draft's language (English when it is unknown).
const MessagesInReplyLang = "auto"

// WithMessageLang sets the language of finding messages: "en" (the
// default), "ru", "lt", or [MessagesInReplyLang].
func WithMessageLang(lang string) Option {
	return func(c *config) error {
		if lang != MessagesInReplyLang && !slices.Contains(Langs, lang) {
			return fmt.Errorf("%w: message language %q", ErrOption, lang)
		}
		c.msgLang = lang
		return nil
	}
}

// WithEarlierReplies gives the shop's earlier public replies; `template`
// flags a draft that is a near-copy of one of them. Given to
// [NewChecker], their signatures are computed once.
func WithEarlierReplies(replies ...string) Option {
	return func(c *config) error {
		c.earlier = append(c.earlier, replies...)
		return nil
	}
}

// WithOrderNumbers names order numbers that must never appear in full in
// a public reply (the review's own OrderID is always included).
func WithOrderNumbers(numbers ...string) Option {
	return func(c *config) error {
		for _, n := range numbers {
			if n = strings.TrimSpace(n); n != "" {
				c.orders = append(c.orders, n)
			}
		}
		return nil
	}
}

// WithFAQ gives [Plan] the questions that may be answered automatically.
func WithFAQ(entries ...FAQ) Option {
	return func(c *config) error {
		for _, e := range entries {
			if len(e.Keywords) == 0 {
				return fmt.Errorf("%w: FAQ %q has no keywords", ErrOption, e.Topic)
			}
			for _, k := range e.Keywords {
				if _, err := parsePhrase(k); err != nil {
					return fmt.Errorf("%w: FAQ %q: %w", ErrOption, e.Topic, err)
				}
			}
		}
		c.faq = append(c.faq, entries...)
		c.compileOnly = true
		return nil
	}
}
