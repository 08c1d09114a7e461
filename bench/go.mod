module github.com/reputekit/repute/bench

go 1.26.0

require (
	github.com/jonreiter/govader v0.0.0-20250429093935-f6505c8d03cc
	github.com/reputekit/repute v0.0.0-00010101000000-000000000000
)

require gonum.org/v1/gonum v0.8.2 // indirect

replace github.com/reputekit/repute => ../
