package survey

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Platform is where an invitation sends the customer to write a review.
type Platform string

// The destinations [CheckInvitation] knows.
const (
	// PlatformGoogle: Google Maps / Business Profile / Customer Reviews.
	// No incentive of any kind, no selective soliciting.
	PlatformGoogle Platform = "google"
	// PlatformTrustpilot: no incentive of any kind; neutral invitations to
	// all customers (or an unbiased sample); no asking for positive
	// reviews; no routing unhappy customers to support first.
	PlatformTrustpilot Platform = "trustpilot"
	// PlatformFTC: any destination under the US FTC rule (16 CFR Part
	// 465): incentives allowed only when not tied to the review's
	// sentiment.
	PlatformFTC Platform = "ftc-generic"
	// PlatformShop: the shop's own review pages: the FTC rule plus the EU
	// Omnibus Directive (no fake or positives-only reviews).
	PlatformShop Platform = "shop"
)

// OfferCondition says what an offer in an invitation depends on.
type OfferCondition string

// The offer conditions.
const (
	// OfferUnspecified: not said; treated as [OfferAnyReview].
	OfferUnspecified OfferCondition = ""
	// OfferNotTied: a loyalty reward given whether or not the customer
	// writes a review (allowed everywhere, as long as the text does not
	// tie it to the review).
	OfferNotTied OfferCondition = "not-tied"
	// OfferAnyReview: given for writing a review, whatever it says.
	OfferAnyReview OfferCondition = "any-review"
	// OfferPositiveReview: given only for a positive (or high-star)
	// review. Forbidden everywhere.
	OfferPositiveReview OfferCondition = "positive-review"
)

// Offer is something of value an invitation mentions.
type Offer struct {
	// Text describes it ("10 % off your next order").
	Text string `json:"text"`
	// Condition says what the reward depends on; empty means unknown,
	// which is checked as if it were tied to reviewing.
	Condition OfferCondition `json:"condition,omitempty"`
}

// Message is the text of an invitation to write a review.
type Message struct {
	// Subject is the e-mail subject or title line (may be empty).
	Subject string `json:"subject,omitempty"`
	// Body is the invitation text.
	Body string `json:"body"`
	// Offer, when set, is the reward the invitation comes with.
	Offer *Offer `json:"offer,omitempty"`
}

// The rule IDs of [CheckInvitation].
const (
	// RuleIncentive: an incentive tied to writing a review.
	RuleIncentive = "incentive"
	// RuleConditionedIncentive: an incentive conditioned on the review's
	// sentiment or stars.
	RuleConditionedIncentive = "conditioned-incentive"
	// RuleGating: text that invites only satisfied customers or sends
	// unhappy ones elsewhere first.
	RuleGating = "gating"
	// RulePositiveRequest: asking for a positive or 5-star review.
	RulePositiveRequest = "positive-request"
	// RuleReviseRequest: asking to change or remove a review.
	RuleReviseRequest = "revise-request"
	// RuleMissingDisclosure: an allowed incentive whose text does not say
	// that the reward does not depend on what the review says.
	RuleMissingDisclosure = "missing-disclosure"
	// RuleUnknownPlatform: the destination is not one CheckInvitation knows.
	RuleUnknownPlatform = "unknown-platform"
)

// Policy texts the findings point to.
const (
	policyGoogle     = "Google Maps user-contributed content policy, fake engagement: no incentives for reviews (or for changing them), no selective soliciting or discouraging negative reviews"
	policyTrustpilot = "Trustpilot Guidelines for Businesses: no incentives of any kind; neutral invitations at the same point for all customers; no asking for positive reviews; no routing unhappy customers elsewhere first"
	policyFTC        = "FTC Trade Regulation Rule on Consumer Reviews and Testimonials, 16 CFR 465.4: no compensation or incentive conditioned, expressly or implicitly, on a review of a particular sentiment"
	policyFTCSuppr   = "FTC 16 CFR Part 465 (review suppression, 465.7) and FTC guidance: soliciting only happy customers misrepresents what customers think"
	policyDisclosure = "FTC 16 CFR Part 465 and the FTC's endorsement guidance: say that the reward is given whatever the review says, and ask reviewers to mention it"
	policyOmnibus    = "EU Directive 2019/2161 (Omnibus): no fake reviews and no showing only positive ones; plus FTC 16 CFR Part 465"
	policyFollowUp   = "Follow-ups thank and confirm the fix, never ask to change a rating (Trustpilot discourages asking for amendments; Google bans incentives to revise)"
)

// CheckInvitation checks the text and offer of an invitation to write a
// review on the destination platform and returns findings that each name
// the policy they rest on (Finding.Policy). Subject and body are read in
// English, Russian and Lithuanian. The rules and their severity per
// destination (google / trustpilot / ftc-generic / shop):
//
//   - incentive: an offer tied to writing a review (an Offer with condition
//     any-review or unspecified, or incentive words in a sentence about the
//     review): error / error / – / –. Incentive words elsewhere in the text
//     are a suggestion on google and trustpilot (loyalty rewards not tied to
//     a review stay allowed).
//   - conditioned-incentive: an offer for positive or 5-star reviews only:
//     error on every destination.
//   - gating: "if you were happy, …", "contact us first": error / error /
//     warning / warning.
//   - positive-request: asking for a positive or 5-star review: error /
//     error / warning / warning.
//   - revise-request: asking to change or remove a review: warning on every
//     destination.
//   - missing-disclosure: an allowed incentive (ftc-generic, shop) whose text
//     does not say the reward is given whatever the review says: warning.
//   - unknown-platform: the destination is unknown (checked as ftc-generic).
//
// Findings on the subject have Field "subject", on the body "body" and on
// the offer "offer"; Start/End are byte offsets into that field.
func CheckInvitation(m Message, dest Platform) []Finding {
	var out []Finding
	strict := dest == PlatformGoogle || dest == PlatformTrustpilot
	policy := func(rule string) string {
		switch {
		case rule == RuleConditionedIncentive:
			return policyFTC
		case rule == RuleReviseRequest:
			return policyFollowUp
		case rule == RuleMissingDisclosure:
			return policyDisclosure
		case dest == PlatformGoogle:
			return policyGoogle
		case dest == PlatformTrustpilot:
			return policyTrustpilot
		case dest == PlatformShop:
			return policyOmnibus
		case rule == RuleGating || rule == RulePositiveRequest:
			return policyFTCSuppr
		}
		return policyFTC
	}
	add := func(rule string, sev Severity, field string, start, end int, msg string) {
		out = append(out, Finding{Rule: rule, Severity: sev, Field: field, Start: start, End: end, Message: msg, Policy: policy(rule)})
	}
	switch dest {
	case PlatformGoogle, PlatformTrustpilot, PlatformFTC, PlatformShop:
	default:
		add(RuleUnknownPlatform, Suggestion, "", 0, 0,
			fmt.Sprintf("unknown destination %q; checked against the FTC rule only (known: google, trustpilot, ftc-generic, shop)", truncate(string(dest), 32)))
	}
	name := string(dest)
	soft := Warning
	if strict {
		soft = Error
	}

	// Only the first MaxInvitationBytes of each text are read.
	subj, body := scanText(head(m.Subject)), scanText(head(m.Body))
	var offer textScan
	cond := OfferUnspecified
	if m.Offer != nil {
		cond = m.Offer.Condition
		offer = scanText(head(m.Offer.Text))
	}
	tiedInText, neutral, conditioned := false, false, false
	for _, f := range []struct {
		name string
		s    textScan
		text string
	}{{"subject", subj, m.Subject}, {"body", body, m.Body}} {
		for _, h := range f.s.hits {
			quote := f.text[h.start:h.stop]
			switch h.kind {
			case "conditioned":
				if h.withIncentive {
					conditioned = true
					add(RuleConditionedIncentive, Error, f.name, h.start, h.stop,
						fmt.Sprintf("%q ties a reward to a positive review; offer nothing, or the same to everyone whatever they write", quote))
				} else {
					add(RulePositiveRequest, soft, f.name, h.start, h.stop,
						fmt.Sprintf("%q asks for a positive review; ask for an honest one", quote))
				}
			case "gating":
				add(RuleGating, soft, f.name, h.start, h.stop,
					fmt.Sprintf("%q filters who is asked to review; invite every customer the same way", quote))
			case "revise":
				add(RuleReviseRequest, Warning, f.name, h.start, h.stop,
					fmt.Sprintf("%q asks to change a review; thank the customer and confirm the fix instead", quote))
			case "incentive":
				if h.withReview {
					tiedInText = true
					if strict {
						add(RuleIncentive, Error, f.name, h.start, h.stop,
							fmt.Sprintf("%q offers a reward for a review, which %s forbids; drop it or make it a loyalty reward not tied to reviewing", quote, name))
					}
				} else if strict && cond != OfferNotTied {
					add(RuleIncentive, Suggestion, f.name, h.start, h.stop,
						fmt.Sprintf("%q mentions a reward; make sure it does not depend on writing a review", quote))
				}
			case "neutral":
				neutral = true
			}
		}
	}
	// The offer itself.
	if m.Offer != nil {
		for _, h := range offer.hits {
			if h.kind == "conditioned" {
				cond = OfferPositiveReview
			}
		}
		switch cond {
		case OfferPositiveReview:
			conditioned = true
			add(RuleConditionedIncentive, Error, "offer", 0, len(m.Offer.Text),
				"the offer depends on a positive review; that is forbidden everywhere (FTC 16 CFR 465.4)")
		case OfferUnspecified, OfferAnyReview:
			tiedInText = true
			if strict {
				add(RuleIncentive, Error, "offer", 0, len(m.Offer.Text),
					fmt.Sprintf("%s forbids any reward for a review; drop the offer or give it to every customer whether or not they review (condition not-tied)", name))
			}
		}
	}
	if !strict && tiedInText && !neutral && !conditioned {
		add(RuleMissingDisclosure, Warning, "body", 0, 0,
			"the invitation offers a reward for a review but does not say it is given whatever the review says (\"whether positive or negative\"); say so, and ask reviewers to mention the reward")
	}
	return out
}

// MaxInvitationBytes is how much of an invitation's subject, body and offer
// text CheckInvitation reads; an invitation is a short e-mail or SMS.
const MaxInvitationBytes = 16 << 10

// head returns at most MaxInvitationBytes of s, cut on a rune boundary.
func head(s string) string {
	if len(s) <= MaxInvitationBytes {
		return s
	}
	n := MaxInvitationBytes
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// hit is one phrase found in an invitation text.
type hit struct {
	kind                      string // incentive, conditioned, gating, revise, neutral
	start, stop               int
	withReview, withIncentive bool // another kind in the same sentence
}

type textScan struct{ hits []hit }

// scanText finds the invitation phrases of every language, sentence by
// sentence.
func scanText(text string) textScan {
	var ts textScan
	for _, sent := range sentences(text) {
		toks := tokenize(text[sent[0]:sent[1]])
		for i := range toks {
			toks[i].start += sent[0]
			toks[i].end += sent[0]
		}
		var found []hit
		review, incentive, neutral := false, false, false
		for _, lang := range langs {
			st := stemTokens(lang, toks)
			for _, kind := range [...]string{"incentive", "conditioned", "gating", "revise", "neutral", "review"} {
				for _, m := range loadList(lang, kind).find(st) {
					switch kind {
					case "review":
						review = true
						continue
					case "incentive":
						incentive = true
					case "neutral":
						neutral = true
					}
					found = append(found, hit{kind: kind, start: m.start, stop: m.stop})
				}
			}
		}
		for _, h := range found {
			if h.kind == "conditioned" && neutral {
				continue // "whether positive or negative" is not a request for positives
			}
			h.withReview, h.withIncentive = review, incentive
			ts.hits = append(ts.hits, h)
		}
	}
	return ts
}

// sentences returns the byte ranges of text's sentences, split after '.',
// '!', '?', '…' and line breaks.
func sentences(text string) [][2]int {
	var out [][2]int
	start := 0
	for i, r := range text {
		switch r {
		case '.', '!', '?', '…', '\n':
			end := i + len(string(r))
			if strings.TrimSpace(text[start:end]) != "" {
				out = append(out, [2]int{start, end})
			}
			start = end
		}
	}
	if strings.TrimSpace(text[start:]) != "" {
		out = append(out, [2]int{start, len(text)})
	}
	return out
}
