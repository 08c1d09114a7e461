package survey_test

import (
	"fmt"

	"github.com/reputekit/repute/survey"
)

func ExampleNPS() {
	score, err := survey.NPS([]int{10, 9, 8, 7, 6, 0})
	fmt.Println(score, err)

	_, err = survey.NPS([]int{10, 11})
	fmt.Println(err)
	// Output:
	// 0 <nil>
	// survey: answer #1 is 11, outside 0–10
}

func ExampleCSAT() {
	// Five answers on a 5-point scale: 4 and 5 count as satisfied.
	score, _ := survey.CSAT([]int{5, 4, 3, 2, 1}, 5)
	fmt.Println(score)

	// On a 3-point smiley scale only the top face counts.
	score, _ = survey.CSAT([]int{3, 2, 3, 1}, 3)
	fmt.Println(score)
	// Output:
	// 40
	// 50
}

func ExampleNPSScorer() {
	var n survey.NPSScorer // the zero value is ready to use
	for _, v := range []int{10, 10, 9, 9, 9, 8, 7, 6, 3, 10, 9, 2} {
		if err := n.Add(v); err != nil {
			fmt.Println(err)
		}
	}
	r, _ := n.Result()
	fmt.Printf("NPS %.1f, 95%% interval %.1f to %.1f, %d answers, thin sample: %v\n",
		r.Score, r.Interval.Low, r.Interval.High, r.N, r.ThinSample())
	// Output:
	// NPS 33.3, 95% interval -14.8 to 81.4, 12 answers, thin sample: true
}

func ExampleCESScorer() {
	var c survey.CESScorer // CES 2.0, 7 points, higher = easier
	for _, v := range []int{7, 6, 6, 5, 4, 2} {
		_ = c.Add(v)
	}
	r, _ := c.Result()
	fmt.Printf("%s: %.1f%% agree, mean %.2f\n", r.Variant, r.Score, r.Mean)
	// Output:
	// ces-agree-top-3-of-7: 66.7% agree, mean 5.00
}

func ExampleSurvey_Lint() {
	s := survey.Survey{
		ID: "bad",
		Questions: []survey.Question{
			survey.NPSQuestion("nps", "How likely are you to recommend us to a friend?"),
			{ID: "love", Kind: survey.KindText, Text: "How much did you enjoy our excellent service?"},
			{ID: "ru", Kind: survey.KindScale, Text: "Оцените скорость и вежливость доставки.",
				Construct: "delivery", Scale: &survey.Scale{Min: 1, Max: 5, MinLabel: "Плохо", MaxLabel: "Отлично"}},
			{ID: "lt", Kind: survey.KindScale, Text: "Kaip labai jums patiko pristatymas?",
				Construct: "delivery", Scale: &survey.Scale{Min: 1, Max: 10}},
		},
	}
	for _, f := range s.Lint() {
		where := f.Question
		if where == "" {
			where = "(survey)"
		}
		fmt.Println(f.Severity, f.Rule, where)
	}
	// Output:
	// warning no-goal (survey)
	// warning leading-question love
	// warning double-barreled ru
	// warning leading-question lt
	// suggestion unlabelled-scale lt
	// warning scale-mismatch lt
}

func ExampleCheckInvitation() {
	msg := survey.Message{
		Subject: "How was your order?",
		Body:    "Leave a review and get 10% off your next order!",
	}
	for _, f := range survey.CheckInvitation(msg, survey.PlatformGoogle) {
		fmt.Println(f.Severity, f.Rule, msg.Body[f.Start:f.End])
	}
	// Output:
	// error incentive off your next
}
