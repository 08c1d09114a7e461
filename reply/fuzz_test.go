package reply

import (
	"testing"
	"time"
	"unicode/utf8"

	"github.com/reputekit/repute/review"
)

// onBoundary reports whether offset i is where a walk of s with
// utf8.DecodeRuneInString stops (for invalid UTF-8 every bad byte is one
// step).
func onBoundary(s string, i int) bool {
	for p := 0; p < len(s); {
		if p == i {
			return true
		}
		_, w := utf8.DecodeRuneInString(s[p:])
		p += w
	}
	return i == len(s)
}

func FuzzCheck(f *testing.F) {
	f.Add(float64(1), "The lamp arrived broken!!! SCAM", "Hi {name}, sorry. Call +44 7700 900123 or mail a.b@gmail.com, card 4111 1111 1111 1111.", "en")
	f.Add(float64(2), "Посылка опоздала", "Извините, Анна! Заказ 12345678 отправлен по адресу ул. Ленина, д. 5.", "ru")
	f.Add(float64(5), "Puiku", "Ačiū! Džiaugiamės. Savanorių pr. 16, Kaune", "lt")
	f.Add(float64(0), "\xff\xfe", "\xc3\x28 [[slot]] \xe2\x82 ****1234", "")
	f.Add(float64(3), "", "", "xx")
	f.Fuzz(func(t *testing.T, stars float64, body, draft, lang string) {
		r := review.Review{ID: "f", Source: "f", Rating: stars, Body: body, Lang: lang, Author: review.Author{Name: body}, CreatedAt: time.Unix(0, 0)}
		for _, fd := range Check(r, draft, WithNow(time.Unix(3600, 0))) {
			if fd.Start < 0 || fd.End > len(draft) || fd.Start > fd.End {
				t.Fatalf("finding %+v outside the draft (len %d)", fd, len(draft))
			}
			if !onBoundary(draft, fd.Start) || !onBoundary(draft, fd.End) {
				t.Fatalf("finding %+v not on rune boundaries of %q", fd, draft)
			}
			if !knownRule(fd.Rule) || fd.Message == "" {
				t.Fatalf("finding %+v: unknown rule or empty message", fd)
			}
		}
		_, _ = Draft(r)
		_ = Plan([]review.Review{r}, WithNow(time.Unix(3600, 0)))
	})
}
