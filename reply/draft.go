package reply

import (
	"errors"
	"strings"
	"unicode/utf8"

	"github.com/reputekit/repute/review"
)

// ErrNothingToAnswer is returned by [Draft] for a review with no text and
// no rating.
var ErrNothingToAnswer = errors.New("reply: review has no text and no rating")

// Draft returns a reply skeleton in the review's language (English when
// it is unknown) that thanks, acknowledges each raised aspect by name,
// apologises once for a complaint, proposes the policy's Resolution and
// Channel (or leaves slots for them), says what will change, and closes
// positively. Slots for the human are marked [[like this]]; [Check]
// reports an unedited skeleton as `personal` (and `placeholder`), so
// automation never passes silently as care.
func Draft(r review.Review, opts ...Option) (string, error) {
	c, call := checkerFor(opts)
	if c == nil {
		return "", ErrOption
	}
	return c.Draft(r, call...)
}

// Draft is [Draft] with the Checker's phrase data and policy.
func (c *Checker) Draft(r review.Review, opts ...Option) (string, error) {
	if strings.TrimSpace(r.Title+r.Body) == "" && r.Rating == 0 {
		return "", ErrNothingToAnswer
	}
	cfg := c.cfg
	for _, o := range opts {
		if o != nil {
			var probe config
			if o(&probe) == nil && !probe.compileOnly {
				_ = o(&cfg)
			}
		}
	}
	pol := cfg.policy.withDefaults()
	ri := c.analyzeReview(r, &cfg)
	lang := ri.lang
	if c.langs[lang] == nil || len(c.langs[lang].draft) == 0 {
		lang = "en"
	}
	ld := c.langs[lang]
	t := func(key string, args ...string) string {
		s := ld.draft[key]
		for i := 0; i+1 < len(args); i += 2 {
			s = strings.ReplaceAll(s, "{"+args[i]+"}", args[i+1])
		}
		return s
	}
	name := firstName(r.Author.Name, lang)
	if name == "" {
		name = t("name.slot")
	}
	var parts []string
	parts = append(parts, t("greeting", "name", name))
	aspectList := func(as []string) string {
		var names []string
		seen := map[string]bool{}
		for _, a := range as {
			n := ld.aspectNames[a]
			if n == "" || seen[n] {
				continue
			}
			seen[n] = true
			names = append(names, n)
		}
		return strings.Join(names, ", ")
	}
	switch {
	case ri.complaint:
		parts = append(parts, t("thanks.complaint"))
		var as []string
		for _, is := range ri.issues {
			as = append(as, is[0])
		}
		if l := aspectList(as); l != "" {
			parts = append(parts, t("apology", "aspects", l))
		} else {
			parts = append(parts, t("apology.plain"))
		}
		if pol.Resolution != "" {
			parts = append(parts, ensureStop(pol.Resolution))
		} else {
			parts = append(parts, t("resolution.slot"))
		}
		ch := pol.Channel
		if ch == "" {
			ch = t("channel.slot")
		}
		parts = append(parts, t("channel", "channel", ch))
		parts = append(parts, t("improvement"), t("close.complaint"))
	case ri.positive:
		parts = append(parts, t("thanks.positive"))
		if l := aspectList(ri.praised); l != "" {
			parts = append(parts, t("glad", "aspects", l))
		} else {
			parts = append(parts, t("glad.plain"))
		}
		var as []string
		for _, is := range ri.issues {
			as = append(as, is[0])
		}
		if l := aspectList(as); l != "" {
			parts = append(parts, t("remark", "aspects", l))
		}
		parts = append(parts, t("close.positive"))
	default:
		parts = append(parts, t("thanks.neutral"), t("glad.plain"), t("close.neutral"))
	}
	return strings.Join(parts, " "), nil
}

func ensureStop(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return s
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	if !strings.ContainsRune(".!?…", last) {
		s += "."
	}
	return s
}

// firstName returns the first word of a display name, in the Lithuanian
// vocative for Lithuanian replies (Tomas → Tomai, Darius → Dariau,
// Rūta → Rūta, Gintarė → Gintare).
func firstName(full, lang string) string {
	f := strings.Fields(full)
	if len(f) == 0 {
		return ""
	}
	n := strings.Trim(f[0], ".,")
	if utf8.RuneCountInString(n) < 2 {
		return ""
	}
	if lang != "lt" {
		return n
	}
	for _, rule := range [][2]string{{"ijus", "ijau"}, {"ius", "iau"}, {"as", "ai"}, {"is", "i"}, {"ys", "y"}, {"us", "au"}, {"ė", "e"}} {
		if stem, ok := strings.CutSuffix(n, rule[0]); ok && stem != "" {
			return stem + rule[1]
		}
	}
	return n
}
