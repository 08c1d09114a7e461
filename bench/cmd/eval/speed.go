package main

import (
	"fmt"
	"runtime"
	"syscall"
	"time"

	"github.com/jonreiter/govader"
	"github.com/reputekit/repute/bench"
	"github.com/reputekit/repute/sentiment"
)

// threadCPU returns the CPU time the current OS thread has used. Measuring
// CPU time instead of wall time keeps the comparison fair on a busy machine.
func threadCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(1 /* RUSAGE_THREAD */, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// speed scores the texts of file name with each system and prints the CPU
// time per text.
func speed(files []bench.File, name string, rounds int) {
	var texts []string
	for _, f := range files {
		if f.Name == name {
			for _, it := range f.Items {
				texts = append(texts, it.Text)
			}
		}
	}
	if len(texts) == 0 {
		fmt.Println("speed: no texts in", name)
		return
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	an := sentiment.New()
	vd := govader.NewSentimentIntensityAnalyzer()
	// Each system runs its rounds back to back (after one warm-up pass), as
	// in `go test -bench`, so neither evicts the other's data from the CPU
	// caches between texts.
	measure := func(fn func(string)) time.Duration {
		for _, s := range texts {
			fn(s)
		}
		t0 := threadCPU()
		for range rounds {
			for _, s := range texts {
				fn(s)
			}
		}
		return threadCPU() - t0
	}
	tr := measure(func(s string) { _ = an.Analyze(s) })
	tv := measure(func(s string) { _ = vd.PolarityScores(s) })
	n := float64(rounds * len(texts))
	fmt.Printf("\nCPU time per text on %s (%d texts x %d rounds, one goroutine): Repute %.0f ns, govader %.0f ns, ratio %.1fx\n",
		name, len(texts), rounds, float64(tr.Nanoseconds())/n, float64(tv.Nanoseconds())/n, float64(tv)/float64(tr))
}
