package reply

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/reputekit/repute/review"
)

type namePrefix struct {
	prefix string
	runes  int
	exact  bool // a short name ("Jo", "Li") must match the whole word
}

// reviewInfo is what the rules know about the review being answered.
type reviewInfo struct {
	stars       int
	lang        string
	d           *doc
	sig         signals // valid once sigDone; see signals()
	sigDone     bool
	tox         float64 // valid once toxDone; see toxicity()
	toxDone     bool
	an          textAnalyzer
	text        string
	complaint   bool // low rating, or a 3★/unrated text that complains
	positive    bool // 4–5★, or an unrated text that praises
	issues      [][]string
	issueWords  []issueWord // content words of the issues' clauses, repeats allowed
	aspects     []string    // the aspects the review raises, each once
	praise      bool
	praised     []string // aspects of clauses that praise and do not complain
	praiseWords map[string]bool
	aggrLex     bool // the phrase data or shouting call the review aggressive
	dispute     bool
	words       int
	names       []namePrefix
	content     map[string]bool // built on first use: see contentWords
	stopped     []bool          // tokens too common to count as a detail (personal:stop)
	orders      []string
	m           matches // the review's phrase matches by list
}

func (c *Checker) analyzeReview(r review.Review, cfg *config) *reviewInfo {
	return c.analyzeReviewBuf(r, cfg, new(docBuf))
}

// analyzeReviewBuf is analyzeReview with b's buffers for the review's
// tokens and matches: the result is valid until b is used again.
func (c *Checker) analyzeReviewBuf(r review.Review, cfg *config, b *docBuf) *reviewInfo {
	var text string
	if r.Title != "" && r.Body != "" {
		text = r.Title + "\n" + r.Body
	} else {
		text = r.Title + r.Body
	}
	ri := &reviewInfo{stars: r.Stars(), d: b.tokenize(text)}
	ri.words = ri.d.words()
	ri.an, ri.text = cfg.analyzer, text
	if ri.an == nil {
		ri.an = noAnalyzer{}
	}
	switch {
	case r.Lang != "":
		// "en-GB", "lt_LT" → "en", "lt"
		ri.lang, _, _ = strings.Cut(strings.ToLower(strings.TrimSpace(r.Lang)), "-")
		ri.lang, _, _ = strings.Cut(ri.lang, "_")
	default:
		ri.lang = c.detectLang(ri.d)
		if ri.lang == "" {
			ri.lang = ri.an.lang(text)
		}
	}
	lang := ri.lang
	if c.langs[lang] == nil {
		lang = ""
	}
	toks := ri.d.toks
	ri.m = c.matchAllBuf(lang, toks, b)
	findIn := func(key string) []match { return c.get(ri.m, key) }

	// Clauses: split at sentence ends, commas, dashes and conjunctions.
	clause := make([]int, len(toks))
	// One allocation for the per-token flags: conjunction starts, aspect
	// words, and stop words.
	flags := make([]bool, 3*len(toks))
	conj, aspectTok, stopped := flags[:len(toks)], flags[len(toks):2*len(toks)], flags[2*len(toks):]
	for _, m := range findIn("review:conjunction") {
		conj[m.i] = true
	}
	cl := 0
	for i := range toks {
		if i > 0 {
			between := text[toks[i-1].end:toks[i].start]
			if toks[i].sent != toks[i-1].sent || conj[i] || strings.ContainsAny(between, ",:;—–()") || strings.Contains(between, " - ") {
				cl++
			}
		}
		clause[i] = cl
	}
	n := cl + 1
	// Each clause's aspects, each once. The matches come in text order, so
	// a clause's aspects are consecutive in one backing slice.
	clAspects := make([][]string, n)
	clPraise := make([]bool, n)
	clNeg := make([]bool, n)
	ams := findIn(aspectsKey)
	back := make([]string, 0, len(ams))
	cur, start := -1, 0
	for _, m := range ams {
		if strings.HasSuffix(m.ph.tag, replyOnly) {
			continue
		}
		for i := m.i; i < m.j; i++ {
			aspectTok[i] = true
		}
		if x := clause[m.i]; x != cur {
			if cur >= 0 {
				clAspects[cur] = back[start:len(back):len(back)]
			}
			cur, start = x, len(back)
		}
		if !slices.Contains(back[start:], m.ph.tag) {
			back = append(back, m.ph.tag)
		}
		if ri.aspects == nil {
			ri.aspects = make([]string, 0, len(ams))
		}
		ri.aspects = appendNew(ri.aspects, m.ph.tag)
	}
	if cur >= 0 {
		clAspects[cur] = back[start:len(back):len(back)]
	}
	negators := findIn("review:negator")
	negated := func(m match) bool {
		for _, g := range negators {
			if g.j <= m.i && m.i-g.j <= 2 && clause[g.i] == clause[m.i] {
				return true
			}
		}
		return false
	}
	for _, m := range findIn("review:negative") {
		clNeg[clause[m.i]] = true
	}
	for _, g := range negators {
		clNeg[clause[g.i]] = true
	}
	for _, m := range findIn("review:praise") {
		if negated(m) {
			clNeg[clause[m.i]] = true
			continue
		}
		clPraise[clause[m.i]] = true
		ri.praise = true
		if ri.praiseWords == nil {
			ri.praiseWords = map[string]bool{}
		}
		for i := m.i; i < m.j; i++ {
			ri.praiseWords[toks[i].text] = true
		}
	}
	hasNeg := false
	for _, v := range clNeg {
		hasNeg = hasNeg || v
	}

	// Complaint or praise.
	switch {
	case ri.stars >= 1 && ri.stars <= 2:
		ri.complaint = true
	case ri.stars >= 4:
		ri.positive = true
	default:
		if sig := ri.signals(); sig.Known {
			ri.complaint = sig.Negative || sig.Negativity >= 0.3
		}
		if !ri.complaint && hasNeg {
			ri.complaint = true
		}
		// A 3★ review that raises an aspect without praising it complains.
		for x := 0; x < n && !ri.complaint && ri.stars == 3; x++ {
			if len(clAspects[x]) > 0 && !clPraise[x] {
				ri.complaint = true
			}
		}
		if ri.stars == 0 && !ri.complaint && (ri.signals().Positive || ri.praise) {
			ri.positive = true
		}
	}

	ri.stopped = stopped
	for _, m := range findIn("personal:stop") {
		for i := m.i; i < m.j; i++ {
			stopped[i] = true
		}
	}
	for x := 0; x < n; x++ {
		if clPraise[x] && !clNeg[x] {
			for _, a := range clAspects[x] {
				if ri.praised == nil {
					ri.praised = make([]string, 0, len(back))
				}
				ri.praised = appendNew(ri.praised, a)
			}
		}
	}
	sort.Strings(ri.praised)

	// Issues: clauses that raise an aspect and complain about it.
	for x := 0; x < n; x++ {
		if len(clAspects[x]) == 0 {
			continue
		}
		if clPraise[x] && !clNeg[x] {
			continue
		}
		if !clNeg[x] && (!ri.complaint || c.topicOnly(lang, clAspects[x])) {
			continue
		}
		as := clAspects[x] // sorted in place: nothing below needs the text order
		sort.Strings(as)
		idx := slices.IndexFunc(ri.issues, func(is []string) bool { return slices.Equal(is, as) })
		if idx < 0 {
			if ri.issues == nil {
				ri.issues = make([][]string, 0, n-x)
				ri.issueWords = make([]issueWord, 0, len(toks))
			}
			idx = len(ri.issues)
			ri.issues = append(ri.issues, as)
		}
		for i := range toks {
			if clause[i] == x && toks[i].letters >= 4 && !stopped[i] && !aspectTok[i] {
				ri.issueWords = append(ri.issueWords, issueWord{idx, stem5(toks[i].text)})
			}
		}
	}

	// Aggression and dispute, for take-offline.
	ri.aggrLex = len(findIn("take-offline:aggressive")) > 0 || shouts(toks, text)
	ri.dispute = ri.complaint && (ri.words >= 45 || len(findIn("take-offline:dispute")) > 0)

	// Names and content words for `personal`.
	for _, part := range strings.FieldsFunc(r.Author.Name, func(r rune) bool { return r == ' ' || r == '-' || r == '.' || r == ',' }) {
		f := fold(part)
		rc := utf8.RuneCountInString(f)
		if rc < 2 {
			continue
		}
		if rc < 3 {
			ri.names = append(ri.names, namePrefix{prefix: f, runes: rc, exact: true})
			continue
		}
		keep := rc - 2
		if keep < 3 {
			keep = 3
		}
		p := f
		cnt := 0
		for i := range f {
			if cnt == keep {
				p = f[:i]
				break
			}
			cnt++
		}
		ri.names = append(ri.names, namePrefix{prefix: p, runes: rc})
	}

	// Order numbers the caller or the review names.
	if r.OrderID != "" {
		ri.orders = append(ri.orders, r.OrderID)
	}
	ri.orders = append(ri.orders, cfg.orders...)
	for _, m := range findIn("private-data:order") {
		// the first token with digits within two tokens after the keyword
		for i := m.j; i < len(toks) && i <= m.j+2; i++ {
			if toks[i].digits >= 4 {
				ri.orders = append(ri.orders, text[toks[i].start:toks[i].end])
				break
			}
		}
	}
	return ri
}

// issueWord is a content word (stem5) of a clause that raises issue n.
type issueWord struct {
	issue int
	stem  string
}

// appendNew appends s to list unless it is there already.
func appendNew(list []string, s string) []string {
	if slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}

// contentWords returns the stems (stem5) of the review's words of five
// or more letters that are not stop words, built on first use.
func (ri *reviewInfo) contentWords() map[string]bool {
	if ri.content == nil {
		ri.content = map[string]bool{}
		for i, t := range ri.d.toks {
			if t.letters >= 5 && !ri.stopped[i] {
				ri.content[stem5(t.text)] = true
			}
		}
	}
	return ri.content
}

// shouts reports whether a text shouts: two or more upper-case words in a
// row, or an upper-case word next to "!!".
func shouts(toks []token, text string) bool {
	run := 0
	for _, t := range toks {
		if t.upperRun && t.letters >= 3 {
			run++
			if run >= 2 {
				return true
			}
		} else {
			run = 0
		}
	}
	if strings.Contains(text, "!!") {
		for _, t := range toks {
			if t.upperRun && t.letters >= 4 {
				return true
			}
		}
	}
	return false
}

// signals runs the sentiment analysis of the review once, on demand (it
// costs more than all the phrase rules together).
func (ri *reviewInfo) signals() signals {
	if !ri.sigDone {
		ri.sig, ri.sigDone = ri.an.signals(ri.text), true
	}
	return ri.sig
}

// toxicity runs the toxicity analysis once, on demand.
func (ri *reviewInfo) toxicity() float64 {
	if !ri.toxDone {
		ri.tox, ri.toxDone = ri.an.toxicity(ri.text), true
	}
	return ri.tox
}

// aggressive reports a heated review: by the phrase data, shouting, or
// toxicity of at least 0.5.
func (ri *reviewInfo) aggressive() bool { return ri.aggrLex || ri.toxicity() >= 0.5 }

// topicOnly reports whether every aspect in as only names a topic
// (review:topic-aspect: delivery, refund, …) — such a clause raises an
// issue only when it also complains.
func (c *Checker) topicOnly(lang string, as []string) bool {
	ld := c.langs[lang]
	if ld == nil {
		ld = c.langs["en"]
	}
	for _, a := range as {
		if !ld.topic[a] {
			return false
		}
	}
	return true
}
