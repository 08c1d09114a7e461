// Package reply is the second pair of eyes a support agent wants before
// publishing an answer to a customer review: it triages reviews ([Plan]),
// checks a draft reply against the guidelines good support teams follow
// ([Check]) and sketches a reply a human finishes ([Draft]).
//
// # Checking a draft
//
// [Check] returns [Finding] values, Vale-style: a stable rule ID (see
// [Rules]), a [Severity], a message that tells the agent what to do, and
// the byte offsets of the span to underline (0/0 for the whole draft).
// English, Russian and Lithuanian are supported; the draft's language is
// detected, and Lithuanian typed without diacritics is still Lithuanian.
//
// Rules are data, not code: phrase lists and patterns per language are
// embedded from rules/<lang>/*.txt (see rules/README.md for the format).
// A shop adds its own phrases with [WithPhrases], switches rules off with
// [WithoutRule], changes severities with [WithSeverity], and sets its
// [Policy] (length limits, its own contacts, reply deadlines per rating
// band) with [WithPolicy] or [WithPolicyFile].
//
// Rules that depend on the review use it: apology, resolution and
// improvement apply to complaints (1–2★, or a 3★/unrated review whose text
// complains); acknowledge compares the aspects the review raises with
// those the draft addresses; take-offline fires for aggressive reviews and
// detailed disputes that get no private channel; language compares the
// languages; timeliness compares the review's CreatedAt with the time set
// by [WithNow] against the policy.
//
// # Triage and drafts
//
// [Plan] decides for each review whether a person must answer
// ([ActionPersonal]: complaints, questions about an order, suspected
// fakes, legal language), an automated reply will do ([ActionAutomated]:
// positive reviews, questions an [FAQ] entry answers) or nothing is needed
// ([ActionNone]), with a priority, a due time from the policy, plain
// reasons, and a removable flag for abusive, threatening, off-target or
// not-genuine reviews. [Draft] writes a skeleton in the review's language
// with [[slots]] for the human; [Check] reports an unedited skeleton as
// `personal`.
//
// # Performance and concurrency
//
// [NewChecker] compiles the phrase data once; a [*Checker] is read-only
// afterwards and safe for concurrent use. [Check] is a convenience over a
// shared default Checker.
package reply
