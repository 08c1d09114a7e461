package sentiment

import (
	"bufio"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
)

func stringsReader(s string) io.Reader { return strings.NewReader(s) }

// evalDataDir is the shared evaluation data, seen from this package.
var evalDataDir = filepath.Join("..", "..", "shared", "data", "sentiment")

// evalTexts returns the text of every item of the shared evaluation data
// (evalDataDir/*.jsonl, in file name order); nil when the data is absent.
func evalTexts() ([]string, error) {
	names, _ := filepath.Glob(filepath.Join(evalDataDir, "*.jsonl"))
	var texts []string
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 0, 1<<16), 1<<22)
		for sc.Scan() {
			var it struct{ Text string }
			if json.Unmarshal(sc.Bytes(), &it) == nil {
				texts = append(texts, it.Text)
			}
		}
		f.Close()
		if err := sc.Err(); err != nil {
			return nil, err
		}
	}
	return texts, nil
}
