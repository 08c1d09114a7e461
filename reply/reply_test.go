package reply

import (
	"errors"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/reputekit/repute/review"
)

var t0 = time.Date(2026, 7, 1, 10, 0, 0, 0, time.UTC)

func rv(stars float64, lang, author, body string) review.Review {
	return review.Review{ID: "t:1", Source: "t", Rating: stars, Lang: lang, Author: review.Author{Name: author}, Body: body, CreatedAt: t0}
}

func rulesOf(fs []Finding) []string {
	var out []string
	for _, f := range fs {
		if !slices.Contains(out, f.Rule) {
			out = append(out, f.Rule)
		}
	}
	return out
}

// TestCheckRules checks each rule on small drafts written for this test.
func TestCheckRules(t *testing.T) {
	t.Parallel()
	now := WithNow(t0.Add(2 * time.Hour))
	tests := []struct {
		name     string
		r        review.Review
		draft    string
		want     []string // must be reported
		wantNone []string // must not be reported
	}{
		{
			name:     "good English reply to a complaint",
			r:        rv(1, "en", "Nina Hart", "The teapot lid was chipped when it arrived."),
			draft:    "Hi Nina, thanks for telling us, and I'm sorry the teapot lid arrived chipped. A new lid is on its way at no cost, and we now wrap every lid separately. We hope you enjoy your tea!",
			wantNone: Rules,
		},
		{
			name:     "negated apology is none",
			r:        rv(2, "en", "Ken Ito", "The parcel was late."),
			draft:    "Hi Ken, thanks for the review. We have nothing to apologise for: the parcel left on time. We hope you understand.",
			want:     []string{RuleApology, RuleDefensive},
			wantNone: []string{RuleThanks, RuleOverApology},
		},
		{
			name:     "thanks to is not thanks",
			r:        rv(5, "en", "Li Wei", "Quick delivery, lovely mug."),
			draft:    "Li, thanks to our new courier your mug came quickly, and we are glad you like it. See you soon!",
			want:     []string{RuleThanks},
			wantNone: []string{RuleApology, RuleHighlightPositive, RulePersonal},
		},
		{
			name:     "Russian apology forms and over-apology",
			r:        rv(1, "ru", "Анна Петрова", "Кружка пришла разбитой."),
			draft:    "Анна, спасибо за отзыв. Извините нас! Приносим извинения. Просим прощения, нам очень стыдно.",
			want:     []string{RuleOverApology, RuleResolution, RuleImprovement},
			wantNone: []string{RuleApology, RuleThanks, RuleLanguage},
		},
		{
			name:     "Lithuanian apology forms",
			r:        rv(2, "lt", "Jonas Jonaitis", "Siuntinys vėlavo dvi savaites."),
			draft:    "Jonai, dėkojame už atsiliepimą ir labai apgailestaujame, kad siuntinys vėlavo. Pristatymo mokestį grąžinome, o nuo šiol siuntas tikriname kasdien. Gražios dienos!",
			wantNone: Rules,
		},
		{
			name:     "Lithuanian without diacritics",
			r:        rv(2, "lt", "Jonas Jonaitis", "Siuntinys vėlavo dvi savaites."),
			draft:    "Jonai, aciu uz atsiliepima ir atsiprasome, kad siuntinys velavo. Pristatymo mokesti grazinome, o nuo siol siuntas tikriname kasdien. Grazios dienos!",
			wantNone: []string{RuleThanks, RuleApology, RuleLanguage, RuleResolution, RuleImprovement, RulePositiveClose},
		},
		{
			name:     "Russian replacement on its way is a resolution",
			r:        rv(1, "ru", "Игорь Орлов", "Чайник пришёл разбитым."),
			draft:    "Игорь, спасибо, что написали, и простите за разбитый чайник. Новый чайник уедет к вам сегодня, а упаковщики теперь кладут в коробку уголки из пены. Приятного чаепития!",
			wantNone: []string{RuleResolution, RuleApology, RuleThanks, RuleImprovement},
		},
		{
			name:     "Lithuanian replacement on its way is a resolution",
			r:        rv(1, "lt", "Tomas Vaitkus", "Virdulys atkeliavo sudužęs."),
			draft:    "Tomai, ačiū, kad parašėte, ir atsiprašome dėl sudužusio virdulio. Naujas virdulys išvyks šiandien, o pakuotojai dabar deda putplasčio kampus. Skanios arbatos!",
			wantNone: []string{RuleResolution, RuleApology, RuleThanks, RuleImprovement},
		},
		{
			name:     "wrong language",
			r:        rv(4, "lt", "Ieva K", "Gražus puodelis."),
			draft:    "Thank you, Ieva! We are glad you like the mug. See you soon!",
			want:     []string{RuleLanguage},
			wantNone: []string{RuleThanks},
		},
		{
			name:     "region subtags in Review.Lang",
			r:        rv(5, "en-GB", "Ieva K", "Lovely mug."),
			draft:    "Thank you, Ieva! We are glad you like the mug. See you soon!",
			wantNone: []string{RuleLanguage},
		},
		{
			name:  "a language we do not support",
			r:     rv(4, "en", "Ina Berg", "Nice mug."),
			draft: "Vielen Dank, Ina! Wir freuen uns sehr, dass Ihnen die Tasse gefällt.",
			want:  []string{RuleLanguage},
		},
		{
			name:     "shouting and sarcasm",
			r:        rv(1, "en", "Al Burke", "Never got my order."),
			draft:    "YOU NEVER EVEN CHECKED YOUR MAILBOX. Good luck with that.",
			want:     []string{RuleProvoked, RuleThanks, RuleApology, RuleResolution},
			wantNone: []string{RulePlaceholder, RulePrivateData},
		},
		{
			name:     "abbreviations are not shouting",
			r:        rv(5, "en", "Jo Lee", "Fast DHL delivery."),
			draft:    "Thanks, Jo! Glad the DHL parcel reached you fast - UK VAT included. See you soon!",
			wantNone: []string{RuleProvoked},
		},
		{
			name:     "placeholders in three scripts",
			r:        rv(5, "ru", "Олег", "Всё отлично."),
			draft:    "Здравствуйте, {имя}! Спасибо за отзыв о заказе <order_id>. Рады, что всё понравилось!",
			want:     []string{RulePlaceholder},
			wantNone: []string{RuleThanks, RuleLanguage},
		},
		{
			name:     "customer data vs business data",
			r:        rv(5, "en", "Maya Ross", "Lovely shoes."),
			draft:    "Thank you, Maya! We're glad you love the shoes. Your voucher went to maya.ross77@gmail.com; for anything else write to help@shoeshop.example or call us on 0800 123 4567.",
			want:     []string{RulePrivateData},
			wantNone: []string{RulePersonal, RuleThanks},
		},
		{
			name:     "masked card is fine, full card is not",
			r:        rv(2, "en", "Raj Patel", "Charged twice."),
			draft:    "Hi Raj, thank you, and sorry you were charged twice. We refunded card ****1111 today and fixed the payment bug. We hope to see you again!",
			wantNone: []string{RulePrivateData},
		},
		{
			name:  "too long",
			r:     rv(2, "en", "Bo Chan", "The chair wobbles."),
			draft: "Hi Bo, thank you. " + strings.Repeat("We really want to explain our whole process in detail here. ", 20),
			want:  []string{RuleLength},
		},
		{
			name:     "generic boilerplate",
			r:        rv(1, "en", "Kim Vo", "The blender leaks water everywhere."),
			draft:    "Dear customer, thank you for your feedback. We value every customer. Have a nice day!",
			want:     []string{RulePersonal, RuleAcknowledge, RuleApology},
			wantNone: []string{RuleThanks, RulePositiveClose},
		},
		{
			name:     "argue in Russian",
			r:        rv(1, "ru", "Игорь", "Мне так и не перезвонили."),
			draft:    "Игорь, спасибо за отзыв. По нашим данным, вы не оставляли номер телефона.",
			want:     []string{RuleArgue, RuleApology},
			wantNone: []string{RuleThanks},
		},
		{
			name:     "aggressive review without a private channel",
			r:        rv(1, "en", "Dee Park", "SCAM!!! You took my money and sent nothing."),
			draft:    "Hi Dee, thank you and sorry your parcel has not arrived. We have sent a replacement today and now track every parcel daily. We hope it arrives soon!",
			want:     []string{RuleTakeOffline},
			wantNone: []string{RuleApology, RuleResolution},
		},
		{
			name:     "aggressive review with a private channel",
			r:        rv(1, "en", "Dee Park", "SCAM!!! You took my money and sent nothing."),
			draft:    "Hi Dee, thank you and sorry your parcel has not arrived. Please email us at orders@shop.example and we will send a replacement today; we now track every parcel daily. We hope it arrives soon!",
			wantNone: []string{RuleTakeOffline, RulePrivateData},
		},
		{
			name:     "aspect only the sentiment engine knows, short name",
			r:        rv(1, "en", "Jo Park", "The website kept crashing at checkout, terrible."),
			draft:    "Hi Jo, thank you and sorry. We refunded your order and now test every release. We hope to see you again!",
			want:     []string{RuleAcknowledge},
			wantNone: []string{RulePersonal, RuleApology, RuleThanks, RuleResolution, RuleImprovement, RulePositiveClose},
		},
		{
			name:     "late reply",
			r:        rv(1, "en", "Pat Gill", "Wrong size."),
			draft:    "Hi Pat, thank you, and sorry about the size. A smaller pair ships today and our size guide now notes the fit. We hope they fit perfectly!",
			want:     []string{RuleTimeliness},
			wantNone: []string{RuleApology},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			opts := []Option{now}
			if tc.name == "late reply" {
				opts = []Option{WithNow(t0.Add(49 * time.Hour))}
			}
			got := rulesOf(Check(tc.r, tc.draft, opts...))
			for _, w := range tc.want {
				if !slices.Contains(got, w) {
					t.Errorf("missing %q; got %v", w, got)
				}
			}
			for _, w := range tc.wantNone {
				if slices.Contains(got, w) && !slices.Contains(tc.want, w) {
					t.Errorf("unexpected %q; got %v", w, got)
				}
			}
		})
	}
}

func TestFindingSpans(t *testing.T) {
	t.Parallel()
	r := rv(5, "en", "Ann Lake", "Great lamp.")
	draft := "Thank you, [NAME]! Glad you like the lamp; your code is at ann.lake@yahoo.com. Enjoy!"
	var got []string
	for _, f := range Check(r, draft, WithNow(t0)) {
		if f.End > f.Start {
			got = append(got, f.Rule+"="+draft[f.Start:f.End])
		}
	}
	want := []string{"private-data=ann.lake@yahoo.com", "placeholder=[NAME]"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("spans (-want +got):\n%s", diff)
	}
}

func TestOptions(t *testing.T) {
	t.Parallel()
	r := rv(1, "en", "Ola Berg", "The vase arrived broken.")
	draft := "Hi Ola, thank you. Sorry the vase arrived broken. A new vase ships today and we now double-box vases. Per company rules this is final compensation. We hope you like it!"

	c, err := NewChecker(WithPhrases("en", "defensive", "per company rules"), WithSeverity(RuleDefensive, Error), WithoutRule(RuleTimeliness))
	if err != nil {
		t.Fatal(err)
	}
	var got []Finding
	for _, f := range c.Check(r, draft, WithNow(t0.Add(1000*time.Hour))) {
		if f.Rule == RuleDefensive || f.Rule == RuleTimeliness {
			got = append(got, f)
		}
	}
	want := []Finding{{Rule: RuleDefensive, Severity: Error, Start: strings.Index(draft, "Per company"), End: strings.Index(draft, " We hope")}}
	if diff := cmp.Diff(want, got, cmpIgnoreMessage); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}

	if _, err := NewChecker(WithoutRule("no-such-rule")); !errors.Is(err, ErrOption) {
		t.Errorf("unknown rule: err = %v, want ErrOption", err)
	}
	if _, err := NewChecker(WithPhrases("de", "apology", "entschuldigung")); !errors.Is(err, ErrOption) {
		t.Errorf("unknown language: err = %v, want ErrOption", err)
	}
	if _, err := NewChecker(WithPhrases("en", "apology", "* sorry")); !errors.Is(err, ErrOption) {
		t.Errorf("bad phrase: err = %v, want ErrOption", err)
	}

	// Messages in the reply's language, in a fixed language, or English.
	ru := rv(1, "ru", "Олег", "Сломался чайник.")
	lt := rv(1, "lt", "Ona", "Sugedo virdulys.")
	for _, tc := range []struct {
		r           review.Review
		draft, lang string
		want        string
	}{
		{ru, "Олег, спасибо за отзыв.", MessagesInReplyLang, "извинитесь"},
		{lt, "Ona, ačiū už atsiliepimą.", MessagesInReplyLang, "atsiprašykite"},
		{ru, "Олег, спасибо за отзыв.", "lt", "atsiprašykite"},
		{lt, "Ona, ačiū už atsiliepimą.", "en", "apologise"},
	} {
		found := false
		for _, f := range Check(tc.r, tc.draft, WithNow(t0), WithMessageLang(tc.lang)) {
			if f.Rule == RuleApology {
				found = true
				if !strings.Contains(f.Message, tc.want) {
					t.Errorf("WithMessageLang(%q) on %q: message %q lacks %q", tc.lang, tc.draft, f.Message, tc.want)
				}
			}
		}
		if !found {
			t.Errorf("%q: no apology finding", tc.draft)
		}
	}
}

var cmpIgnoreMessage = cmp.FilterPath(func(p cmp.Path) bool { return p.Last().String() == ".Message" }, cmp.Ignore())

func TestPolicy(t *testing.T) {
	t.Parallel()
	p, err := ReadPolicy(strings.NewReader(`{"max_words": 80, "due": [{"min_stars": 1, "max_stars": 3, "within": "24h"}, {"min_stars": 0, "max_stars": 5, "within": 259200}], "contacts": ["+44 20 7946 0000"]}`))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		stars int
		want  time.Duration
	}{{1, 24 * time.Hour}, {3, 24 * time.Hour}, {4, 72 * time.Hour}, {0, 72 * time.Hour}} {
		got, ok := p.DueWithin(tc.stars)
		if !ok || got != tc.want {
			t.Errorf("DueWithin(%d) = %v, %v; want %v", tc.stars, got, ok, tc.want)
		}
	}
	for _, bad := range []string{`{"max_words": -1}`, `{"due": [{"min_stars": 4, "max_stars": 2, "within": "1h"}]}`, `{"colour": "red"}`, `{"due": [{"min_stars": 1, "max_stars": 2, "within": "soon"}]}`} {
		if _, err := ReadPolicy(strings.NewReader(bad)); !errors.Is(err, ErrPolicy) {
			t.Errorf("ReadPolicy(%s) err = %v, want ErrPolicy", bad, err)
		}
	}
	// The declared hotline is not private data.
	r := rv(5, "en", "Eve Moss", "Great service.")
	draft := "Thank you, Eve! Glad you enjoyed our service. Questions? Ring +44 20 7946 0000 any time."
	if got := rulesOf(Check(r, draft, WithNow(t0), WithPolicy(p))); slices.Contains(got, RulePrivateData) {
		t.Errorf("declared contact reported as private data: %v", got)
	}
	if got := rulesOf(Check(r, draft, WithNow(t0))); !slices.Contains(got, RulePrivateData) {
		t.Errorf("undeclared mobile-like number not reported: %v", got)
	}
}

func TestSeverity(t *testing.T) {
	t.Parallel()
	for _, s := range []Severity{Suggestion, Warning, Error} {
		b, _ := s.MarshalText()
		var back Severity
		if err := back.UnmarshalText(b); err != nil || back != s {
			t.Errorf("round trip %v: %v, %v", s, back, err)
		}
	}
	if _, err := ParseSeverity("fatal"); !errors.Is(err, ErrSeverity) {
		t.Errorf("ParseSeverity(fatal) err = %v", err)
	}
}

func TestTemplate(t *testing.T) {
	t.Parallel()
	earlier := "Hi Sam, thank you for your review. We are sorry for the trouble with your order and we have sent a replacement today. Our team now checks every parcel before it leaves. We hope to see you again soon!"
	c, err := NewChecker(WithEarlierReplies(earlier))
	if err != nil {
		t.Fatal(err)
	}
	r := rv(1, "en", "Alex Reid", "Broken on arrival.")
	near := strings.Replace(earlier, "Sam", "Alex", 1)
	fresh := "Hi Alex, thanks for letting us know, and sorry the kettle arrived broken. A new kettle ships today and our packers now add corner foam. Enjoy your tea!"
	if got := rulesOf(c.Check(r, near, WithNow(t0))); !slices.Contains(got, RuleTemplate) {
		t.Errorf("near-copy not flagged: %v", got)
	}
	if got := rulesOf(c.Check(r, fresh, WithNow(t0))); slices.Contains(got, RuleTemplate) {
		t.Errorf("fresh reply flagged as template: %v", got)
	}
	if got := rulesOf(Check(r, near, WithNow(t0), WithEarlierReplies(earlier))); !slices.Contains(got, RuleTemplate) {
		t.Errorf("Check with WithEarlierReplies: near-copy not flagged: %v", got)
	}
}

func TestDraftThenCheck(t *testing.T) {
	t.Parallel()
	for _, r := range []review.Review{
		rv(1, "en", "Mark Hill", "The sofa arrived late and the cushion was torn."),
		rv(2, "ru", "Вера Лис", "Заказ опоздал на неделю, коробка помята."),
		rv(1, "lt", "Darius Kairys", "Siuntinys vėlavo, dėžė buvo sulamdyta."),
	} {
		d, err := Draft(r)
		if err != nil {
			t.Fatal(err)
		}
		got := rulesOf(Check(r, d, WithNow(t0)))
		if !slices.Contains(got, RulePersonal) || !slices.Contains(got, RulePlaceholder) {
			t.Errorf("%s: unedited draft must report personal and placeholder; got %v\n%s", r.Lang, got, d)
		}
		for _, bad := range []string{RuleLanguage, RuleApology, RuleThanks, RuleOverApology, RuleDefensive, RuleProvoked} {
			if slices.Contains(got, bad) {
				t.Errorf("%s: draft skeleton reported %s\n%s", r.Lang, bad, d)
			}
		}
	}
	if !strings.Contains(must(Draft(rv(1, "lt", "Darius Kairys", "Sugedo."))), "Dariau") {
		t.Error("Lithuanian draft does not use the vocative")
	}
	if _, err := Draft(review.Review{}); !errors.Is(err, ErrNothingToAnswer) {
		t.Errorf("empty review: err = %v", err)
	}
	p := Policy{Resolution: "We have refunded your order in full.", Channel: "care@shop.example"}
	d := must(Draft(rv(1, "en", "Mark Hill", "Broken."), WithPolicy(p)))
	if !strings.Contains(d, "refunded your order") || !strings.Contains(d, "care@shop.example") {
		t.Errorf("policy resolution/channel missing: %s", d)
	}
}

func must(s string, err error) string {
	if err != nil {
		panic(err)
	}
	return s
}

func TestFirstName(t *testing.T) {
	t.Parallel()
	got := []string{}
	for _, n := range []string{"Tomas Vaitkus", "Darius S", "Rūta K", "Gintarė R", "Kęstutis", "Žydrūnas", "Jurgis"} {
		got = append(got, firstName(n, "lt"))
	}
	want := []string{"Tomai", "Dariau", "Rūta", "Gintare", "Kęstuti", "Žydrūnai", "Jurgi"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("vocatives (-want +got):\n%s", diff)
	}
}

func TestPlan(t *testing.T) {
	t.Parallel()
	now := t0.Add(72 * time.Hour)
	mk := func(id string, stars float64, body string, age time.Duration) review.Review {
		return review.Review{ID: id, Source: "t", Rating: stars, Body: body, Lang: "en", Author: review.Author{Name: "X Y"}, CreatedAt: now.Add(-age)}
	}
	answered := mk("answered", 1, "Broken lamp.", time.Hour)
	answered.Reply = &review.Reply{Body: "Sorry, replaced.", CreatedAt: now}
	rs := []review.Review{
		mk("happy", 5, "Lovely lamp, fast delivery.", time.Hour),
		mk("angry-old", 1, "The lamp arrived broken and nobody answers my emails.", 60*time.Hour),
		mk("angry-new", 1, "The lamp arrived broken.", time.Hour),
		mk("faq", 4, "Nice shop. What are your opening hours on Sunday?", time.Hour),
		mk("abuse", 1, "You are idiots and thieves.", time.Hour),
		answered,
	}
	faq := FAQ{Topic: "opening-hours", Keywords: []string{"opening hours", "open* on sunday"}, Answer: "We are open 10–16 on Sundays."}
	tasks := Plan(rs, WithNow(now), WithFAQ(faq))
	var order []string
	actions := map[string]Action{}
	for _, tk := range tasks {
		order = append(order, tk.ReviewID)
		actions[tk.ReviewID] = tk.Action
		if len(tk.Reasons) == 0 {
			t.Errorf("%s: no reasons", tk.ReviewID)
		}
	}
	wantActions := map[string]Action{"happy": ActionAutomated, "angry-old": ActionPersonal, "angry-new": ActionPersonal, "faq": ActionAutomated, "abuse": ActionPersonal, "answered": ActionNone}
	if diff := cmp.Diff(wantActions, actions); diff != "" {
		t.Errorf("actions (-want +got):\n%s", diff)
	}
	if order[0] != "angry-old" || order[len(order)-1] != "answered" {
		t.Errorf("order = %v; want the overdue complaint first and the answered review last", order)
	}
	for _, tk := range tasks {
		switch tk.ReviewID {
		case "abuse":
			if !tk.Removable || !slices.Contains(tk.RemovalReasons, "abusive") {
				t.Errorf("abuse: removable %v %v", tk.Removable, tk.RemovalReasons)
			}
		case "faq":
			if tk.FAQ != "opening-hours" || tk.Answer == "" {
				t.Errorf("faq: %q %q", tk.FAQ, tk.Answer)
			}
		case "angry-old":
			if !tk.Overdue || !tk.Due.Equal(rs[1].CreatedAt.Add(48*time.Hour)) {
				t.Errorf("angry-old: due %v overdue %v", tk.Due, tk.Overdue)
			}
		case "happy":
			if !tk.Due.Equal(rs[0].CreatedAt.Add(7 * 24 * time.Hour)) {
				t.Errorf("happy: due %v", tk.Due)
			}
		}
	}
}

func TestTokenize(t *testing.T) {
	t.Parallel()
	d := tokenize("We've refunded it. See Žirmūnų g. 12-45, el. paštu! Ну ЁЛКИ")
	var got []string
	for _, tk := range d.toks {
		got = append(got, tk.text)
	}
	want := []string{"we", "ve", "refunded", "it", "see", "zirmunu", "g", "12", "45", "el", "pastu", "ну", "елки"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("tokens (-want +got):\n%s", diff)
	}
	if len(d.sents) != 3 {
		t.Errorf("sentences = %d, want 3", len(d.sents))
	}
	if n := d.words(); n != 10 {
		t.Errorf("words = %d, want 10 (the clitic 've does not count)", n)
	}
}

func TestPrivateDataSpans(t *testing.T) {
	t.Parallel()
	r := rv(5, "en", "Ann Lee", "Great.")
	tests := []struct {
		draft string
		want  []string
	}{
		{"We will deliver to 12 Baker Street tomorrow.", []string{"12 Baker Street"}},
		{"Курьер приедет на ул. Ленина, д. 5, кв. 12 завтра.", []string{"ул. Ленина, д. 5, кв. 12"}},
		{"Atveš į Žirmūnų g. 12-45, Vilnius.", []string{"Žirmūnų g. 12-45"}},
		{"Visit our store at 221 Oxford Road, Manchester.", nil},
		{"We will call you on (555) 123-4567.", []string{"(555) 123-4567"}},
		{"Позвоним вам: 8 912 345-67-89.", []string{"8 912 345-67-89"}},
		{"Call our hotline 0 800 11 22 33 any time.", nil},
		{"Card **** **** **** 1234 and XXXX-XXXX-XXXX-1234 were refunded.", nil},
		{"Refunded to 4539 1488 0343 6467 on 2026-03-05 (54 990 ₽).", []string{"4539 1488 0343 6467"}},
		{"Your order #48213977 ships today.", []string{"48213977"}},
		{"We sent it to the e-mail address on your order.", nil},
	}
	for _, tc := range tests {
		var got []string
		for _, f := range Check(r, tc.draft, WithNow(t0)) {
			if f.Rule == RulePrivateData {
				got = append(got, tc.draft[f.Start:f.End])
			}
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("%q (-want +got):\n%s", tc.draft, diff)
		}
	}
}

func TestPlanFakeAndQuestion(t *testing.T) {
	t.Parallel()
	now := t0.Add(time.Hour)
	rs := []review.Review{
		{ID: "fake", Source: "t", Rating: 1, Lang: "en", Body: "Never ordered here but I hear they sell junk.", CreatedAt: t0},
		{ID: "q", Source: "t", Rating: 4, Lang: "en", Body: "Nice mugs. Where is my order? It was due yesterday.", CreatedAt: t0},
		{ID: "legal", Source: "t", Rating: 3, Lang: "en", Body: "My lawyer will be in touch about the invoice.", CreatedAt: t0},
	}
	got := map[string][]string{}
	for _, tk := range Plan(rs, WithNow(now)) {
		got[tk.ReviewID] = append([]string{tk.Action.String()}, tk.RemovalReasons...)
	}
	want := map[string][]string{"fake": {"personal", "not-genuine"}, "q": {"personal"}, "legal": {"personal"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("plan (-want +got):\n%s", diff)
	}
}

// TestConcurrentCheck shares one Checker between goroutines (run with
// -race) and expects every goroutine to see the same findings.
func TestConcurrentCheck(t *testing.T) {
	t.Parallel()
	c, err := NewChecker(WithEarlierReplies("Thank you for your review, we hope to see you again soon."))
	if err != nil {
		t.Fatal(err)
	}
	r := rv(1, "ru", "Анна", "Посылка пришла мятой, поддержка молчит.")
	draft := "Анна, спасибо за отзыв. Вы сами виноваты!!!"
	want := c.Check(r, draft, WithNow(t0))
	done := make(chan []Finding)
	for range 8 {
		go func() { done <- c.Check(r, draft, WithNow(t0)) }()
	}
	for range 8 {
		if diff := cmp.Diff(want, <-done); diff != "" {
			t.Errorf("concurrent result differs (-want +got):\n%s", diff)
		}
	}
}

// TestDataComplete checks that every language has every message and
// draft piece English has, and that every file compiles.
func TestDataComplete(t *testing.T) {
	t.Parallel()
	raw, err := loadRaw()
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range []string{"messages", "draft"} {
		en := raw.kv("en", file)
		for _, lang := range Langs[1:] {
			other := raw.kv(lang, file)
			for k := range en {
				if _, ok := other[k]; !ok {
					t.Errorf("%s/%s.txt: missing key %q", lang, file, k)
				}
			}
		}
	}
	for _, lang := range Langs {
		for file := range raw["en"] {
			if _, ok := raw[lang][file]; !ok {
				t.Errorf("%s: missing %s.txt", lang, file)
			}
		}
	}
}

// TestPlanFAQ checks that a question an FAQ entry answers is automated
// even when it mentions delivery or returns, while a question about the
// reviewer's own order, or a complaint, still goes to a person.
func TestPlanFAQ(t *testing.T) {
	t.Parallel()
	faq := []FAQ{
		{Topic: "delivery-cost", Keywords: []string{"delivery cost*", "how much * delivery", "стоит доставк*", "pristatymas kainuoja", "kiek kainuoja pristatym*"}, Answer: "Delivery costs 5 €."},
		{Topic: "returns", Keywords: []string{"return window", "срок возврат*", "grąžinimo terminas"}, Answer: "30 days."},
	}
	c, err := NewChecker(WithFAQ(faq...))
	if err != nil {
		t.Fatal(err)
	}
	mk := func(id, lang string, stars float64, body string) review.Review {
		return review.Review{ID: id, Source: "t", Rating: stars, Lang: lang, Body: body, CreatedAt: t0}
	}
	rs := []review.Review{
		mk("en-cost", "en", 5, "Lovely mugs! How much does delivery cost to Riga?"),
		mk("en-window", "en", 4, "Nice shop. What is your return window?"),
		mk("ru-cost", "ru", 5, "Отличный магазин! Сколько стоит доставка в Ригу?"),
		mk("ru-window", "ru", 4, "Хорошие чашки. Какой у вас срок возврата?"),
		mk("lt-cost", "lt", 5, "Puiki parduotuvė! Kiek kainuoja pristatymas į Rygą?"),
		mk("lt-window", "lt", 4, "Geri puodeliai. Koks grąžinimo terminas?"),
		mk("en-own", "en", 4, "Nice mugs. My order has not arrived, what is the delivery cost of a resend?"),
		mk("ru-own", "ru", 4, "Чашки хорошие. Мой заказ до сих пор не пришёл, сколько стоит доставка повторно?"),
		mk("lt-own", "lt", 4, "Puodeliai geri. Mano užsakymas vis dar neatkeliavo, kiek kainuoja pristatymas?"),
		mk("en-complaint", "en", 1, "Broken and late. What is your return window?"),
	}
	want := map[string]string{
		"en-cost": "delivery-cost", "en-window": "returns", "ru-cost": "delivery-cost", "ru-window": "returns",
		"lt-cost": "delivery-cost", "lt-window": "returns",
		"en-own": "personal", "ru-own": "personal", "lt-own": "personal", "en-complaint": "personal",
	}
	got := map[string]string{}
	for _, tk := range c.Plan(rs, WithNow(t0.Add(time.Hour))) {
		switch tk.Action {
		case ActionAutomated:
			got[tk.ReviewID] = tk.FAQ
			if tk.Answer == "" {
				t.Errorf("%s: automated without an answer", tk.ReviewID)
			}
		default:
			got[tk.ReviewID] = tk.Action.String()
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("plan (-want +got):\n%s", diff)
	}
}

// TestPlanPriority checks each priority factor on its own: with everything
// else equal, the more negative, the older and the more read review comes
// first.
func TestPlanPriority(t *testing.T) {
	t.Parallel()
	now := t0.Add(72 * time.Hour)
	body := "The lamp arrived broken."
	mk := func(id string, stars float64, age time.Duration, helpful int, body string) review.Review {
		return review.Review{ID: id, Source: "t", Rating: stars, Lang: "en", Body: body, Helpful: helpful, CreatedAt: now.Add(-age)}
	}
	long := body + " I wrote three emails and waited two weeks; the box was crushed, the glass shade was in pieces and the stand was scratched."
	for _, tc := range []struct {
		name          string
		first, second review.Review
	}{
		{"1★ before 2★", mk("a", 1, 5*time.Hour, 0, body), mk("b", 2, 5*time.Hour, 0, body)},
		{"2★ before 3★", mk("a", 2, 5*time.Hour, 0, body), mk("b", 3, 5*time.Hour, 0, body)},
		{"older first", mk("a", 1, 30*time.Hour, 0, body), mk("b", 1, 5*time.Hour, 0, body)},
		{"more helpful votes first", mk("a", 1, 5*time.Hour, 40, body), mk("b", 1, 5*time.Hour, 0, body)},
		{"longer first", mk("a", 1, 5*time.Hour, 0, long), mk("b", 1, 5*time.Hour, 0, body)},
	} {
		tasks := Plan([]review.Review{tc.second, tc.first}, WithNow(now))
		if tasks[0].ReviewID != "a" || !(tasks[0].Priority > tasks[1].Priority) {
			t.Errorf("%s: order %s (%.1f), %s (%.1f)", tc.name, tasks[0].ReviewID, tasks[0].Priority, tasks[1].ReviewID, tasks[1].Priority)
		}
	}
}

// TestPrivateDataCases covers what the issue lists for private-data beyond
// TestPrivateDataSpans: international numbers in three languages, order
// numbers the review or the caller names, Luhn-invalid digit runs, and the
// business's declared contacts.
func TestPrivateDataCases(t *testing.T) {
	t.Parallel()
	r := rv(5, "en", "Ann Lee", "Great.")
	withOrder := r
	withOrder.OrderID = "A-99812-XZ"
	declared := WithPolicy(Policy{Contacts: []string{"care@shop.example", "+44 20 7946 0000"}})
	tests := []struct {
		r     review.Review
		draft string
		opts  []Option
		want  []string
	}{
		{r, "Thanks Ann, we'll text +44 7700 900123 when it ships.", nil, []string{"+44 7700 900123"}},
		{r, "Спасибо, Анна, позвоним на +7 912 345-67-89.", nil, []string{"+7 912 345-67-89"}},
		{r, "Ačiū, Ana, paskambinsime +37061234567.", nil, []string{"+37061234567"}},
		{r, "Ačiū, Ana, paskambinsime 8 612 34567.", nil, []string{"8 612 34567"}},
		// Luhn: 4539 1488 0343 6467 is a valid card number; one digit off is not.
		{r, "Thanks Ann, reference 4539 1488 0343 6467 is closed.", nil, []string{"4539 1488 0343 6467"}},
		{r, "Thanks Ann, reference 4539 1488 0343 6468 is closed.", nil, nil},
		{withOrder, "Thanks Ann, order A-99812-XZ ships today.", nil, []string{"A-99812-XZ"}},
		{r, "Thanks Ann, parcel 5550001234 ships today.", []Option{WithOrderNumbers("5550001234")}, []string{"5550001234"}},
		{r, "Спасибо, Анна! Заказ № 48213977 отправлен.", nil, []string{"48213977"}},
		{r, "Ačiū, Ana! Užsakymas Nr. 48213977 išsiųstas.", nil, []string{"48213977"}},
		{r, "Thanks Ann, write to care@shop.example or call +44 20 7946 0000.", []Option{declared}, nil},
		{r, "Thanks Ann, write to care@shop.example or to ann.lee@gmail.com.", []Option{declared}, []string{"ann.lee@gmail.com"}},
		{r, "Thanks Ann, card ending ****1234 and order ****5678 were refunded.", nil, nil},
	}
	for _, tc := range tests {
		var got []string
		for _, f := range Check(tc.r, tc.draft, append([]Option{WithNow(t0)}, tc.opts...)...) {
			if f.Rule == RulePrivateData {
				got = append(got, tc.draft[f.Start:f.End])
			}
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("%q (-want +got):\n%s", tc.draft, diff)
		}
	}
}

// TestPolicyFileAndStruct loads a policy from a JSON file and from a
// struct and checks that each changes what Check reports.
func TestPolicyFileAndStruct(t *testing.T) {
	t.Parallel()
	path := t.TempDir() + "/policy.json"
	if err := os.WriteFile(path, []byte(`{"max_words": 12, "contacts": ["+44 7700 900123"]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	r := rv(5, "en", "Eve Moss", "Great service and a lovely lamp.")
	draft := "Thank you, Eve! We are so glad the lamp and our service made your day. Questions? Ring +44 7700 900123 any time."
	def := rulesOf(Check(r, draft, WithNow(t0)))
	fromFile := rulesOf(Check(r, draft, WithNow(t0), WithPolicyFile(path)))
	if slices.Contains(def, RuleLength) || !slices.Contains(def, RulePrivateData) {
		t.Errorf("default policy: %v; want private-data and no length", def)
	}
	if !slices.Contains(fromFile, RuleLength) || slices.Contains(fromFile, RulePrivateData) {
		t.Errorf("policy file: %v; want length (max 12 words) and no private-data (declared number)", fromFile)
	}
	if _, err := NewChecker(WithPolicyFile(t.TempDir() + "/missing.json")); !errors.Is(err, ErrPolicy) {
		t.Errorf("missing policy file: err = %v, want ErrPolicy", err)
	}

	// A struct policy with a 24 h band for 1–2★: a reply after 30 h is late.
	bad := rv(2, "en", "Pat Gill", "Wrong size.")
	reply := "Hi Pat, thank you, and sorry about the size. A smaller pair ships today and our size guide now notes the fit. We hope they fit perfectly!"
	at := WithNow(t0.Add(30 * time.Hour))
	strict := WithPolicy(Policy{Due: []Band{{MinStars: 1, MaxStars: 2, Within: Duration(24 * time.Hour)}, {MinStars: 0, MaxStars: 5, Within: Duration(7 * 24 * time.Hour)}}})
	if got := rulesOf(Check(bad, reply, at)); slices.Contains(got, RuleTimeliness) {
		t.Errorf("default 48 h band: timeliness after 30 h: %v", got)
	}
	if got := rulesOf(Check(bad, reply, at, strict)); !slices.Contains(got, RuleTimeliness) {
		t.Errorf("24 h band: no timeliness after 30 h: %v", got)
	}

	// Policy.Channels: a private channel only this shop uses counts for
	// take-offline.
	angry := rv(1, "en", "Dee Park", "SCAM!!! You took my money and sent nothing.")
	offline := "Hi Dee, thank you and sorry your parcel has not arrived. Ping us on Zorbo and we will send a replacement today; we now track every parcel daily. We hope it arrives soon!"
	if got := rulesOf(Check(angry, offline, WithNow(t0))); !slices.Contains(got, RuleTakeOffline) {
		t.Errorf("unknown channel counted as private: %v", got)
	}
	if got := rulesOf(Check(angry, offline, WithNow(t0), WithPolicy(Policy{Channels: []string{"Zorbo"}}))); slices.Contains(got, RuleTakeOffline) {
		t.Errorf("declared channel not counted: %v", got)
	}
}

// TestTemplateRuLt checks the template rule on Russian and Lithuanian
// replies: the name changes, the rest is copied.
func TestTemplateRuLt(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ lang, earlier, near, fresh string }{
		{"ru",
			"Здравствуйте, Анна! Спасибо за отзыв. Нам очень жаль, что с заказом возникли проблемы, мы уже отправили замену. Теперь мы проверяем каждую посылку перед отправкой. Надеемся увидеть вас снова!",
			"Здравствуйте, Игорь! Спасибо за отзыв. Нам очень жаль, что с заказом возникли проблемы, мы уже отправили замену. Теперь мы проверяем каждую посылку перед отправкой. Надеемся увидеть вас снова!",
			"Игорь, спасибо, что написали, и простите за разбитый чайник. Новый чайник уедет к вам сегодня, а упаковщики теперь кладут в коробку уголки из пены. Приятного чаепития!"},
		{"lt",
			"Sveiki, Ona! Dėkojame už atsiliepimą. Labai apgailestaujame dėl problemų su užsakymu, jau išsiuntėme naują prekę. Dabar tikriname kiekvieną siuntą prieš išsiunčiant. Tikimės jus vėl pamatyti!",
			"Sveiki, Tomai! Dėkojame už atsiliepimą. Labai apgailestaujame dėl problemų su užsakymu, jau išsiuntėme naują prekę. Dabar tikriname kiekvieną siuntą prieš išsiunčiant. Tikimės jus vėl pamatyti!",
			"Tomai, ačiū, kad parašėte, ir atsiprašome dėl sudužusio virdulio. Naujas virdulys išvyks šiandien, o pakuotojai dabar deda putplasčio kampus. Skanios arbatos!"},
	} {
		r := rv(1, tc.lang, "X", "Сломано. Sugedo.")
		if got := rulesOf(Check(r, tc.near, WithNow(t0), WithEarlierReplies(tc.earlier))); !slices.Contains(got, RuleTemplate) {
			t.Errorf("%s: near-copy not flagged: %v", tc.lang, got)
		}
		if got := rulesOf(Check(r, tc.fresh, WithNow(t0), WithEarlierReplies(tc.earlier))); slices.Contains(got, RuleTemplate) {
			t.Errorf("%s: fresh reply flagged: %v", tc.lang, got)
		}
	}
}

// TestPlanRemovable checks the removable marks in three languages: insults
// aimed at people, threats and reviews meant for another business are
// marked; a harsh opinion of the product is not (removing it would hide a
// negative review for being negative).
func TestPlanRemovable(t *testing.T) {
	t.Parallel()
	tests := []struct {
		lang, body string
		want       []string
	}{
		{"en", "You are idiots and thieves.", []string{"abusive"}},
		{"en", "This kettle is total junk, a waste of money.", nil},
		{"en", "Stupid design, the lid won't stay on.", nil},
		{"ru", "Вы жулики и ворюги!", []string{"abusive"}},
		{"ru", "Товар — мусор, деньги на ветер.", nil},
		{"ru", "Дурацкий дизайн, крышка не держится.", nil},
		{"ru", "Я вас найду, вы пожалеете.", []string{"threat"}},
		{"ru", "Отзыв не про вас, ошибся магазином.", []string{"wrong-business"}},
		{"lt", "Jūs aferistai ir vagys!", []string{"abusive"}},
		{"lt", "Jūs kvailiai, ne pardavėjai.", []string{"abusive"}},
		{"lt", "Prekė – tikra šiukšlė, pinigai į balą.", nil},
		{"lt", "Kvailas dizainas, dangtis nesilaiko.", nil},
		{"lt", "Durnas dangtis, nesilaiko.", nil},
		{"lt", "Ne ta parduotuvė, atsiprašau.", []string{"wrong-business"}},
	}
	var rs []review.Review
	for i, tc := range tests {
		rs = append(rs, review.Review{ID: tc.body, Source: "t", Rating: 1, Lang: tc.lang, Body: tc.body, CreatedAt: t0, Helpful: i})
	}
	for _, tk := range Plan(rs, WithNow(t0.Add(time.Hour))) {
		want := tests[tk.Index].want
		if diff := cmp.Diff(want, tk.RemovalReasons); diff != "" || tk.Removable != (len(want) > 0) {
			t.Errorf("%q: removable %v %v, want %v", tk.ReviewID, tk.Removable, tk.RemovalReasons, want)
		}
	}
}
