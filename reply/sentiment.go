package reply

// defaultAnalyzer returns the analyzer Check uses when none is given.
func defaultAnalyzer() textAnalyzer { return noAnalyzer{} }
