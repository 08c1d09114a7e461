package reply

import (
	"bufio"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"sync"
)

//go:embed rules
var rulesFS embed.FS

// Langs are the languages whose phrase data ships embedded.
var Langs = []string{"en", "ru", "lt"}

// rawData is the embedded data parsed into lists: lang → file → section → lines.
type rawData map[string]map[string]map[string][]string

// kvFiles are read as key<TAB>value maps rather than phrase lists.
var kvFiles = map[string]bool{"messages": true, "draft": true}

var loadRaw = sync.OnceValues(func() (rawData, error) {
	raw := rawData{}
	err := fs.WalkDir(rulesFS, "rules", func(p string, de fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if de.IsDir() || path.Ext(p) != ".txt" {
			return nil
		}
		lang := path.Base(path.Dir(p))
		name := strings.TrimSuffix(path.Base(p), ".txt")
		b, err := rulesFS.ReadFile(p)
		if err != nil {
			return err
		}
		secs, err := parseList(string(b), kvFiles[name])
		if err != nil {
			return fmt.Errorf("reply: %s: %w", p, err)
		}
		if raw[lang] == nil {
			raw[lang] = map[string]map[string][]string{}
		}
		raw[lang][name] = secs
		return nil
	})
	return raw, err
})

// parseList splits a data file into sections. Lines are trimmed; '#'
// starts a comment line; "[name]" opens a section. In key-value files a
// line is key<TAB>value and a '#' is kept.
func parseList(s string, kv bool) (map[string][]string, error) {
	secs := map[string][]string{}
	sec := ""
	sc := bufio.NewScanner(strings.NewReader(s))
	n := 0
	for sc.Scan() {
		n++
		l := strings.TrimSpace(sc.Text())
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		if strings.HasPrefix(l, "[") && strings.HasSuffix(l, "]") && !kv {
			sec = strings.TrimSpace(l[1 : len(l)-1])
			if _, ok := secs[sec]; !ok {
				secs[sec] = nil
			}
			continue
		}
		if kv && !strings.Contains(l, "\t") {
			return nil, fmt.Errorf("line %d: want key<TAB>text", n)
		}
		secs[sec] = append(secs[sec], l)
	}
	return secs, sc.Err()
}

// kv returns a key-value file of one language as a map.
func (raw rawData) kv(lang, name string) map[string]string {
	m := map[string]string{}
	for _, l := range raw[lang][name][""] {
		k, v, _ := strings.Cut(l, "\t")
		m[strings.TrimSpace(k)] = strings.TrimSpace(strings.ReplaceAll(v, `\n`, "\n"))
	}
	return m
}
