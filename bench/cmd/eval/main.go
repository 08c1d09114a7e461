// Command eval scores every file of the shared sentiment data with Repute and
// with govader (a Go port of VADER) and prints a Markdown table: accuracy,
// macro-F1, negative precision/recall/F1 and Pearson r against the human
// score where the file has one.
//
//	cd bench && go run ./cmd/eval [-data ../../shared/data/sentiment] [-errors file] [-n 40] [-speed 5]
package main

import (
	"flag"
	"fmt"
	"math"
	"os"
	"strings"

	"github.com/jonreiter/govader"
	"github.com/reputekit/repute/bench"
	"github.com/reputekit/repute/sentiment"
)

func main() {
	dir := flag.String("data", bench.DefaultDataDir, "directory with the *.jsonl evaluation files")
	errs := flag.String("errors", "", "print Repute's mistakes on files whose name contains this")
	n := flag.Int("n", 40, "how many mistakes to print per file with -errors")
	only := flag.String("only", "", "evaluate only files whose name contains this")
	rounds := flag.Int("speed", 0, "also measure CPU time per text on the Amazon snippets over this many rounds")
	flag.Parse()
	files, err := bench.Load(*dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	an := sentiment.New()
	if err := an.Err(); err != nil {
		fmt.Fprintln(os.Stderr, "lexicon warnings:", err)
	}
	vd := govader.NewSentimentIntensityAnalyzer()
	fmt.Println("| file | n | system | accuracy | macro-F1 | neg P | neg R | neg F1 | Pearson r |")
	fmt.Println("|---|---:|---|---:|---:|---:|---:|---:|---:|")
	var ruSum float64
	var ruN int
	for _, f := range files {
		if *only != "" && !strings.Contains(f.Name, *only) {
			continue
		}
		var rm, vm bench.Metrics
		shown := 0
		for _, it := range f.Items {
			s := an.Analyze(it.Text)
			rm.Add(it.Label, s.Label.String(), s.Compound, it.Score)
			v := vd.PolarityScores(it.Text)
			vm.Add(it.Label, bench.VaderLabel(v.Compound), v.Compound, it.Score)
			if *errs != "" && strings.Contains(f.Name, *errs) && s.Label.String() != it.Label && shown < *n {
				shown++
				var ev []string
				for _, e := range s.Evidence {
					ev = append(ev, fmt.Sprintf("%s:%s:%.1f", e.Term, e.Rule, e.Weight))
				}
				fmt.Fprintf(os.Stderr, "%s gold=%s got=%s c=%.2f lang=%s [%s]\n    %s\n", it.ID, it.Label, s.Label, s.Compound, s.Lang, strings.Join(ev, " "), it.Text)
			}
		}
		rm.Finish()
		vm.Finish()
		row(f.Name, "Repute", rm)
		row(f.Name, "govader", vm)
		if strings.HasPrefix(f.Name, "ru_sentirueval") {
			ruSum += rm.NegF1
			ruN++
		}
	}
	if ruN > 0 {
		fmt.Printf("\nRepute mean negative-F1 over %d SentiRuEval files: %.3f\n", ruN, ruSum/float64(ruN))
	}
	if *rounds > 0 {
		speed(files, "en_vader_amazon", *rounds)
	}
}

func row(name, system string, m bench.Metrics) {
	r := "–"
	if !math.IsNaN(m.Pearson) {
		r = fmt.Sprintf("%.3f", m.Pearson)
	}
	fmt.Printf("| %s | %d | %s | %.3f | %.3f | %.3f | %.3f | %.3f | %s |\n", name, m.N, system, m.Accuracy, m.MacroF1, m.NegP, m.NegR, m.NegF1, r)
}
