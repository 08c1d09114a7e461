// Package review is Repute's data model for customer reviews and the
// arithmetic shops need about them.
//
// A [Review] is what every platform adapter produces and every analysis
// package reads. Around it the package offers exact rating arithmetic: a
// [Summary] of counts, mean and star distribution ([Summarize], or the
// streaming [Stats] for constant memory), the damped (Bayesian) average, the
// Wilson lower bound of the share of 4–5★ reviews, [NeededForTarget] ("how
// many 5★ reviews until 4.5"), response-rate and response-time figures, and
// trends over days, weeks or months.
//
// All functions are pure and safe for concurrent use; types are plain data.
package review
