package reply

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/reputekit/repute/review"
)

// privItem is a piece of contact or payment data found in a draft.
type privItem struct {
	span
	kind     string // "email", "phone", "card", "order", "address"
	business bool   // the shop's own, offered to the customer
}

// findEmails returns the spans of e-mail addresses: a local part of
// letters, digits and ._%+-, an '@', and a dotted domain whose last label
// has at least two letters.
func findEmails(s string) [][2]int {
	var out [][2]int
	localRune := func(r rune) bool {
		return unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("._%+-", r)
	}
	domainRune := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '.' }
	from := 0
	for {
		at := strings.IndexByte(s[from:], '@')
		if at < 0 {
			return out
		}
		at += from
		from = at + 1
		a := at
		for a > 0 && at-a < 64 {
			r, w := utf8.DecodeLastRuneInString(s[:a])
			if r == utf8.RuneError || !localRune(r) {
				break
			}
			a -= w
		}
		b := at + 1
		for b < len(s) && b-at <= 255 {
			r, w := utf8.DecodeRuneInString(s[b:])
			if r == utf8.RuneError || !domainRune(r) {
				break
			}
			b += w
		}
		for b > at+1 && (s[b-1] == '.' || s[b-1] == '-') {
			b--
		}
		if a == at || b == at+1 {
			continue
		}
		dom := s[at+1 : b]
		dot := strings.LastIndexByte(dom, '.')
		if dot <= 0 {
			continue
		}
		letters := 0
		tld := true
		for _, r := range dom[dot+1:] {
			if !unicode.IsLetter(r) {
				tld = false
			}
			letters++
		}
		if !tld || letters < 2 {
			continue
		}
		out = append(out, [2]int{a, b})
		from = b
	}
}

// digitsOnly keeps the ASCII digits of s.
func digitsOnly(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

// luhn reports whether a digit string passes the Luhn check.
func luhn(d string) bool {
	sum, dbl := 0, false
	for i := len(d) - 1; i >= 0; i-- {
		n := int(d[i] - '0')
		if dbl {
			n *= 2
			if n > 9 {
				n -= 9
			}
		}
		sum += n
		dbl = !dbl
	}
	return sum%10 == 0
}

// numberRuns finds runs of digits joined by single spaces, dashes, dots
// and brackets, with an optional leading '+'.
func numberRuns(s string) []span {
	var out []span
	i := 0
	for i < len(s) {
		c := s[i]
		if !(c >= '0' && c <= '9' || c == '+' || c == '(') {
			i++
			continue
		}
		start := i
		j := i
		if c == '+' || c == '(' {
			j++
		}
		lastDigit := -1
		for j < len(s) {
			ch := s[j]
			if ch >= '0' && ch <= '9' {
				lastDigit = j
				j++
				continue
			}
			if (ch == ' ' || ch == '-' || ch == '.' || ch == '(' || ch == ')' || ch == '\u00a0') && j+1 < len(s) && lastDigit >= 0 {
				nx := s[j+1]
				if nx >= '0' && nx <= '9' || nx == '(' || (ch == ')' && nx == ' ') {
					j++
					continue
				}
			}
			break
		}
		if lastDigit < 0 {
			i = j + 1
			continue
		}
		out = append(out, span{start, lastDigit + 1})
		i = lastDigit + 1
	}
	return out
}

// masked reports whether the number at s[start:] continues a masked
// value such as ****1234 or XXXX-1234.
func masked(s string, start int) bool {
	k := start
	for k > 0 {
		r, w := utf8.DecodeLastRuneInString(s[:k])
		switch r {
		case '*', '•', '·', '×', 'X', 'x', '#':
			if r == '#' {
				return false
			}
			return true
		case ' ', '-':
			k -= w
			continue
		}
		return false
	}
	return false
}

var tollFree = []string{"800", "0800", "8800", "1800", "888", "877", "866", "855", "844", "833", "0808", "880"}

// tokIndexAt returns the index of the first token that ends after pos.
func (k *check) tokIndexAt(pos int) int {
	return sort.Search(len(k.d.toks), func(i int) bool { return k.d.toks[i].end > pos })
}

// context returns whether business or customer context phrases end
// within four tokens before tokens index i, in the same sentence.
func (k *check) contextBefore(i int, key string) bool {
	for _, m := range k.find(key) {
		if m.j <= i && i-m.j <= 4 && (i >= len(k.d.toks) || k.d.toks[m.i].sent == k.d.toks[min(i, len(k.d.toks)-1)].sent) {
			return true
		}
	}
	return false
}

func (k *check) declared(value string, digits bool) bool {
	for _, c := range k.cfg.policy.Contacts {
		if digits {
			a, b := digitsOnly(c), digitsOnly(value)
			if len(a) >= 6 && (strings.HasSuffix(a, b) || strings.HasSuffix(b, a)) {
				return true
			}
			continue
		}
		if strings.EqualFold(strings.TrimSpace(c), value) {
			return true
		}
	}
	return false
}

// findPrivate finds e-mail addresses, phone numbers, card numbers, order
// numbers and street addresses in the draft and decides whose they are.
func (k *check) findPrivate(r review.Review) []privItem {
	s := k.draft
	var out []privItem
	if strings.IndexByte(s, '@') >= 0 {
		for _, loc := range findEmails(s) {
			addr := s[loc[0]:loc[1]]
			it := privItem{span: span{loc[0], loc[1]}, kind: "email"}
			it.business = k.businessEmail(addr, k.tokIndexAt(loc[0]))
			out = append(out, it)
		}
	}
	// covered marks the bytes already claimed by an item.
	var covered []bool
	claimed := 0
	taken := func(a, b int) bool {
		for claimed < len(out) {
			if covered == nil {
				covered = make([]bool, len(s))
			}
			for i := out[claimed].start; i < out[claimed].end; i++ {
				covered[i] = true
			}
			claimed++
		}
		if covered == nil {
			return false
		}
		for i := a; i < b; i++ {
			if covered[i] {
				return true
			}
		}
		return false
	}
	// Order numbers the review or the caller named.
	for _, o := range k.rv.orders {
		if len(o) < 4 {
			continue
		}
		for from := 0; from < len(s); {
			i := strings.Index(s[from:], o)
			if i < 0 {
				break
			}
			i += from
			if !masked(s, i) && !taken(i, i+len(o)) {
				out = append(out, privItem{span: span{i, i + len(o)}, kind: "order"})
			}
			from = i + len(o)
		}
	}
	// Order numbers the draft spells out after an order keyword.
	for _, m := range k.find("private-data:order") {
		for i := m.j; i < len(k.d.toks) && i <= m.j+2; i++ {
			t := k.d.toks[i]
			if t.digits >= 5 && !masked(s, t.start) && !taken(t.start, t.end) {
				out = append(out, privItem{span: span{t.start, t.end}, kind: "order"})
				break
			}
		}
	}
	// Phone and card numbers.
	for _, sp := range numberRuns(s) {
		if taken(sp.start, sp.end) || masked(s, sp.start) {
			continue
		}
		raw := s[sp.start:sp.end]
		d := digitsOnly(raw)
		// glued to letters (a product code) → not a number of interest
		if sp.start > 0 {
			if r, _ := utf8.DecodeLastRuneInString(s[:sp.start]); unicode.IsLetter(r) {
				continue
			}
		}
		switch {
		case len(d) >= 13 && len(d) <= 19 && luhn(d) && !strings.HasPrefix(raw, "+"):
			out = append(out, privItem{span: sp, kind: "card"})
		case isPhone(raw, d):
			it := privItem{span: sp, kind: "phone"}
			ti := k.tokIndexAt(sp.start)
			switch {
			case k.declared(raw, true):
				it.business = true
			case k.contextBefore(ti, "private-data:customer"):
			case k.contextBefore(ti, "private-data:business"):
				it.business = true
			default:
				for _, p := range tollFree {
					if strings.HasPrefix(d, p) {
						it.business = true
					}
				}
			}
			out = append(out, it)
		}
	}
	// Street addresses.
	out = append(out, k.findAddresses(taken)...)
	return out
}

// isPhone: an international number (+ and 8–15 digits) or a local one of
// 9–12 digits written in groups; dates and plain amounts are not phones.
func isPhone(raw, d string) bool {
	if strings.HasPrefix(raw, "+") {
		return len(d) >= 8 && len(d) <= 15
	}
	if len(d) < 9 || len(d) > 12 {
		return false
	}
	if datePattern.MatchString(raw) {
		return false
	}
	return true
}

var datePattern = regexp.MustCompile(`^\d{4}[-./]\d{1,2}[-./]\d{1,2}$|^\d{1,2}[-./]\d{1,2}[-./]\d{4}$`)

func (k *check) businessEmail(addr string, ti int) bool {
	if k.declared(addr, false) {
		return true
	}
	local, domain, _ := strings.Cut(strings.ToLower(addr), "@")
	if k.contextBefore(ti, "private-data:customer") {
		return false
	}
	for _, n := range k.rv.names {
		if strings.Contains(fold(local), n.prefix) {
			return false
		}
	}
	if k.contextBefore(ti, "private-data:business") {
		return true
	}
	for _, m := range k.c.freemail() {
		if domain == m || strings.HasSuffix(m, "*") && strings.HasPrefix(domain, strings.TrimSuffix(m, "*")) {
			return false
		}
	}
	for _, role := range k.c.roles() {
		if local == role || strings.HasPrefix(local, role+".") || strings.HasPrefix(local, role+"-") || strings.HasPrefix(local, role+"_") {
			return true
		}
	}
	return false
}

func (c *Checker) freemail() []string {
	raw, _ := loadRaw()
	return raw["en"]["private-data"]["freemail"]
}

func (c *Checker) roles() []string {
	raw, _ := loadRaw()
	var out []string
	for _, l := range Langs {
		out = append(out, raw[l]["private-data"]["role"]...)
	}
	return out
}

// findAddresses finds street addresses: a street keyword ("g.", "ул.",
// "Street") next to a capitalised name and a house number.
func (k *check) findAddresses(taken func(a, b int) bool) []privItem {
	var out []privItem
	toks := k.d.toks
	streetAt := map[int]int{} // start token → end token of street keywords
	for _, m := range k.find("private-data:street") {
		streetAt[m.i] = m.j
	}
	for _, m := range k.find("private-data:street") {
		// shapes: Name KW Number (lt, en) or KW Name Number (ru) or Number Name KW (en)
		var a, b int = -1, -1
		switch {
		case m.i > 0 && toks[m.i-1].capital && m.j < len(toks) && toks[m.j].digits > 0:
			a, b = m.i-1, m.j+1
		case m.j+1 < len(toks) && toks[m.j].capital && toks[m.j+1].digits > 0:
			a, b = m.i, m.j+2
		case m.j+2 < len(toks) && toks[m.j].capital && toks[m.j+1].capital && toks[m.j+2].digits > 0:
			a, b = m.i, m.j+3
		case m.i > 1 && toks[m.i-1].capital && toks[m.i-2].digits > 0:
			a, b = m.i-2, m.j
		case m.i > 2 && toks[m.i-1].capital && toks[m.i-2].capital && toks[m.i-3].digits > 0:
			a, b = m.i-3, m.j
		}
		if a < 0 {
			continue
		}
		// swallow a flat number and a following "-45", ", кв. 12", ", flat 3"
		for b < len(toks) {
			if toks[b].digits > 0 && toks[b].letters <= 1 && toks[b].start-toks[b-1].end <= 2 {
				b++
				continue
			}
			if e, ok := streetAt[b]; ok && e < len(toks) && toks[e].digits > 0 && toks[b].start-toks[b-1].end <= 3 {
				b = e + 1
				continue
			}
			break
		}
		// and a street keyword just before: "ул. Ленина"
		for a > 0 {
			found := false
			for s, e := range streetAt {
				if e == a && toks[a].start-toks[s].end <= 3 {
					a, found = s, true
					break
				}
			}
			if !found {
				break
			}
		}
		sp := span{toks[a].start, toks[b-1].end}
		if taken(sp.start, sp.end) {
			continue
		}
		it := privItem{span: sp, kind: "address"}
		if k.declared(k.draft[sp.start:sp.end], false) || k.contextBefore(a, "private-data:business") {
			it.business = true
		}
		out = append(out, it)
	}
	return out
}

// hasChannel reports whether the draft invites the customer to a private
// channel: a channel phrase, the shop's own contact, or a channel the
// policy names.
func (k *check) hasChannel(pd []privItem) bool {
	for _, it := range pd {
		if it.business && (it.kind == "email" || it.kind == "phone") {
			return true
		}
	}
	if k.has("take-offline:channel") {
		return true
	}
	low := strings.ToLower(k.draft)
	for _, c := range k.cfg.policy.Channels {
		if c != "" && strings.Contains(low, strings.ToLower(c)) {
			return true
		}
	}
	for _, c := range k.cfg.policy.Contacts {
		if c != "" && strings.Contains(low, strings.ToLower(c)) {
			return true
		}
	}
	return false
}

func (k *check) rulePrivate(pd []privItem) {
	if !k.on(RulePrivateData) {
		return
	}
	for _, it := range pd {
		if it.business {
			continue
		}
		k.add(RulePrivateData, it.start, it.end, "private-data."+it.kind)
	}
}
