package reply

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// slotOpen and slotClose mark the slots [Draft] leaves for a human.
const (
	slotOpen  = "[["
	slotClose = "]]"
)

// placeholderRE finds template fields: {name}, {{name}}, [[slot]],
// [CUSTOMER NAME], <order_id>, %s / %d / %v, ${name}, $NAME, __NAME__.
// Square brackets count only when the inside is upper case, or has an
// underscore, or is one of the field words of the messages data.
var placeholderRE = regexp.MustCompile(`\{\{[^{}\n]{1,60}\}\}|\{[^{}\n]{1,40}\}|\[\[[^\[\]\n]{1,80}\]\]|\[[^\[\]\n]{1,40}\]|<[\p{L}_][\p{L}\p{N}_ .-]{0,30}>|%[sdv]\b|\$\{[^}\n]{1,40}\}|\$[A-Z][A-Z_]{2,}|__[A-Za-z]\w*__|\b(?:XXX+|TODO|TBD|Lorem ipsum)\b`)

func (k *check) rulePlaceholder() {
	if !k.on(RulePlaceholder) || !strings.ContainsAny(k.draft, "{[<%$_XTL") {
		return
	}
	for _, loc := range placeholderRE.FindAllStringIndex(k.draft, -1) {
		m := k.draft[loc[0]:loc[1]]
		if strings.HasPrefix(m, "[") && !strings.HasPrefix(m, "[[") && !fieldLike(m[1:len(m)-1]) {
			continue
		}
		if strings.HasPrefix(m, "<") && !fieldLike(m[1:len(m)-1]) && !strings.ContainsRune(m, '_') {
			continue
		}
		k.add(RulePlaceholder, loc[0], loc[1], "placeholder", "field", m)
	}
}

// fieldWords are words that, alone in brackets, are a field to fill.
var fieldWords = map[string]bool{
	"name": true, "first name": true, "customer": true, "customer name": true, "order": true, "order id": true, "order number": true, "date": true, "product": true, "agent": true, "shop": true, "signature": true,
	"имя": true, "имя клиента": true, "клиент": true, "номер заказа": true, "заказ": true, "дата": true, "товар": true,
	"vardas": true, "vardas pavardė": true, "klientas": true, "užsakymo numeris": true, "uzsakymo numeris": true, "data": true, "prekė": true, "preke": true,
}

// fieldLike reports whether bracket contents look like a field name:
// upper case letters, an underscore, or a known field word.
func fieldLike(in string) bool {
	in = strings.TrimSpace(in)
	if in == "" {
		return false
	}
	if strings.ContainsRune(in, '_') {
		return true
	}
	if fieldWords[strings.ToLower(in)] {
		return true
	}
	letters, upper := 0, 0
	for _, r := range in {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	return letters >= 2 && upper == letters
}

// maxQuote bounds the length of a quotation, so that many unmatched quote
// marks cost linear time.
const maxQuote = 400

// quoteSpans returns the spans of quoted passages: "…", “…”, «…», „…“
// and '…' where the opening mark does not follow a letter.
func quoteSpans(s string) []span {
	var out []span
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf && c != '"' && c != '\'' {
			i++ // ASCII that opens no quotation
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		closeR, ok := closingQuote(r)
		if !ok {
			i += w
			continue
		}
		if r == '\'' && i > 0 {
			p, _ := utf8.DecodeLastRuneInString(s[:i])
			if unicode.IsLetter(p) || unicode.IsDigit(p) {
				i += w
				continue
			}
		}
		j := i + w
		found := -1
		for j < len(s) && j-i < maxQuote {
			r2, w2 := utf8.DecodeRuneInString(s[j:])
			if r2 == '\n' {
				break
			}
			if r2 == closeR || (r == '„' && r2 == '”') {
				if r2 == '\'' && j+w2 < len(s) {
					n, _ := utf8.DecodeRuneInString(s[j+w2:])
					if unicode.IsLetter(n) {
						j += w2
						continue
					}
				}
				found = j + w2
				break
			}
			j += w2
		}
		if found < 0 {
			i += w
			continue
		}
		out = append(out, span{i, found})
		i = found
	}
	return out
}

// closingQuote returns the mark that closes a quotation opened by r.
func closingQuote(r rune) (rune, bool) {
	switch r {
	case '"', '\'':
		return r, true
	case '“':
		return '”', true
	case '«':
		return '»', true
	case '„':
		return '“', true
	}
	return 0, false
}

// inPlaceholder reports whether s overlaps a template field.
func (k *check) inPlaceholder(s span) bool {
	if !strings.ContainsAny(k.draft, "{[<") {
		return false
	}
	for _, loc := range placeholderRE.FindAllStringIndex(k.draft, -1) {
		if s.start < loc[1] && loc[0] < s.end {
			return true
		}
	}
	return false
}
