package survey

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func findingKeys(fs []Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Rule+":"+f.Severity.String()+":"+f.Field)
	}
	return out
}

func TestCheckInvitation(t *testing.T) {
	t.Parallel()
	anyOffer := &Offer{Text: "a 5 € voucher", Condition: OfferAnyReview}
	tests := []struct {
		name string
		m    Message
		want map[Platform][]string
	}{
		{
			name: "neutral en",
			m:    Message{Subject: "How was your order?", Body: "Thank you for shopping with us. Tell others about your experience: we read every review, good or bad."},
			want: map[Platform][]string{},
		},
		{
			name: "discount for a review, en",
			m:    Message{Body: "Write a review and get 10% off your next order!"},
			want: map[Platform][]string{
				PlatformGoogle:     {"incentive:error:body"},
				PlatformTrustpilot: {"incentive:error:body"},
				PlatformFTC:        {"missing-disclosure:warning:body"},
				PlatformShop:       {"missing-disclosure:warning:body"},
			},
		},
		{
			name: "discount for a review, ru",
			m:    Message{Subject: "Оцените покупку", Body: "Оставьте отзыв о покупке и получите промокод на скидку 10%."},
			want: map[Platform][]string{
				PlatformGoogle:     {"incentive:error:body", "incentive:error:body"},
				PlatformTrustpilot: {"incentive:error:body", "incentive:error:body"},
				PlatformFTC:        {"missing-disclosure:warning:body"},
				PlatformShop:       {"missing-disclosure:warning:body"},
			},
		},
		{
			name: "gift for a 5-star review, lt",
			m:    Message{Body: "Už 5 žvaigždučių atsiliepimą gausite dovaną!"},
			want: map[Platform][]string{
				PlatformGoogle:     {"incentive:error:body", "conditioned-incentive:error:body"},
				PlatformTrustpilot: {"incentive:error:body", "conditioned-incentive:error:body"},
				PlatformFTC:        {"conditioned-incentive:error:body"},
				PlatformShop:       {"conditioned-incentive:error:body"},
			},
		},
		{
			name: "positive-only offer",
			m:    Message{Body: "Tell us what you think.", Offer: &Offer{Text: "free gift", Condition: OfferPositiveReview}},
			want: map[Platform][]string{
				PlatformGoogle:     {"conditioned-incentive:error:offer"},
				PlatformTrustpilot: {"conditioned-incentive:error:offer"},
				PlatformFTC:        {"conditioned-incentive:error:offer"},
				PlatformShop:       {"conditioned-incentive:error:offer"},
			},
		},
		{
			name: "disclosed offer for any review",
			m:    Message{Body: "We'd value your honest review, whether positive or negative; the voucher is yours either way.", Offer: anyOffer},
			want: map[Platform][]string{
				PlatformGoogle:     {"incentive:error:body", "incentive:error:offer"},
				PlatformTrustpilot: {"incentive:error:body", "incentive:error:offer"},
			},
		},
		{
			name: "gating en",
			m:    Message{Body: "If you were happy with your order, please review us on Google. If not, contact us first."},
			want: map[Platform][]string{
				PlatformGoogle:     {"gating:error:body", "gating:error:body"},
				PlatformTrustpilot: {"gating:error:body", "gating:error:body"},
				PlatformFTC:        {"gating:warning:body", "gating:warning:body"},
				PlatformShop:       {"gating:warning:body", "gating:warning:body"},
			},
		},
		{
			name: "gating ru",
			m:    Message{Body: "Если вам понравилась покупка, оставьте отзыв."},
			want: map[Platform][]string{
				PlatformGoogle:     {"gating:error:body"},
				PlatformTrustpilot: {"gating:error:body"},
				PlatformFTC:        {"gating:warning:body"},
				PlatformShop:       {"gating:warning:body"},
			},
		},
		{
			name: "gating lt without diacritics",
			m:    Message{Body: "Jei esate patenkinti, parasykite atsiliepima."},
			want: map[Platform][]string{
				PlatformGoogle:     {"gating:error:body"},
				PlatformTrustpilot: {"gating:error:body"},
				PlatformFTC:        {"gating:warning:body"},
				PlatformShop:       {"gating:warning:body"},
			},
		},
		{
			name: "asks for five stars",
			m:    Message{Subject: "Leave us 5 stars!", Body: "It only takes a minute."},
			want: map[Platform][]string{
				PlatformGoogle:     {"positive-request:error:subject"},
				PlatformTrustpilot: {"positive-request:error:subject"},
				PlatformFTC:        {"positive-request:warning:subject"},
				PlatformShop:       {"positive-request:warning:subject"},
			},
		},
		{
			name: "asks to change a review, ru",
			m:    Message{Body: "Мы вернули деньги. Не могли бы вы изменить свой отзыв?"},
			want: map[Platform][]string{
				PlatformGoogle:     {"revise-request:warning:body"},
				PlatformTrustpilot: {"revise-request:warning:body"},
				PlatformFTC:        {"revise-request:warning:body"},
				PlatformShop:       {"revise-request:warning:body"},
			},
		},
		{
			name: "loyalty reward not tied to reviewing",
			m:    Message{Body: "Tell us how we did. Members collect loyalty points on every order.", Offer: &Offer{Text: "loyalty points", Condition: OfferNotTied}},
			want: map[Platform][]string{},
		},
		{
			name: "incentive words away from the review",
			m:    Message{Body: "How did we do? Please review your order. Our summer sale gives 20% discount on hats."},
			want: map[Platform][]string{
				PlatformGoogle:     {"incentive:suggestion:body"},
				PlatformTrustpilot: {"incentive:suggestion:body"},
			},
		},
	}
	for _, tc := range tests {
		for _, dest := range []Platform{PlatformGoogle, PlatformTrustpilot, PlatformFTC, PlatformShop} {
			fs := CheckInvitation(tc.m, dest)
			if diff := cmp.Diff(tc.want[dest], findingKeys(fs)); diff != "" {
				t.Errorf("%s → %s (-want +got):\n%s", tc.name, dest, diff)
			}
			for _, f := range fs {
				if f.Policy == "" || f.Message == "" {
					t.Errorf("%s → %s: finding without policy or message: %+v", tc.name, dest, f)
				}
				text := map[string]string{"subject": tc.m.Subject, "body": tc.m.Body}[f.Field]
				if f.Field != "offer" && (f.Start < 0 || f.End > len(text) || f.Start > f.End) {
					t.Errorf("%s: span %d–%d outside %q", tc.name, f.Start, f.End, text)
				}
			}
		}
	}
}

func TestCheckInvitationUnknownPlatform(t *testing.T) {
	t.Parallel()
	fs := CheckInvitation(Message{Body: "Review us for a discount!"}, "myspace")
	if diff := cmp.Diff([]string{"unknown-platform:suggestion:", "missing-disclosure:warning:body"}, findingKeys(fs)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func FuzzCheckInvitation(f *testing.F) {
	f.Add("Leave us a 5-star review!", "Если вам понравилось, оставьте отзыв и получите скидку.", "gift")
	f.Add("", "Jei esate patenkinti, parašykite atsiliepimą ir gausite dovaną.", "")
	f.Add("\xff\xfe", "update your review & win a prize…", "for a positive review")
	f.Fuzz(func(t *testing.T, subject, body, offer string) {
		m := Message{Subject: subject, Body: body}
		if offer != "" {
			m.Offer = &Offer{Text: offer}
		}
		for _, dest := range []Platform{PlatformGoogle, PlatformTrustpilot, PlatformFTC, PlatformShop, "other"} {
			for _, fd := range CheckInvitation(m, dest) {
				text := map[string]string{"subject": subject, "body": body, "offer": offer, "": ""}[fd.Field]
				if fd.Start < 0 || fd.End > len(text) || fd.Start > fd.End || fd.Policy == "" {
					t.Fatalf("finding %+v outside %q", fd, text)
				}
			}
		}
	})
}

func BenchmarkCheckInvitation(b *testing.B) {
	m := Message{Subject: "How was your order?", Body: "Thank you for shopping with us! If you were happy, leave us a 5-star review on Google " +
		"and get 10% off your next order. Если вам понравилось, оставьте отзыв. Jei esate patenkinti, parašykite atsiliepimą."}
	b.ReportAllocs()
	for b.Loop() {
		_ = CheckInvitation(m, PlatformTrustpilot)
	}
}

func TestSeverityText(t *testing.T) {
	t.Parallel()
	for _, s := range []Severity{Suggestion, Warning, Error} {
		b, err := s.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var got Severity
		if err := got.UnmarshalText(b); err != nil || got != s || got.String() != string(b) {
			t.Errorf("%v → %q → %v, %v", s, b, got, err)
		}
	}
	if Suggestion >= Warning || Warning >= Error {
		t.Error("severities not ordered mildest to strongest")
	}
	if _, err := Severity(7).MarshalText(); err == nil {
		t.Error("Severity(7) marshals")
	}
	var s Severity
	if err := s.UnmarshalText([]byte("fatal")); err == nil {
		t.Error(`"fatal" unmarshals`)
	}
}

// TestCheckInvitationLanguages gives every invitation rule a case in each
// language that TestCheckInvitation leaves out, on a platform that forbids
// all incentives (Google) and on one that forbids only conditioned ones
// (the FTC rule).
func TestCheckInvitationLanguages(t *testing.T) {
	t.Parallel()
	tests := []struct {
		m           Message
		google, ftc []string
	}{
		{Message{Subject: "Поставьте нам 5 звезд!", Body: "Это займёт минуту."},
			[]string{"positive-request:error:subject"}, []string{"positive-request:warning:subject"}},
		{Message{Subject: "Skirkite mums 5 žvaigždutes!", Body: "Tai užtruks minutę."},
			[]string{"positive-request:error:subject"}, []string{"positive-request:warning:subject"}},
		{Message{Body: "We refunded you. Could you update your review?"},
			[]string{"revise-request:warning:body"}, []string{"revise-request:warning:body"}},
		{Message{Body: "Grąžinome pinigus. Gal galėtumėte pakeisti savo atsiliepimą?"},
			[]string{"revise-request:warning:body"}, []string{"revise-request:warning:body"}},
		{Message{Body: "За положительный отзыв вы получите подарок!"},
			[]string{"incentive:error:body", "conditioned-incentive:error:body"}, []string{"conditioned-incentive:error:body"}},
		{Message{Body: "Už atsiliepimą gausite nuolaidą kitam pirkiniui."},
			[]string{"incentive:error:body"}, []string{"missing-disclosure:warning:body"}},
		{Message{Body: "Parašykite atsiliepimą apie pirkinį – nepriklausomai nuo to, ar jis teigiamas, ar neigiamas, gausite nuolaidą."},
			[]string{"incentive:error:body"}, nil},
		{Message{Body: "Оставьте любой отзыв — положительный или отрицательный, независимо от оценки вы получите скидку."},
			[]string{"incentive:error:body"}, nil},
		{Message{Body: "Jei esate patenkinti, parašykite atsiliepimą. Jei ne, pirmiausia susisiekite su mumis."},
			[]string{"gating:error:body", "gating:error:body"}, []string{"gating:warning:body", "gating:warning:body"}},
		{Message{Body: "Спасибо за покупку! Расскажите о своём опыте: мы читаем каждый отзыв, хороший или плохой."}, nil, nil},
		{Message{Body: "Ačiū, kad pirkote! Papasakokite apie savo patirtį: skaitome kiekvieną atsiliepimą, gerą ar blogą."}, nil, nil},
	}
	for _, tc := range tests {
		if diff := cmp.Diff(tc.google, findingKeys(CheckInvitation(tc.m, PlatformGoogle))); diff != "" {
			t.Errorf("%q → google (-want +got):\n%s", tc.m.Subject+tc.m.Body, diff)
		}
		if diff := cmp.Diff(tc.ftc, findingKeys(CheckInvitation(tc.m, PlatformFTC))); diff != "" {
			t.Errorf("%q → ftc (-want +got):\n%s", tc.m.Subject+tc.m.Body, diff)
		}
	}
}
