package survey

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"io"
	"iter"
	"strconv"
	"strings"
	"time"
)

// metaColumns are the export columns before the question columns.
var metaColumns = [...]string{"response_id", "survey_id", "customer_id", "order_id", "product_id", "channel", "lang", "submitted_at"}

// Columns returns the export column names: the response's fields
// (response_id, survey_id, customer_id, order_id, product_id, channel, lang,
// submitted_at), then one column per question in survey order, named by the
// question's ID ("q:" + ID when the ID equals one of the fixed names).
func (s Survey) Columns() []string {
	cols := append([]string(nil), metaColumns[:]...)
	for _, q := range s.Questions {
		name := q.ID
		for _, m := range metaColumns {
			if m == name {
				name = "q:" + name
			}
		}
		cols = append(cols, name)
	}
	return cols
}

func metaValues(r Response) [len(metaColumns)]string {
	at := ""
	if !r.SubmittedAt.IsZero() {
		at = r.SubmittedAt.Format(time.RFC3339)
	}
	return [...]string{r.ID, r.SurveyID, r.CustomerID, r.OrderID, r.ProductID, r.Channel, r.Lang, at}
}

// WriteCSV writes the responses as CSV with a header row ([Survey.Columns]):
// a score as its number, choices as their IDs joined by ";", text as it is,
// an unanswered question as an empty cell. Answers to questions the survey
// does not have are not written. Cells are not escaped for spreadsheets:
// text starting with "=", "+", "-" or "@" stays as the customer wrote it.
func WriteCSV(w io.Writer, s Survey, rs iter.Seq[Response]) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(s.Columns()); err != nil {
		return err
	}
	row := make([]string, len(metaColumns)+len(s.Questions))
	for r := range rs {
		meta := metaValues(r)
		copy(row, meta[:])
		for i, q := range s.Questions {
			cell := ""
			if a, ok := r.Answers[q.ID]; ok {
				switch q.Kind {
				case KindScale:
					cell = strconv.Itoa(a.Score)
				case KindSingle, KindMultiple:
					cell = strings.Join(a.Choices, ";")
				default:
					cell = a.Text
				}
			}
			row[len(metaColumns)+i] = cell
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteJSONL writes one JSON object per response and line, with the keys of
// [Survey.Columns] in that order: a score as a number, a single choice as a
// string, multiple choices as an array, text as a string, an unanswered
// question as null.
func WriteJSONL(w io.Writer, s Survey, rs iter.Seq[Response]) error {
	bw := bufio.NewWriter(w)
	cols := s.Columns()
	keys := make([][]byte, len(cols))
	for i, c := range cols {
		keys[i], _ = json.Marshal(c)
	}
	var line []byte
	for r := range rs {
		line = append(line[:0], '{')
		meta := metaValues(r)
		for i, v := range meta {
			if i > 0 {
				line = append(line, ',')
			}
			line = append(line, keys[i]...)
			line = append(line, ':')
			line = appendJSON(line, v)
		}
		for i, q := range s.Questions {
			line = append(line, ',')
			line = append(line, keys[len(metaColumns)+i]...)
			line = append(line, ':')
			a, ok := r.Answers[q.ID]
			switch {
			case !ok:
				line = append(line, "null"...)
			case q.Kind == KindScale:
				line = strconv.AppendInt(line, int64(a.Score), 10)
			case q.Kind == KindSingle && len(a.Choices) == 1:
				line = appendJSON(line, a.Choices[0])
			case q.Kind == KindSingle || q.Kind == KindMultiple:
				line = appendJSON(line, a.Choices)
			default:
				line = appendJSON(line, a.Text)
			}
		}
		line = append(line, '}', '\n')
		if _, err := bw.Write(line); err != nil {
			return err
		}
	}
	return bw.Flush()
}

func appendJSON(b []byte, v any) []byte {
	j, err := json.Marshal(v)
	if err != nil {
		return append(b, "null"...)
	}
	return append(b, j...)
}
