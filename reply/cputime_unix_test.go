//go:build unix

package reply

import (
	"syscall"
	"time"
)

// cpuTime returns the CPU time (user+system) the process has used, so
// benchmarks can report CPU per operation even on a loaded machine.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
