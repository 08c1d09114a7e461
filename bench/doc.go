// Package bench compares Repute's sentiment analyser with peer libraries
// (github.com/jonreiter/govader, a Go port of VADER) on the shared
// evaluation data: `go run ./cmd/eval` prints accuracy and F1 side by side,
// `go test -bench . -benchmem` compares speed and allocations.
//
// It is a separate module so that users of Repute never download the peers.
package bench
