package sourcestest

import (
	"runtime"
	"strings"
	"testing"
	"time"
)

// CheckGoroutines records the number of goroutines now and, when the test
// ends, fails it if more are still running after a grace period (idle HTTP
// connections and finished goroutines need a moment to exit). Call it first
// in a test that must not leak, before anything registers its own cleanup,
// and not in a parallel test.
func CheckGoroutines(tb testing.TB) {
	tb.Helper()
	before := runtime.NumGoroutine()
	tb.Cleanup(func() {
		var now int
		for range 200 {
			now = runtime.NumGoroutine()
			if now <= before {
				return
			}
			time.Sleep(10 * time.Millisecond)
		}
		buf := make([]byte, 1<<20)
		n := runtime.Stack(buf, true)
		tb.Errorf("sourcestest: goroutine leak: %d before, %d after\n%s", before, now, leaked(string(buf[:n])))
	})
}

// leaked drops the testing framework's own goroutines from a stack dump.
func leaked(dump string) string {
	var keep []string
	for g := range strings.SplitSeq(dump, "\n\n") {
		if strings.Contains(g, "testing.tRunner") && !strings.Contains(g, "sources") {
			continue
		}
		keep = append(keep, g)
	}
	return strings.Join(keep, "\n\n")
}
