package reply

import "math"

// The template rule compares word 3-shingles of the draft with those of
// each earlier reply. A signature keeps, for each of sigSize seeded hash
// functions, the smallest hash over the shingles (MinHash); the share of
// positions where two signatures agree estimates the Jaccard similarity
// of the shingle sets with a standard error of about
// sqrt(J(1-J)/sigSize) ≈ 0.06 at J = 0.5. Names and numbers differ
// between otherwise identical template replies, so digits are dropped and
// the comparison is on folded words. The default threshold is 0.6
// (Policy.TemplateThreshold): a reply that shares 60 % of its 3-word
// sequences with an earlier one was written from the same template.

const sigSize = 64

type signature struct {
	min [sigSize]uint64
	n   int // number of shingles
}

func (s *signature) empty() bool { return s.n == 0 }

func fnv64(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// mix is splitmix64, used to derive the seeded hash functions.
func mix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

var seeds = func() (s [sigSize]uint64) {
	for i := range s {
		s[i] = mix(uint64(i) + 1)
	}
	return
}()

func newSignature(toks []token) signature {
	var sig signature
	for i := range sig.min {
		sig.min[i] = math.MaxUint64
	}
	words := make([]string, 0, len(toks))
	for _, t := range toks {
		if t.letters > 0 {
			words = append(words, t.text)
		}
	}
	add := func(h uint64) {
		sig.n++
		for i := range sig.min {
			if v := mix(h ^ seeds[i]); v < sig.min[i] {
				sig.min[i] = v
			}
		}
	}
	const offset = 14695981039346656037
	if len(words) < 3 {
		if len(words) > 0 {
			h := uint64(offset)
			for _, w := range words {
				h = fnv64(h, w)
				h = fnv64(h, " ")
			}
			add(h)
		}
		return sig
	}
	for i := 0; i+3 <= len(words); i++ {
		h := uint64(offset)
		for _, w := range words[i : i+3] {
			h = fnv64(h, w)
			h = fnv64(h, " ")
		}
		add(h)
	}
	return sig
}

// similarity estimates the Jaccard similarity of two shingle sets.
func (s *signature) similarity(o signature) float64 {
	if s.n == 0 || o.n == 0 {
		return 0
	}
	same := 0
	for i := range s.min {
		if s.min[i] == o.min[i] {
			same++
		}
	}
	return float64(same) / sigSize
}
