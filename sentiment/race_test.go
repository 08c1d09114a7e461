//go:build race

package sentiment

func init() { raceEnabled = true }
