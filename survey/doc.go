// Package survey defines short customer-satisfaction surveys, refuses bad
// ones, schedules their invitations and scores the answers.
//
// # Surveys
//
// A [Survey] has an ID, one goal, a language, at most a handful of
// [Question]s and a timing [Policy]. Questions are numeric scales ([KindScale]
// with labelled ends; NPS 0–10, CSAT 1–3/5/7, CES 1–5/7 or a custom range),
// single or multiple choice, or open text; each may be required and may be
// shown only when an earlier answer meets a [Condition] (for example "what
// should we improve?" only for NPS detractors). Surveys and responses
// round-trip through JSON. [Survey.Validate] returns typed errors that name
// the question at fault; [Survey.Lint] returns style [Finding]s (too many
// questions, leading or double-barreled wording in English, Russian and
// Lithuanian, scales that disagree, ...). The phrase lists behind the
// wording rules are embedded data files under rules/.
//
// # Scores
//
// [NPS], [CSAT] and [CES] follow the definitions in the project's
// metrics-and-policies spec (§2.1–2.3): NPS = % promoters (9–10) − %
// detractors (0–6); CSAT = % top-box answers with the top box fixed per
// scale (3-point: 3; 5-point: 4–5; 7-point: 6–7); CES = % agreeing (top 3 of
// 7, top 2 of 5) with the mean reported alongside and higher = easier. The
// streaming scorers ([NPSScorer], [CSATScorer], [CESScorer]) are usable as
// zero values, allocate nothing per answer and report a [Result] with a 95 %
// confidence [Interval]: for NPS the normal approximation of a difference of
// two proportions, SE = 100·√((pP + pD − (pP − pD)²)/n); for CSAT and CES
// % agree the Wilson score interval; for the CES mean the normal
// approximation with the sample standard deviation. [Breakdown] splits a
// score by product, channel or time bucket, and [Improvements] turns open
// answers into a ranked "what to fix first" list of aspects via the
// sentiment package.
//
// # Invitations
//
// [Policy.Schedule] turns an order event (paid, shipped, delivered) into an
// invitation time: after the event plus a delay, never at night or in quiet
// hours in the customer's time zone, dropped after a deadline, with at most
// one reminder and a per-customer frequency cap. [Policy.ReviewRequests]
// invites every eligible customer to write a public review; selecting
// customers by satisfaction (review gating) needs an explicit, documented
// override ([AllowGating]). [CheckInvitation] checks an invitation's text and
// offer against the destination platform's rules (Google, Trustpilot, the
// FTC rule 16 CFR Part 465, the shop's own site) in English, Russian and
// Lithuanian, and every finding names the policy it rests on.
//
// # Export
//
// [WriteCSV] and [WriteJSONL] write responses with one column per question
// in the survey's order.
//
// All functions are pure and safe for concurrent use; types are plain data.
// Scorers are not safe for concurrent use (give each goroutine its own and
// [NPSScorer.Merge] them).
package survey
