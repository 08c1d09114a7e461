package survey

import (
	"bytes"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func exportFixture() (Survey, []Response) {
	s := postDelivery()
	at := time.Date(2026, 3, 4, 10, 0, 0, 0, time.UTC)
	rs := []Response{
		{ID: "r1", SurveyID: s.ID, CustomerID: "c1", ProductID: "p1", Channel: "email", Lang: "en", SubmittedAt: at,
			Answers: map[string]Answer{"nps": ScoreAnswer(3), "csat": ScoreAnswer(2), "improve": TextAnswer("Slow, \"late\"\ndelivery"), "channel": ChoiceAnswer("ad")}},
		{ID: "r2", SurveyID: s.ID, SubmittedAt: at.Add(time.Hour),
			Answers: map[string]Answer{"nps": ScoreAnswer(10), "csat": ScoreAnswer(5), "other": TextAnswer("Ačiū!")}},
	}
	return s, rs
}

func TestWriteCSV(t *testing.T) {
	t.Parallel()
	s, rs := exportFixture()
	var buf bytes.Buffer
	if err := WriteCSV(&buf, s, slices.Values(rs)); err != nil {
		t.Fatal(err)
	}
	want := "response_id,survey_id,customer_id,order_id,product_id,channel,lang,submitted_at,nps,csat,improve,q:channel,other\n" +
		"r1,post-delivery-v1,c1,,p1,email,en,2026-03-04T10:00:00Z,3,2,\"Slow, \"\"late\"\"\ndelivery\",ad,\n" +
		"r2,post-delivery-v1,,,,,,2026-03-04T11:00:00Z,10,5,,,Ačiū!\n"
	if diff := cmp.Diff(want, buf.String()); diff != "" {
		t.Errorf("CSV (-want +got):\n%s", diff)
	}
}

func TestWriteJSONL(t *testing.T) {
	t.Parallel()
	s, rs := exportFixture()
	var buf bytes.Buffer
	if err := WriteJSONL(&buf, s, slices.Values(rs)); err != nil {
		t.Fatal(err)
	}
	want := `{"response_id":"r1","survey_id":"post-delivery-v1","customer_id":"c1","order_id":"","product_id":"p1","channel":"email","lang":"en","submitted_at":"2026-03-04T10:00:00Z","nps":3,"csat":2,"improve":"Slow, \"late\"\ndelivery","q:channel":"ad","other":null}` + "\n" +
		`{"response_id":"r2","survey_id":"post-delivery-v1","customer_id":"","order_id":"","product_id":"","channel":"","lang":"","submitted_at":"2026-03-04T11:00:00Z","nps":10,"csat":5,"improve":null,"q:channel":null,"other":"Ačiū!"}` + "\n"
	if diff := cmp.Diff(want, buf.String()); diff != "" {
		t.Errorf("JSONL (-want +got):\n%s", diff)
	}
}
