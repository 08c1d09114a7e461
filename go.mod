module github.com/reputekit/repute

go 1.26
