package bench

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Item is one labelled text of the shared evaluation data.
type Item struct {
	ID    string   `json:"id"`
	Lang  string   `json:"lang"`
	Text  string   `json:"text"`
	Label string   `json:"label"`
	Score *float64 `json:"score"`
	Stars float64  `json:"stars"`
}

// File is one JSON Lines file of items.
type File struct {
	Name  string
	Items []Item
}

// DefaultDataDir is the evaluation data seen from the bench module directory.
const DefaultDataDir = "../../shared/data/sentiment"

// Load reads every *.jsonl file in dir, sorted by name.
func Load(dir string) ([]File, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.jsonl"))
	if err != nil {
		return nil, fmt.Errorf("bench: %w", err)
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("bench: no *.jsonl files in %s", dir)
	}
	slices.Sort(names)
	var out []File
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			return nil, fmt.Errorf("bench: %w", err)
		}
		file := File{Name: strings.TrimSuffix(filepath.Base(name), ".jsonl")}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 0, 64*1024), 4<<20)
		n := 0
		for sc.Scan() {
			n++
			if len(strings.TrimSpace(sc.Text())) == 0 {
				continue
			}
			var it Item
			if err := json.Unmarshal(sc.Bytes(), &it); err != nil {
				f.Close()
				return nil, fmt.Errorf("bench: %s line %d: %w", name, n, err)
			}
			file.Items = append(file.Items, it)
		}
		err = sc.Err()
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("bench: %s: %w", name, err)
		}
		out = append(out, file)
	}
	return out, nil
}

// Metrics are classification and correlation figures for one system on one file.
type Metrics struct {
	N                 int
	Accuracy, MacroF1 float64
	NegP, NegR, NegF1 float64
	Pearson           float64 // NaN when the file has no human scores
	confusion         [3][3]int
	xs, ys            []float64
}

var classes = []string{"negative", "neutral", "positive"}

func classIndex(label string) int { return slices.Index(classes, label) }

// Add records one prediction: gold and predicted labels, the predicted
// compound score and the human score when there is one.
func (m *Metrics) Add(gold, pred string, compound float64, human *float64) {
	g, p := classIndex(gold), classIndex(pred)
	if g < 0 || p < 0 {
		return
	}
	m.confusion[g][p]++
	m.N++
	if human != nil {
		m.xs = append(m.xs, compound)
		m.ys = append(m.ys, *human)
	}
}

// Finish computes the figures from the recorded predictions.
func (m *Metrics) Finish() {
	correct := 0
	var f1sum float64
	for c := range 3 {
		correct += m.confusion[c][c]
		tp := m.confusion[c][c]
		fp, fn := 0, 0
		for o := range 3 {
			if o != c {
				fp += m.confusion[o][c]
				fn += m.confusion[c][o]
			}
		}
		p, r, f := prf(tp, fp, fn)
		f1sum += f
		if c == 0 {
			m.NegP, m.NegR, m.NegF1 = p, r, f
		}
	}
	if m.N > 0 {
		m.Accuracy = float64(correct) / float64(m.N)
	}
	m.MacroF1 = f1sum / 3
	m.Pearson = pearson(m.xs, m.ys)
}

func prf(tp, fp, fn int) (p, r, f float64) {
	if tp+fp > 0 {
		p = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		r = float64(tp) / float64(tp+fn)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

func pearson(xs, ys []float64) float64 {
	n := float64(len(xs))
	if n < 2 {
		return math.NaN()
	}
	var mx, my float64
	for i := range xs {
		mx += xs[i]
		my += ys[i]
	}
	mx /= n
	my /= n
	var sxy, sxx, syy float64
	for i := range xs {
		dx, dy := xs[i]-mx, ys[i]-my
		sxy += dx * dy
		sxx += dx * dx
		syy += dy * dy
	}
	if sxx == 0 || syy == 0 {
		return math.NaN()
	}
	return sxy / math.Sqrt(sxx*syy)
}

// VaderLabel applies VADER's published thresholds to a compound score.
func VaderLabel(compound float64) string {
	switch {
	case compound >= 0.05:
		return "positive"
	case compound <= -0.05:
		return "negative"
	}
	return "neutral"
}
