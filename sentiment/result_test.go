package sentiment

import (
	"bytes"
	"go/ast"
	"go/parser"
	gotoken "go/token"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unsafe"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// corpusTexts returns the golden corpus texts (comments skipped).
func corpusTexts(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile("testdata/corpus.txt")
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, l := range strings.Split(string(b), "\n") {
		if l != "" && !strings.HasPrefix(l, "#") {
			texts = append(texts, l)
		}
	}
	return texts
}

// TestResultSlicesOwned checks that the result slices of successive texts
// are the caller's own: full
// (len == cap, so an append copies), unchanged by later calls and by
// appends to other Scores.
func TestResultSlicesOwned(t *testing.T) {
	// The corpus (exact blocks), plus texts for the tiered blocks and for
	// the fallback beyond them (more than 32 sentences).
	texts := append(corpusTexts(t), benchKB, strings.Repeat("Bad. ", 40),
		strings.Repeat("Terrible delivery, awful support, refund never came! ", 12))
	a := New()
	var kept []Score
	for round := range 8 {
		for _, text := range texts {
			s := a.Analyze(text)
			if len(s.Sentences) != cap(s.Sentences) || len(s.Evidence) != cap(s.Evidence) || len(s.Aspects) != cap(s.Aspects) {
				t.Fatalf("%q: result slices not full: %d/%d %d/%d %d/%d", text, len(s.Sentences), cap(s.Sentences),
					len(s.Evidence), cap(s.Evidence), len(s.Aspects), cap(s.Aspects))
			}
			if round%2 == 0 {
				// Scribble past the end through append: must not reach the next Score.
				_ = append(s.Sentences, Sentence{Start: -1})
				_ = append(s.Evidence, Evidence{Start: -1})
				_ = append(s.Aspects, AspectMention{Start: -1})
			}
			kept = append(kept, s)
		}
	}
	fresh := New()
	for i, s := range kept {
		text := texts[i%len(texts)]
		if want := fresh.Analyze(text); !reflect.DeepEqual(s, want) {
			t.Fatalf("%q: kept Score changed:\n got %+v\nwant %+v", text, s, want)
		}
	}
}

// TestAnalyzeAllocsEach checks the allocation budget text by text rather
// than over a mixed batch: for each text of up to 32 sentences, Analyze
// allocates at most once per call. It averages over runs of the same text
// (testing.AllocsPerRun), because the runtime now and then counts an
// allocation of its own inside a call; a text that needed two blocks would
// still fail.
func TestAnalyzeAllocsEach(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("allocation counts are not meaningful with -race (sync.Pool drops items) or needed in -short mode")
	}
	texts := append(corpusTexts(t), benchKB, strings.Repeat("Bad. ", 30), strings.Repeat("good and nice delivery, ", 30))
	a := New()
	for _, text := range texts {
		if n := testing.AllocsPerRun(50, func() { _ = a.Analyze(text) }); n > 1 {
			t.Errorf("%.40q: %.0f allocations per Analyze, want <= 1", text, n)
		}
	}
}

// TestAnalyzeConcurrent runs Analyze from several goroutines sharing one
// Analyzer (and so the scratch pool) and checks every
// Score against a sequential run; with -race it also checks for data races.
// Each goroutine also runs AnalyzeInto into a Score of its own, which must
// agree as well.
func TestAnalyzeConcurrent(t *testing.T) {
	texts := corpusTexts(t)
	a := New()
	want := make([]Score, len(texts))
	for i, text := range texts {
		want[i] = New().Analyze(text)
	}
	const workers, rounds = 4, 20
	got := make([][]Score, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var into Score
			for r := range rounds {
				for i := range texts {
					j := (i + w + r) % len(texts)
					got[w] = append(got[w], a.Analyze(texts[j]))
					a.AnalyzeInto(&into, texts[j])
					if d := cmp.Diff(want[j], into, cmpopts.EquateEmpty()); d != "" {
						t.Errorf("worker %d: %q: AnalyzeInto differs (-want +got):\n%s", w, texts[j], d)
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	for w := range workers {
		for k, s := range got[w] {
			r, i := k/len(texts), k%len(texts)
			if j := (i + w + r) % len(texts); !reflect.DeepEqual(s, want[j]) {
				t.Fatalf("worker %d: %q: got %+v, want %+v", w, texts[j], s, want[j])
			}
		}
	}
}

// TestExactBlock checks every size exactBlock covers: one allocation,
// empty slices with exactly the capacity asked for (nil for zero counts),
// and ok false just outside the bounds.
func TestExactBlock(t *testing.T) {
	for ns := 1; ns <= exactMaxNS; ns++ {
		for ne := 0; ne <= exactMaxNE; ne++ {
			for na := 0; na <= exactMaxNA; na++ {
				s, e, a, ok := exactBlock(ns, ne, na)
				if !ok || len(s)+len(e)+len(a) != 0 || cap(s) != ns || cap(e) != ne || cap(a) != na ||
					(ne == 0) != (e == nil) || (na == 0) != (a == nil) {
					t.Fatalf("exactBlock(%d, %d, %d) = len %d/%d/%d cap %d/%d/%d nil e %v a %v, ok %v",
						ns, ne, na, len(s), len(e), len(a), cap(s), cap(e), cap(a), e == nil, a == nil, ok)
				}
				if !raceEnabled && !testing.Short() && ns == exactMaxNS {
					if n := testing.AllocsPerRun(10, func() { exactBlock(ns, ne, na) }); n != 1 {
						t.Errorf("exactBlock(%d, %d, %d): %.0f allocations, want 1", ns, ne, na, n)
					}
				}
			}
		}
	}
	for _, c := range [][3]int{{0, 0, 0}, {exactMaxNS + 1, 0, 0}, {1, exactMaxNE + 1, 0}, {1, 0, exactMaxNA + 1}, {1, -1, 0}} {
		if _, _, _, ok := exactBlock(c[0], c[1], c[2]); ok {
			t.Errorf("exactBlock(%d, %d, %d): ok outside the bounds", c[0], c[1], c[2])
		}
	}
}

// TestBlocksGenerated checks that blocks_gen.go is what gen_blocks.go
// writes: the block sizes are the generator's, not edits by hand.
func TestBlocksGenerated(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the generator with go run")
	}
	out := filepath.Join(t.TempDir(), "blocks_gen.go")
	if b, err := exec.Command("go", "run", "gen_blocks.go", "-o", out).CombinedOutput(); err != nil {
		t.Fatalf("go run gen_blocks.go: %v\n%s", err, b)
	}
	want, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("blocks_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("blocks_gen.go differs from what gen_blocks.go writes: run go generate ./sentiment")
	}
}

// TestBlockArrays reads blocks_gen.go and checks, independently of the
// generator, that each case of exactBlock allocates arrays of exactly the
// counts its key stands for (none for a zero count), and each case of
// tierBlock the tiers its key stands for.
func TestBlockArrays(t *testing.T) {
	fset := gotoken.NewFileSet()
	f, err := parser.ParseFile(fset, "blocks_gen.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	// arrays returns the array lengths of the struct in new(struct{…}),
	// by field name.
	arrays := func(cc *ast.CaseClause) map[string]int {
		got := map[string]int{}
		ast.Inspect(cc, func(n ast.Node) bool {
			st, ok := n.(*ast.StructType)
			if !ok {
				return true
			}
			for _, fl := range st.Fields.List {
				at := fl.Type.(*ast.ArrayType)
				n, err := strconv.Atoi(at.Len.(*ast.BasicLit).Value)
				if err != nil {
					t.Fatal(err)
				}
				got[fl.Names[0].Name] = n
			}
			return false
		})
		return got
	}
	cases := 0
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || (fd.Name.Name != "exactBlock" && fd.Name.Name != "tierBlock") {
			continue
		}
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			cc, ok := n.(*ast.CaseClause)
			if !ok {
				return true
			}
			key, err := strconv.Atoi(cc.List[0].(*ast.BasicLit).Value)
			if err != nil {
				t.Fatal(err)
			}
			var ns, ne, na int
			if fd.Name.Name == "exactBlock" {
				ns, ne, na = key/((exactMaxNE+1)*(exactMaxNA+1))+1, key/(exactMaxNA+1)%(exactMaxNE+1), key%(exactMaxNA+1)
			} else {
				ns = tierNS[key/(len(tierNE)*len(tierNA))]
				ne, na = tierNE[key/len(tierNA)%len(tierNE)], tierNA[key%len(tierNA)]
			}
			want := map[string]int{"s": ns}
			if ne > 0 {
				want["e"] = ne
			}
			if na > 0 {
				want["a"] = na
			}
			if got := arrays(cc); !reflect.DeepEqual(got, want) {
				t.Errorf("%s case %d: arrays %v, want %v", fd.Name.Name, key, got, want)
			}
			cases++
			return false
		})
	}
	if want := exactMaxNS*(exactMaxNE+1)*(exactMaxNA+1) + len(tierNS)*len(tierNE)*len(tierNA); cases != want {
		t.Errorf("%d cases, want %d", cases, want)
	}
}

// TestTierBlock checks tierBlock for every count up to its largest tiers:
// exact capacities (nil for zero counts) and, from where the arrays start
// in the one block, that each array is the smallest tier holding its
// count; ok is false beyond the tiers.
func TestTierBlock(t *testing.T) {
	last := func(tiers []int) int { return tiers[len(tiers)-1] }
	want := func(n int, tiers []int) int {
		for _, t := range tiers {
			if n <= t {
				return t
			}
		}
		return -1
	}
	sz := func(p unsafe.Pointer, q unsafe.Pointer) uintptr { return uintptr(q) - uintptr(p) }
	for ns := 1; ns <= last(tierNS); ns++ {
		for ne := 0; ne <= last(tierNE); ne++ {
			for na := 0; na <= last(tierNA); na++ {
				s, e, a, ok := tierBlock(ns, ne, na)
				if !ok || len(s)+len(e)+len(a) != 0 || cap(s) != ns || cap(e) != ne || cap(a) != na ||
					(ne == 0) != (e == nil) || (na == 0) != (a == nil) {
					t.Fatalf("tierBlock(%d, %d, %d) = len %d/%d/%d cap %d/%d/%d, ok %v",
						ns, ne, na, len(s), len(e), len(a), cap(s), cap(e), cap(a), ok)
				}
				ps, pe, pa := unsafe.Pointer(unsafe.SliceData(s)), unsafe.Pointer(unsafe.SliceData(e)), unsafe.Pointer(unsafe.SliceData(a))
				ws := uintptr(want(ns, tierNS)) * unsafe.Sizeof(Sentence{})
				we := uintptr(want(ne, tierNE)) * unsafe.Sizeof(Evidence{})
				if ne > 0 && sz(ps, pe) != ws || na > 0 && ne > 0 && sz(pe, pa) != we || na > 0 && ne == 0 && sz(ps, pa) != ws {
					t.Fatalf("tierBlock(%d, %d, %d): arrays not of the smallest tiers", ns, ne, na)
				}
			}
		}
	}
	for _, c := range [][3]int{{0, 0, 0}, {last(tierNS) + 1, 0, 0}, {1, last(tierNE) + 1, 0}, {1, 0, last(tierNA) + 1}} {
		if _, _, _, ok := tierBlock(c[0], c[1], c[2]); ok {
			t.Errorf("tierBlock(%d, %d, %d): ok beyond the tiers", c[0], c[1], c[2])
		}
	}
}
