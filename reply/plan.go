package reply

type compiledFAQ struct {
	FAQ
	set *phraseSet
}
