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

// speed scores the texts of file name with each system in alternating rounds
// and prints the CPU time per text.
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
	var tr, tv time.Duration
	for range rounds {
		t0 := threadCPU()
		for _, s := range texts {
			_ = an.Analyze(s)
		}
		t1 := threadCPU()
		for _, s := range texts {
			_ = vd.PolarityScores(s)
		}
		t2 := threadCPU()
		tr += t1 - t0
		tv += t2 - t1
	}
	n := float64(rounds * len(texts))
	fmt.Printf("\nCPU time per text on %s (%d texts x %d rounds, one goroutine): Repute %.0f ns, govader %.0f ns, ratio %.1fx\n",
		name, len(texts), rounds, float64(tr.Nanoseconds())/n, float64(tv.Nanoseconds())/n, float64(tv)/float64(tr))
}
