package sentiment

import (
	"bufio"
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"testing"
)

// TestDump writes every output field of Analyze, Toxicity, Constructiveness
// and DetectLang for every text of the shared evaluation data (plus the
// golden corpus) to the file named by REPUTE_SENTIMENT_DUMP, and logs the
// SHA-256 of what it wrote. It is the yardstick for speed work: a change
// meant to be behaviour-neutral must leave the digest unchanged.
//
//	REPUTE_SENTIMENT_DUMP=/tmp/before.txt go test -run TestDump -v ./sentiment
func TestDump(t *testing.T) {
	out := os.Getenv("REPUTE_SENTIMENT_DUMP")
	if out == "" {
		t.Skip("set REPUTE_SENTIMENT_DUMP=<file> to write the equivalence dump")
	}
	texts, err := evalTexts()
	if err != nil {
		t.Fatal(err)
	}
	if len(texts) == 0 {
		t.Skipf("evaluation data not found at %s", evalDataDir)
	}
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	h := sha256.New()
	w := bufio.NewWriter(io.MultiWriter(f, h))
	a := New()
	texts = append(texts, goldenDumpTexts...)
	for _, text := range texts {
		s := a.Analyze(text)
		fmt.Fprintf(w, "T %q\nA %v %v %v %s\n", text, s.Compound, s.Negativity, s.Label, s.Lang)
		for _, x := range s.Sentences {
			fmt.Fprintf(w, "S %+v\n", x)
		}
		for _, x := range s.Evidence {
			fmt.Fprintf(w, "E %+v\n", x)
		}
		for _, x := range s.Aspects {
			fmt.Fprintf(w, "P %+v\n", x)
		}
		fmt.Fprintf(w, "X %+v\nC %+v\nL %s\n", a.Toxicity(text), a.Constructiveness(text), DetectLang(text))
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d texts, sha256 %x", len(texts), h.Sum(nil))
}

// goldenDumpTexts adds inputs the evaluation data lacks: odd bytes, mixed
// scripts and the rule cases the package documents.
var goldenDumpTexts = []string{
	"", " ", "\xff\xfe", "NOT GOOD!!!", "not very good", "not bad at all",
	"не понравилось", "ne blogai", "nepatiko, prekė nekokybiška", "Спасибо, что доставили через месяц",
	"Great product but terrible delivery :(", "sooooo slooow 😡😡", "Заказ №12345 до сих пор жду, 3 недели",
	"Pristatymas vėlavo 2 savaites, pinigai į balą", "You are idiots, I will sue you", "хуёво упаковано, бл*",
	"Tai ne kartą pasitaikė", "mixed текст and lietuviškai šiek tiek", "👍🏽 fine", ":-) ok :D",
}
