package reply

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/reputekit/repute/review"
)

// langData is one language's compiled phrase data: every list in one
// trie, so a text is scanned once and the matches grouped by list.
type langData struct {
	all         *phraseSet
	aspectNames map[string]string
	msgs        map[string]string
	draft       map[string]string
	function    map[string]bool
	topic       map[string]bool // aspects that only name a topic
}

// aspectsKey is the list key of the aspects file's phrases (their tag is
// the aspect).
const aspectsKey = "aspects"

// matchAllBuf scans toks with the lists of lang (all languages when lang
// has no data) and groups the matches by list, in b's buffers: the result
// is valid until b is used again.
func (c *Checker) matchAllBuf(lang string, toks []token, b *docBuf) matches {
	ms := b.ms[:0]
	if ms == nil {
		ms = make([]match, 0, 8+len(toks)/8)
	}
	if ld := c.langs[lang]; ld != nil {
		ms, b.exc = ld.all.findExc(toks, ms, b.exc)
	} else {
		for _, l := range Langs {
			ms, b.exc = c.langs[l].all.findExc(toks, ms, b.exc)
		}
		sort.SliceStable(ms, func(a, b int) bool { return ms[a].i < ms[b].i })
	}
	b.ms = ms
	return b.group(ms, len(c.keys))
}

// keyID returns the id of a list key, or -1.
func (c *Checker) keyID(key string) int {
	if id, ok := c.keys[key]; ok {
		return id
	}
	return -1
}

// get returns the matches of a list key.
func (c *Checker) get(g matches, key string) []match { return g.list(c.keyID(key)) }

// Checker checks draft replies against the guidelines. Build it once with
// [NewChecker]: the phrase data is compiled then, and a Checker is
// read-only afterwards, so it is safe for concurrent use by many
// goroutines.
type Checker struct {
	cfg     config
	keys    map[string]int // list key → id
	langs   map[string]*langData
	earlier []signature
	faq     []compiledFAQ
	fnWords map[string]uint8 // function word → fnLT|fnEN, for detectLang
}

// Bits of Checker.fnWords: a function word of Lithuanian, of English.
const (
	fnLT uint8 = 1 << iota
	fnEN
)

// NewChecker compiles the embedded phrase data with the options' changes.
// It reports every invalid option (errors match [ErrOption] or
// [ErrPolicy]).
func NewChecker(opts ...Option) (*Checker, error) {
	c := &Checker{}
	if err := c.cfg.apply(opts); err != nil {
		return nil, err
	}
	raw, err := loadRaw()
	if err != nil {
		return nil, err
	}
	extra := map[string][]string{}
	for _, p := range c.cfg.phrases {
		extra[p.lang+"/"+p.file+":"+p.section] = append(extra[p.lang+"/"+p.file+":"+p.section], p.lines...)
	}
	c.langs = map[string]*langData{}
	c.keys = map[string]int{}
	for _, lang := range Langs {
		ld := &langData{all: &phraseSet{}, function: map[string]bool{}}
		addLines := func(key, tag string, lines []string) error {
			for _, l := range lines {
				ph, err := parsePhrase(l)
				if err != nil {
					return fmt.Errorf("reply: %s/%s: %w", lang, key, err)
				}
				ph.key, ph.tag = key, tag
				id, ok := c.keys[key]
				if !ok {
					id = len(c.keys)
					c.keys[key] = id
				}
				ph.kid = id
				ld.all.add(ph)
			}
			return nil
		}
		for file, secs := range raw[lang] {
			if kvFiles[file] {
				continue
			}
			for s, l := range secs {
				key, tag := file+":"+s, ""
				if file == aspectsKey {
					key, tag = aspectsKey, s
				}
				if err := addLines(key, tag, l); err != nil {
					return nil, err
				}
			}
		}
		for k, l := range extra {
			key, ok := strings.CutPrefix(k, lang+"/")
			if !ok {
				continue
			}
			tag := ""
			if a, ok := strings.CutPrefix(key, aspectsKey+":"); ok {
				key, tag = aspectsKey, a
			}
			if err := addLines(key, tag, l); err != nil {
				return nil, err
			}
		}
		ld.topic = map[string]bool{}
		for _, a := range raw[lang]["review"]["topic-aspect"] {
			ld.topic[a] = true
		}
		for _, w := range raw[lang]["lang"]["function"] {
			ld.function[fold(w)] = true
		}
		ld.msgs = raw.kv(lang, "messages")
		ld.draft = raw.kv(lang, "draft")
		ld.aspectNames = map[string]string{}
		for k, v := range ld.msgs {
			if a, ok := strings.CutPrefix(k, "aspect."); ok {
				ld.aspectNames[a] = v
			}
		}
		c.langs[lang] = ld
	}
	c.fnWords = map[string]uint8{}
	for w := range c.langs["lt"].function {
		c.fnWords[w] |= fnLT
	}
	for w := range c.langs["en"].function {
		c.fnWords[w] |= fnEN
	}
	for _, e := range c.cfg.earlier {
		c.earlier = append(c.earlier, newSignature(tokenize(e).toks))
	}
	c.cfg.earlier = nil
	for _, f := range c.cfg.faq {
		cf := compiledFAQ{FAQ: f}
		if cf.set, err = compileSet(f.Keywords); err != nil {
			return nil, err
		}
		c.faq = append(c.faq, cf)
	}
	if c.cfg.analyzer == nil {
		c.cfg.analyzer = defaultAnalyzer()
	}
	return c, nil
}

// replyOnly marks an aspects section whose terms count only in the reply
// ("[quality:reply]": offering a repair addresses a defect).
const replyOnly = ":reply"

var defaultChecker = sync.OnceValues(func() (*Checker, error) { return NewChecker() })

// Check checks a draft reply to r against every rule and returns the
// findings in rule order (see [Rules]), each rule's findings by offset.
//
// Check is a convenience over a shared default [Checker]; options that
// change the phrase data ([WithPhrases], [WithFAQ]) make it compile a
// fresh Checker for the call. Invalid options are skipped: use
// [NewChecker] to see their errors.
func Check(r review.Review, draft string, opts ...Option) []Finding {
	c, call := checkerFor(opts)
	if c == nil {
		return nil
	}
	return c.Check(r, draft, call...)
}

// checkerFor returns the shared default Checker and the options to apply
// per call, or a freshly compiled Checker when an option changes the
// phrase data. Invalid options are dropped.
func checkerFor(opts []Option) (*Checker, []Option) {
	valid := validOpts(opts)
	var probe config
	_ = probe.apply(valid)
	if probe.compileOnly || len(probe.earlier) > 0 {
		c, err := NewChecker(valid...)
		if err != nil {
			return nil, nil
		}
		return c, nil
	}
	c, err := defaultChecker()
	if err != nil {
		return nil, nil
	}
	return c, valid
}

// Check checks a draft reply to r. Per-call options may set the time
// ([WithNow]), the policy, order numbers, disabled rules, severities and
// the message language; options that change phrase data or earlier
// replies belong to [NewChecker] and are ignored here.
func (c *Checker) Check(r review.Review, draft string, opts ...Option) []Finding {
	sc := scratchPool.Get().(*scratch)
	cfg := &sc.cfg
	*cfg = c.cfg
	cfg.disabled = cloneMap(c.cfg.disabled)
	cfg.severity = cloneMap(c.cfg.severity)
	cfg.orders = append([]string(nil), c.cfg.orders...)
	for _, o := range opts {
		if o == nil {
			continue
		}
		probe := &sc.probe
		*probe = config{}
		if o(probe) != nil || probe.compileOnly || len(probe.earlier) > 0 {
			continue
		}
		_ = o(cfg)
	}
	if cfg.now.IsZero() {
		cfg.now = time.Now()
	}
	cfg.policy = cfg.policy.withDefaults()
	k := &check{c: c, cfg: cfg, draft: draft, sc: sc}
	k.run(r)
	sc.release()
	return k.out
}

// scratch is the reusable memory of one Check call: the buffers of the
// draft's and the review's tokens and phrase matches. Nothing a Check
// returns points into it.
type scratch struct {
	draft, review docBuf
	aspects       []string // check.dAspects
	cfg, probe    config   // the call's configuration, and one option's alone
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// maxPooledToks bounds the token buffers kept in the pool, so that one
// huge draft does not pin its memory.
const maxPooledToks = 4096

func (sc *scratch) release() {
	if cap(sc.draft.d.toks) > maxPooledToks || cap(sc.review.d.toks) > maxPooledToks {
		return
	}
	sc.cfg, sc.probe = config{}, config{}
	sc.draft.d = doc{toks: sc.draft.d.toks[:0], sents: sc.draft.d.sents[:0]}
	sc.review.d = doc{toks: sc.review.d.toks[:0], sents: sc.review.d.sents[:0]}
	scratchPool.Put(sc)
}

func cloneMap[K comparable, V any](m map[K]V) map[K]V {
	if m == nil {
		return nil
	}
	out := make(map[K]V, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// check is the state of one Check call.
type check struct {
	c     *Checker
	cfg   *config
	sc    *scratch
	draft string
	d     *doc
	lang  string // the draft's language, or the review's when unknown
	dlang string // the draft's detected language ("" unknown)
	rv    *reviewInfo
	out   []Finding
	// per-draft facts shared by several rules
	m        matches
	dAspects []string // the aspects the draft addresses, each once
	channel  bool
	quotes   []span
}

// find returns the draft's matches of a list ("file:section").
func (k *check) find(key string) []match { return k.c.get(k.m, key) }

func (k *check) has(key string) bool { return len(k.find(key)) > 0 }

// addresses reports whether the draft addresses aspect a.
func (k *check) addresses(a string) bool { return slices.Contains(k.dAspects, a) }

// msg renders the message key in the configured language.
func (k *check) msg(key string, args ...string) string {
	lang := k.cfg.msgLang
	if lang == MessagesInReplyLang {
		lang = k.dlang
	}
	if k.c.langs[lang] == nil {
		lang = "en"
	}
	m, ok := k.c.langs[lang].msgs[key]
	if !ok {
		m = k.c.langs["en"].msgs[key]
	}
	for i := 0; i+1 < len(args); i += 2 {
		m = strings.ReplaceAll(m, "{"+args[i]+"}", args[i+1])
	}
	return m
}

func (k *check) aspectName(a string) string {
	lang := k.cfg.msgLang
	if lang == MessagesInReplyLang {
		lang = k.dlang
	}
	if k.c.langs[lang] == nil {
		lang = "en"
	}
	if n, ok := k.c.langs[lang].aspectNames[a]; ok {
		return n
	}
	if n, ok := k.c.langs["en"].aspectNames[a]; ok {
		return n
	}
	return a
}

func (k *check) add(rule string, start, end int, msgKey string, args ...string) {
	if k.cfg.disabled[rule] {
		return
	}
	sev, ok := k.cfg.severity[rule]
	if !ok {
		sev = defaultSeverity[rule]
	}
	if start < 0 || end > len(k.draft) || start > end {
		start, end = 0, 0
	}
	k.out = append(k.out, Finding{Rule: rule, Severity: sev, Message: k.msg(msgKey, args...), Start: start, End: end})
}

func (k *check) on(rule string) bool { return !k.cfg.disabled[rule] }

// tokSpan is the byte span of tokens [i, j).
func (k *check) tokSpan(i, j int) span {
	if i >= len(k.d.toks) || j <= i {
		return span{}
	}
	return span{k.d.toks[i].start, k.d.toks[j-1].end}
}

func (k *check) sentSpan(tok int) span { return k.d.sentence(k.d.toks[tok].sent) }

func (k *check) run(r review.Review) {
	k.d = k.sc.draft.tokenize(k.draft)
	k.rv = k.c.analyzeReviewBuf(r, k.cfg, &k.sc.review)
	k.dlang = k.c.detectLang(k.d)
	k.lang = k.dlang
	if k.lang == "" || k.lang == otherLang {
		k.lang = k.rv.lang
	}
	k.quotes = quoteSpans(k.draft)
	k.m = k.c.matchAllBuf(k.lang, k.d.toks, &k.sc.draft)
	k.dAspects = k.sc.aspects[:0]
	for _, m := range k.find(aspectsKey) {
		k.dAspects = appendNew(k.dAspects, strings.TrimSuffix(m.ph.tag, replyOnly))
	}
	k.sc.aspects = k.dAspects
	pd := k.findPrivate(r)
	k.channel = k.hasChannel(pd)

	k.ruleThanks()
	k.ruleApology()
	k.ruleAcknowledge()
	k.ruleResolution()
	k.ruleTakeOffline()
	k.rulePhrases(RuleDefensive, "defensive:", "defensive")
	k.ruleArgue()
	k.ruleProvoked()
	k.ruleLength()
	k.rulePositiveClose()
	k.ruleHighlightPositive()
	k.ruleImprovement()
	k.rulePersonal()
	k.ruleTemplate()
	k.rulePrivate(pd)
	k.rulePlaceholder()
	k.ruleLanguage()
	k.ruleTimeliness(r)
	if len(k.out) > 1 {
		slices.SortStableFunc(k.out, func(a, b Finding) int {
			if ra, rb := ruleIndex[a.Rule], ruleIndex[b.Rule]; ra != rb {
				return cmp.Compare(ra, rb)
			}
			return cmp.Compare(a.Start, b.Start)
		})
	}
}

var ruleIndex = func() map[string]int {
	m := map[string]int{}
	for i, r := range Rules {
		m[r] = i
	}
	return m
}()

func (k *check) ruleThanks() {
	if k.on(RuleThanks) && !k.has("thanks:") {
		k.add(RuleThanks, 0, 0, "thanks")
	}
}

// apologies returns the draft's apologies, negated ones removed.
func (k *check) apologies() []match { return k.affirmed(disjoint(k.find("apology:")), 3) }

// affirmed drops the matches that a negator ("not", "не", "negalime", the
// apology:negator list) precedes by at most gap words in the same
// sentence: "we are not sorry", "we cannot refund", "не можем вернуть".
func (k *check) affirmed(ms []match, gap int) []match {
	neg := k.find("apology:negator")
	if len(neg) == 0 {
		return ms
	}
	var out []match
	for _, m := range ms {
		negated := false
		for _, n := range neg {
			if n.j <= m.i && m.i-n.j <= gap && k.d.toks[n.i].sent == k.d.toks[m.i].sent &&
				!strings.ContainsAny(k.draft[k.d.toks[n.j-1].end:k.d.toks[m.i].start], ",;:—–") {
				negated = true
				break
			}
		}
		if !negated {
			out = append(out, m)
		}
	}
	return out
}

func (k *check) ruleApology() {
	aps := k.apologies()
	if k.rv.complaint && len(aps) == 0 {
		k.add(RuleApology, 0, 0, "apology")
	}
	if !k.on(RuleOverApology) {
		return
	}
	if gr := k.find("over-apology:grovel"); len(gr) > 0 {
		s := k.tokSpan(gr[0].i, gr[0].j)
		k.add(RuleOverApology, s.start, s.end, "over-apology.grovel")
		return
	}
	if len(aps) >= 3 {
		s := k.tokSpan(aps[2].i, aps[2].j)
		k.add(RuleOverApology, s.start, s.end, "over-apology", "n", strconv.Itoa(len(aps)))
	}
}

func (k *check) ruleAcknowledge() {
	if !k.on(RuleAcknowledge) {
		return
	}
	var missed []string
	seen := map[string]bool{}
	var dWords map[string]bool
	for n, is := range k.rv.issues {
		hit := false
		for _, a := range is {
			if k.addresses(a) {
				hit = true
				break
			}
		}
		// A bare "never came" is answered by talking about the wait.
		if len(is) == 1 && is[0] == "delivery" && k.addresses("delay") {
			hit = true
		}
		if !hit {
			// Naming the object of the issue ("the bulb") answers it too.
			if dWords == nil {
				dWords = map[string]bool{}
				stopped := k.stopped()
				for i, t := range k.d.toks {
					if t.letters >= 4 && !stopped[i] {
						dWords[stem5(t.text)] = true
					}
				}
			}
			for _, w := range k.rv.issueWords {
				if w.issue == n && dWords[w.stem] {
					hit = true
					break
				}
			}
		}
		if !hit {
			name := k.aspectName(is[0])
			if !seen[name] {
				seen[name] = true
				missed = append(missed, name)
			}
		}
	}
	if len(missed) > 0 {
		k.add(RuleAcknowledge, 0, 0, "acknowledge", "issues", strings.Join(missed, ", "))
		return
	}
	if !k.rv.complaint || len(k.rv.issues) > 0 {
		return
	}
	// The phrase data found no issue. A draft that shares a detail with
	// the review acknowledges it; otherwise ask the sentiment engine which
	// aspects the review speaks of negatively, to name them.
	if k.sharesDetail() {
		return
	}
	if neg := k.rv.signals().NegAspects; len(neg) > 0 {
		covered := map[string]bool{}
		for _, a := range k.dAspects {
			covered[a] = true
		}
		for _, a := range k.rv.an.signals(k.draft).Aspects {
			covered[a] = true
		}
		for _, a := range neg {
			if !covered[a] {
				name := k.aspectName(a)
				if !seen[name] {
					seen[name] = true
					missed = append(missed, name)
				}
			}
		}
		if len(missed) > 0 {
			k.add(RuleAcknowledge, 0, 0, "acknowledge", "issues", strings.Join(missed, ", "))
		}
		return
	}
	k.add(RuleAcknowledge, 0, 0, "acknowledge.generic")
}

func (k *check) ruleResolution() {
	if !k.rv.complaint || !k.on(RuleResolution) {
		return
	}
	if k.channel || len(k.affirmed(k.find("resolution:"), 2)) > 0 {
		return
	}
	k.add(RuleResolution, 0, 0, "resolution")
}

func (k *check) ruleTakeOffline() {
	if !k.on(RuleTakeOffline) || k.channel {
		return
	}
	aggressive := k.rv.aggressive()
	if !aggressive && !k.rv.dispute {
		return
	}
	key := "take-offline.dispute"
	if aggressive {
		key = "take-offline.aggressive"
	}
	k.add(RuleTakeOffline, 0, 0, key)
}

// rulePhrases reports the sentence of every match of a phrase list.
func (k *check) rulePhrases(rule, key, msgKey string) {
	if !k.on(rule) {
		return
	}
	last := -1
	for _, m := range k.find(key) {
		if k.inQuote(m) {
			continue
		}
		sn := k.d.toks[m.i].sent
		if sn == last {
			continue
		}
		last = sn
		s := k.sentSpan(m.i)
		k.add(rule, s.start, s.end, msgKey)
	}
}

func (k *check) ruleArgue() { k.rulePhrases(RuleArgue, "argue:", "argue") }

func (k *check) inQuote(m match) bool {
	s := k.tokSpan(m.i, m.j)
	for _, q := range k.quotes {
		if s.start >= q.start && s.end <= q.end {
			return true
		}
	}
	return false
}

func (k *check) ruleProvoked() {
	if !k.on(RuleProvoked) {
		return
	}
	k.rulePhrases(RuleProvoked, "provoked:", "provoked")
	// Shouting: three or more upper-case words in a row (abbreviations
	// such as DHL, UK VAT come alone or in pairs).
	toks := k.d.toks
	for i := 0; i < len(toks); {
		if !toks[i].upperRun {
			i++
			continue
		}
		j, words := i, 0
		for j < len(toks) && (toks[j].upperRun || toks[j].letters == 0 && toks[j].digits > 0) {
			if toks[j].upperRun {
				words++
			}
			j++
		}
		if words >= 3 {
			s := k.tokSpan(i, j)
			k.add(RuleProvoked, s.start, s.end, "provoked.caps")
			break
		}
		i = j
	}
	if k.rv.positive && !k.rv.complaint {
		return
	}
	if i := strings.Index(k.draft, "!!!"); i >= 0 {
		k.add(RuleProvoked, i, i+3, "provoked.exclaim")
	} else if i := strings.Index(k.draft, "?!"); i >= 0 {
		k.add(RuleProvoked, i, i+2, "provoked.exclaim")
	}
}

func (k *check) ruleLength() {
	if !k.on(RuleLength) {
		return
	}
	n := k.d.words()
	switch {
	case n > k.cfg.policy.MaxWords:
		k.add(RuleLength, 0, 0, "length.long", "n", strconv.Itoa(n), "max", strconv.Itoa(k.cfg.policy.MaxWords))
	case n < k.cfg.policy.MinWords:
		k.add(RuleLength, 0, 0, "length.short", "n", strconv.Itoa(n))
	}
}

// closing returns the index of the draft's closing sentence, skipping a
// sign-off, or -1.
func (k *check) closing() int {
	if len(k.d.sents) == 0 {
		return -1
	}
	// Drop trailing lines that look like a signature.
	end := len(k.draft)
	signoff := k.find("positive-close:signoff")
	for lines := 0; end > 0 && lines < 5; lines++ {
		body := strings.TrimRight(k.draft[:end], " \t\r\n")
		nl := strings.LastIndexByte(body, '\n')
		if nl < 0 {
			break
		}
		line := strings.TrimSpace(body[nl+1:])
		isSig := strings.HasPrefix(line, "-") || strings.HasPrefix(line, "—") || strings.HasPrefix(line, "–")
		if !isSig {
			for _, m := range signoff {
				if k.d.toks[m.i].start > nl {
					isSig = true
				}
			}
		}
		if !isSig {
			wc := len(strings.Fields(line))
			last, _ := utf8.DecodeLastRuneInString(line)
			isSig = wc > 0 && wc <= 4 && !strings.ContainsRune(".!?…", last)
		}
		if !isSig {
			break
		}
		end = nl
	}
	last := -1
	for i, s := range k.d.sents {
		if s.start < end {
			last = i
		}
	}
	// A signature on the same line: "… soon! – Tom", "… Enjoy! Anna K."
	for last > 0 && k.signatureSentence(last) {
		last--
	}
	return last
}

// signatureSentence reports whether sentence n looks like a signature: it
// starts with a dash, or it is at most three capitalised words with no
// closing punctuation other than a full stop after an initial.
func (k *check) signatureSentence(n int) bool {
	s := k.d.sents[n]
	text := strings.TrimSpace(k.draft[s.start:s.end])
	if text == "" {
		return true
	}
	if s.start > 0 {
		before := strings.TrimRight(k.draft[:s.start], " \t")
		if strings.HasSuffix(before, "-") || strings.HasSuffix(before, "—") || strings.HasSuffix(before, "–") {
			return true
		}
	}
	words, caps := 0, 0
	for _, t := range k.d.toks {
		if t.sent != n || t.letters == 0 {
			continue
		}
		words++
		if t.capital {
			caps++
		}
	}
	last, _ := utf8.DecodeLastRuneInString(text)
	return words > 0 && words <= 3 && caps == words && !strings.ContainsRune("!?…", last) && (last != '.' || words <= 2)
}

func (k *check) rulePositiveClose() {
	if !k.on(RulePositiveClose) {
		return
	}
	sn := k.closing()
	if sn < 0 {
		k.add(RulePositiveClose, 0, 0, "positive-close")
		return
	}
	in := func(ms []match) bool {
		for _, m := range ms {
			if k.d.toks[m.i].sent == sn && !k.inQuote(m) {
				return true
			}
		}
		return false
	}
	s := k.d.sents[sn]
	// A warm sign-off ("Best wishes,") after the closing sentence counts.
	warmSignoff := false
	for _, m := range k.find("positive-close:positive") {
		if k.d.toks[m.i].sent > sn {
			warmSignoff = true
		}
	}
	bad := in(k.find("positive-close:negative")) || in(k.find("defensive:")) || in(k.find("argue:")) || in(k.find("provoked:"))
	good := in(k.find("positive-close:positive")) || warmSignoff
	if !good {
		// An exclamation that is not shouting closes warmly ("Happy hiking!").
		tail := strings.TrimRight(k.draft[s.start:s.end], " \t\r\n\"'»”)")
		if strings.HasSuffix(tail, "!") && !strings.HasSuffix(tail, "!!!") {
			good = true
		}
	}
	if bad || !good {
		k.add(RulePositiveClose, s.start, s.end, "positive-close")
	}
}

func (k *check) ruleHighlightPositive() {
	if !k.on(RuleHighlightPositive) || !k.rv.praise {
		return
	}
	if k.has("highlight-positive:positive") {
		return
	}
	// Echoing the reviewer's own praise counts too.
	for _, t := range k.d.toks {
		if k.rv.praiseWords[t.text] {
			return
		}
	}
	k.add(RuleHighlightPositive, 0, 0, "highlight-positive")
}

func (k *check) ruleImprovement() {
	if !k.rv.complaint || !k.on(RuleImprovement) {
		return
	}
	if len(k.affirmed(k.find("improvement:"), 2)) == 0 {
		k.add(RuleImprovement, 0, 0, "improvement")
	}
}

// named reports whether the draft addresses the reviewer by name.
func (k *check) named() bool {
	for _, t := range k.d.toks {
		if !t.capital {
			continue
		}
		for _, n := range k.rv.names {
			if n.exact && t.text == n.prefix || !n.exact && strings.HasPrefix(t.text, n.prefix) && utf8.RuneCountInString(t.text) <= n.runes+3 {
				return true
			}
		}
	}
	return false
}

// sharesDetail reports whether the draft names something concrete from
// the review: an aspect it raises or a content word.
func (k *check) sharesDetail() bool {
	for _, a := range k.rv.aspects {
		if k.addresses(a) {
			return true
		}
	}
	stopped := k.stopped()
	for i, t := range k.d.toks {
		if t.letters < 5 || stopped[i] {
			continue
		}
		if k.rv.contentWords()[stem5(t.text)] {
			return true
		}
	}
	return false
}

func (k *check) rulePersonal() {
	if !k.on(RulePersonal) {
		return
	}
	if strings.Contains(k.draft, slotOpen) {
		k.add(RulePersonal, 0, 0, "personal.slots")
		return
	}
	named := k.named()
	for _, g := range k.find("personal:generic") {
		s := k.tokSpan(g.i, g.j)
		if named || k.inPlaceholder(s) {
			continue
		}
		k.add(RulePersonal, s.start, s.end, "personal.generic")
		return
	}
	if !named && !k.sharesDetail() {
		k.add(RulePersonal, 0, 0, "personal")
	}
}

func (k *check) ruleTemplate() {
	if !k.on(RuleTemplate) || len(k.c.earlier) == 0 {
		return
	}
	sig := newSignature(k.d.toks)
	if sig.empty() {
		return
	}
	best := 0.0
	for _, e := range k.c.earlier {
		if s := sig.similarity(e); s > best {
			best = s
		}
	}
	if best >= k.cfg.policy.TemplateThreshold {
		k.add(RuleTemplate, 0, 0, "template", "pct", strconv.Itoa(int(best*100+0.5)))
	}
}

func (k *check) ruleLanguage() {
	if !k.on(RuleLanguage) || k.dlang == "" || k.rv.lang == "" || k.dlang == k.rv.lang {
		return
	}
	k.add(RuleLanguage, 0, 0, "language", "draft", k.msg("lang."+k.dlang), "review", k.msg("lang."+k.rv.lang))
}

func (k *check) ruleTimeliness(r review.Review) {
	if !k.on(RuleTimeliness) || r.CreatedAt.IsZero() {
		return
	}
	within, ok := k.cfg.policy.DueWithin(r.Stars())
	if !ok {
		return
	}
	age := k.cfg.now.Sub(r.CreatedAt)
	if age > within {
		k.add(RuleTimeliness, 0, 0, "timeliness", "age", k.humanHours(age), "within", k.humanHours(within))
	}
}

// humanHours writes a duration in whole hours, or days when it is a
// whole number of days of at least two, with the message language's unit.
func (k *check) humanHours(d time.Duration) string {
	h := int(d.Hours() + 0.5)
	if h >= 48 && h%24 == 0 {
		return strconv.Itoa(h/24) + " " + k.msg("unit.days")
	}
	return strconv.Itoa(h) + " " + k.msg("unit.hours")
}

// stem5 is the crude shared stem for detail overlap: the first five runes.
func stem5(s string) string {
	n := 0
	for i := range s {
		if n == 5 {
			return s[:i]
		}
		n++
	}
	return s
}

// stopped marks the draft tokens too common to count as a detail.
func (k *check) stopped() []bool {
	out := make([]bool, len(k.d.toks))
	for _, m := range k.find("personal:stop") {
		for i := m.i; i < m.j; i++ {
			out[i] = true
		}
	}
	return out
}
