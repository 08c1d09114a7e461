package sentiment_test

import (
	"fmt"
	"slices"
	"strings"

	"github.com/reputekit/repute/sentiment"
)

func ExampleAnalyzer_Analyze() {
	a := sentiment.New()
	s := a.Analyze("The parcel never arrived and support stopped answering.")
	fmt.Println(s.Label, s.Lang, s.Negativity > 0.5)
	for _, e := range s.Evidence {
		fmt.Printf("%q %s\n", e.Term, e.Rule)
	}
	// Output:
	// negative en true
	// "never arrived" complaint-pattern
	// "stopped answering" complaint-pattern
}

// AnalyzeInto scores a stream of texts into one reused Score: after the
// first few texts it allocates nothing. Copy what must outlive the next call.
func ExampleAnalyzer_AnalyzeInto() {
	a := sentiment.New()
	reviews := []string{
		"Arrived on time, works great.",
		"Still waiting for my refund after three weeks.",
		"Посылка пришла мятая, товар сломан.",
		"Prekė atitiko aprašymą, ačiū!",
	}
	var s sentiment.Score
	var complaints []string
	for _, text := range reviews {
		a.AnalyzeInto(&s, text)
		if s.Label == sentiment.Negative {
			complaints = append(complaints, fmt.Sprintf("%s %.2f %q", s.Lang, s.Negativity, text))
		}
	}
	fmt.Println(strings.Join(complaints, "\n"))
	// Output:
	// en 0.66 "Still waiting for my refund after three weeks."
	// ru 0.74 "Посылка пришла мятая, товар сломан."
}

func ExampleAnalyzer_Analyze_aspects() {
	a := sentiment.New()
	text := "Terrible delivery, but great quality."
	for _, m := range a.Analyze(text).Aspects {
		fmt.Printf("%s %q negative=%v\n", m.Aspect, text[m.Start:m.End], m.Polarity < 0)
	}
	// Output:
	// delivery "delivery" negative=true
	// quality "quality" negative=false
}

func ExampleAnalyzer_Analyze_languages() {
	a := sentiment.New()
	for _, text := range []string{"Не понравилось, размер маленький.", "Labai patiko, pristatymas buvo greitas!", "ne blogai"} {
		s := a.Analyze(text)
		fmt.Println(s.Lang, s.Label)
	}
	// Output:
	// ru negative
	// lt positive
	// lt positive
}

func ExampleAnalyzer_Analyze_mostNegativeFirst() {
	a := sentiment.New()
	reviews := []string{
		"Fast delivery, lovely shoes.",
		"It's fine.",
		"Broken on arrival and no refund after two weeks!!!",
		"A bit small, but nice.",
	}
	slices.SortStableFunc(reviews, func(x, y string) int {
		nx, ny := a.Analyze(x).Negativity, a.Analyze(y).Negativity
		switch {
		case nx > ny:
			return -1
		case nx < ny:
			return 1
		}
		return 0
	})
	fmt.Println(reviews[0])
	// Output:
	// Broken on arrival and no refund after two weeks!!!
}

func ExampleAnalyzer_Toxicity() {
	a := sentiment.New()
	text := "You are idiots, where is my refund?"
	tox := a.Toxicity(text)
	for _, sp := range tox.Spans {
		fmt.Println(sp.Kind, text[sp.Start:sp.End])
	}
	fmt.Println(tox.Score > 0.5)
	// Output:
	// insult idiots
	// true
}

func ExampleAnalyzer_Constructiveness() {
	a := sentiment.New()
	c := a.Constructiveness("Order 48213 came 5 days late; please add SMS tracking.")
	fmt.Println(c.Constructive, strings.Join(c.Reasons, ","))
	// Output:
	// true aspect:delivery,numbers,order-reference,suggestion
}

func ExampleCombineStars() {
	a := sentiment.New()
	v := sentiment.CombineStars(1, a.Analyze("ok"))
	fmt.Println(v.Label, v.Reason)
	v = sentiment.CombineStars(5, a.Analyze("Terrible delivery but great product."))
	fmt.Println(v.Label, v.Mixed)
	// Output:
	// negative low rating
	// positive true
}

func ExampleDetectLang() {
	fmt.Println(sentiment.DetectLang("Siuntinys atėjo laiku"))
	fmt.Println(sentiment.DetectLang("prekes kokybe gera, rekomenduoju"))
	fmt.Println(sentiment.DetectLang("Посылка пришла"))
	fmt.Println(sentiment.DetectLang("👍") == "")
	// Output:
	// lt
	// lt
	// ru
	// true
}

func ExampleWithLexicon() {
	extra := strings.NewReader("banger\t3\n")
	a := sentiment.New(sentiment.WithLexicon(sentiment.EN, extra))
	fmt.Println(a.Err(), a.Analyze("this track is a banger").Label)
	// Output:
	// <nil> positive
}
