package survey

import (
	"bytes"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestValidateResponse(t *testing.T) {
	t.Parallel()
	s := postDelivery()
	r := Response{ID: "r1", SurveyID: s.ID, Answers: map[string]Answer{
		"nps":     ScoreAnswer(4),
		"csat":    ScoreAnswer(9), // out of range
		"improve": TextAnswer("Faster delivery"),
		"channel": ChoiceAnswer("friend", "ad"), // two picks on single choice
		"other":   TextAnswer("ok"),
		"bogus":   ScoreAnswer(1),
	}}
	got, err := s.ValidateResponse(r)
	if !errors.Is(err, ErrBadAnswer) {
		t.Fatalf("error = %v, want ErrBadAnswer", err)
	}
	var named []string
	for _, e := range unjoin(err) {
		if ae, ok := errors.AsType[*AnswerError](e); ok {
			named = append(named, ae.Question)
		}
	}
	if diff := cmp.Diff([]string{"bogus", "csat", "channel"}, named); diff != "" {
		t.Errorf("errors name (-want +got):\n%s", diff)
	}
	want := map[string]Answer{"nps": ScoreAnswer(4), "improve": TextAnswer("Faster delivery"), "other": TextAnswer("ok")}
	if diff := cmp.Diff(want, got.Answers); diff != "" {
		t.Errorf("kept answers (-want +got):\n%s", diff)
	}
	if !strings.Contains(err.Error(), `question "csat": 9 is outside 1–5`) {
		t.Errorf("message %q does not name the question and value", err)
	}
}

func TestValidateResponseConditions(t *testing.T) {
	t.Parallel()
	s := postDelivery()
	tests := []struct {
		name    string
		answers map[string]Answer
		bad     []string
	}{
		{"promoter answered the detractor follow-up", map[string]Answer{"nps": ScoreAnswer(10), "csat": ScoreAnswer(5), "improve": TextAnswer("x")}, []string{"improve"}},
		{"detractor skipped optional follow-up", map[string]Answer{"nps": ScoreAnswer(2), "csat": ScoreAnswer(1)}, nil},
		{"required questions missing", map[string]Answer{"other": TextAnswer("hi")}, []string{"nps", "csat"}},
		{"empty open answer is no answer", map[string]Answer{"nps": ScoreAnswer(9), "csat": ScoreAnswer(4), "other": TextAnswer("")}, nil},
		{"text to a scale", map[string]Answer{"nps": TextAnswer("ten"), "csat": ScoreAnswer(4)}, []string{"nps"}},
		{"unknown choice", map[string]Answer{"nps": ScoreAnswer(9), "csat": ScoreAnswer(4), "channel": ChoiceAnswer("tv")}, []string{"channel"}},
		{"bad utf-8", map[string]Answer{"nps": ScoreAnswer(9), "csat": ScoreAnswer(4), "other": TextAnswer("\xff")}, []string{"other"}},
	}
	for _, tc := range tests {
		_, err := s.ValidateResponse(Response{ID: "r", Answers: tc.answers})
		var got []string
		if err != nil {
			for _, e := range unjoin(err) {
				if ae, ok := errors.AsType[*AnswerError](e); ok {
					got = append(got, ae.Question)
				}
			}
		}
		if diff := cmp.Diff(tc.bad, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tc.name, diff)
		}
	}
	if _, err := s.ValidateResponse(Response{ID: "r", SurveyID: "other", Answers: map[string]Answer{"nps": ScoreAnswer(9), "csat": ScoreAnswer(4)}}); err == nil {
		t.Error("wrong survey ID: no error")
	}
}

func TestResponseJSONRoundTrip(t *testing.T) {
	t.Parallel()
	r := Response{ID: "r1", SurveyID: "s", CustomerID: "c", ProductID: "p", Channel: "email", Lang: "lt",
		SubmittedAt: time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC),
		Answers:     map[string]Answer{"nps": ScoreAnswer(0), "channel": ChoiceAnswer("a", "b"), "other": TextAnswer("Ačiū")}}
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte(`"nps":0`)) || !bytes.Contains(b, []byte(`"channel":["a","b"]`)) {
		t.Errorf("JSON = %s", b)
	}
	var got Response
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(r, got); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
	for _, bad := range []string{`{"answers":{"a":1.5}}`, `{"answers":{"a":{}}}`, `{"answers":{"a":true}}`, `{"answers":{"a":1e300}}`} {
		if err := json.Unmarshal([]byte(bad), &got); err == nil {
			t.Errorf("%s decoded without error", bad)
		}
	}
}

func FuzzSurveyJSON(f *testing.F) {
	good, _ := json.Marshal(postDelivery())
	f.Add(good)
	f.Add([]byte(`{"id":"x","questions":[{"id":"a","kind":"scale","text":"?","scale":{"min":0,"max":10,"metric":"nps"}}]}`))
	f.Add([]byte(`{"id":"x","questions":[{"id":"a","kind":"single","text":"?","choices":[{"id":"a","label":"A"}]},{"id":"b","kind":"text","text":"Насколько вам понравился наш отличный сервис и цены?","show_if":{"question":"a","choices":["a"]}}]}`))
	f.Add([]byte(`{"id":"x","timing":{"quiet_start":8,"quiet_end":22,"delay":-5},"questions":null}`))
	f.Add([]byte(`{"id":"\xff","questions":[{"id":"b","kind":"text","text":"Kaip labai jums patiko?","show_if":{"question":"b","min":9,"max":1}}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var s Survey
		if json.Unmarshal(data, &s) != nil {
			return
		}
		err := s.Validate()
		for _, fd := range s.Lint() {
			if fd.Question != "" {
				q, ok := s.Question(fd.Question)
				if !ok || fd.Start < 0 || fd.End > len(q.Text) || fd.Start > fd.End {
					t.Fatalf("finding %+v outside its question", fd)
				}
			}
		}
		if err != nil {
			return
		}
		b, err := json.Marshal(s)
		if err != nil {
			t.Fatalf("valid survey does not marshal: %v", err)
		}
		var again Survey
		if err := json.Unmarshal(b, &again); err != nil {
			t.Fatalf("re-decode: %v", err)
		}
		if err := again.Validate(); err != nil {
			t.Fatalf("round trip made the survey invalid: %v", err)
		}
		_ = again.Columns()
	})
}

func FuzzResponseJSON(f *testing.F) {
	f.Add([]byte(`{"id":"r","survey_id":"post-delivery-v1","answers":{"nps":3,"csat":5,"improve":"faster","channel":["friend"]}}`))
	f.Add([]byte(`{"id":"r","answers":{"nps":11,"csat":"x","channel":["friend","friend"],"other":"\u0000"}}`))
	f.Add([]byte(`{"answers":{"nps":-0.0,"csat":1e2,"zzz":[]}}`))
	f.Add([]byte(`{"answers":null}`))
	s := postDelivery()
	f.Fuzz(func(t *testing.T, data []byte) {
		var r Response
		if json.Unmarshal(data, &r) != nil {
			return
		}
		kept, err := s.ValidateResponse(r)
		// Every kept answer is valid: validating again reports only missing
		// required questions, never a bad answer.
		_, err2 := s.ValidateResponse(kept)
		if err2 != nil {
			for _, e := range unjoin(err2) {
				ae, ok := errors.AsType[*AnswerError](e)
				if ok && ae.Problem != "required but not answered" {
					t.Fatalf("kept a bad answer: %v (first pass %v)", e, err)
				}
			}
		}
		for id := range kept.Answers {
			if _, ok := s.Question(id); !ok {
				t.Fatalf("kept answer to unknown question %q", id)
			}
		}
		var buf bytes.Buffer
		if err := WriteJSONL(&buf, s, slices.Values([]Response{kept})); err != nil {
			t.Fatal(err)
		}
		var obj map[string]any
		if err := json.Unmarshal(buf.Bytes(), &obj); err != nil {
			t.Fatalf("JSONL line %q: %v", buf.String(), err)
		}
		buf.Reset()
		if err := WriteCSV(&buf, s, slices.Values([]Response{kept})); err != nil {
			t.Fatal(err)
		}
	})
}

func TestChoiceCondition(t *testing.T) {
	t.Parallel()
	s := Survey{ID: "c", Questions: []Question{
		{ID: "used", Kind: KindMultiple, Text: "Which did you use?", Choices: []Choice{{"chat", "Chat"}, {"phone", "Phone"}, {"mail", "E-mail"}}},
		{ID: "chat", Kind: KindText, Text: "What went wrong in the chat?", Required: true, ShowIf: IfChosen("used", "chat")},
	}}
	if err := s.Validate(); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		answers map[string]Answer
		bad     bool
	}{
		{map[string]Answer{"used": ChoiceAnswer("phone", "chat")}, true},                              // shown and required, not answered
		{map[string]Answer{"used": ChoiceAnswer("phone", "chat"), "chat": TextAnswer("slow")}, false}, // shown and answered
		{map[string]Answer{"used": ChoiceAnswer("mail")}, false},                                      // not shown
		{map[string]Answer{"used": ChoiceAnswer("mail"), "chat": TextAnswer("?")}, true},              // answered though hidden
		{map[string]Answer{"used": ChoiceAnswer("mail", "mail"), "chat": TextAnswer("?")}, true},      // repeated choice
	} {
		_, err := s.ValidateResponse(Response{ID: "r", Answers: tc.answers})
		if (err != nil) != tc.bad {
			t.Errorf("%v: error %v, want bad=%v", tc.answers, err, tc.bad)
		}
	}
}

func TestCheckInvitationLongText(t *testing.T) {
	t.Parallel()
	body := strings.Repeat("ž", MaxInvitationBytes) + " Leave a review for a discount!"
	for _, f := range CheckInvitation(Message{Body: body}, PlatformGoogle) {
		if f.End > MaxInvitationBytes {
			t.Errorf("finding beyond the read limit: %+v", f)
		}
	}
	if got := head(body); len(got) > MaxInvitationBytes || !strings.HasPrefix(body, got) {
		t.Errorf("head cut %d bytes", len(got))
	}
}
