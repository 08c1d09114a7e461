package survey

import "github.com/reputekit/repute/internal/stem"

// stemWord returns the stem of a lower-case word in lang ("en", "ru",
// "lt"); other languages come back unchanged. Lithuanian stems are folded
// (no diacritics), so text typed without them matches.
func stemWord(lang, w string) string {
	switch lang {
	case "en":
		return stem.English(w)
	case "ru":
		return stem.Russian(w)
	case "lt":
		return stem.FoldLithuanian(stem.Lithuanian(w))
	}
	return w
}

// surface returns the form of a word that prefix patterns ("puik*") match:
// for Lithuanian the word without diacritics, else the word itself.
func surface(lang, w string) string {
	if lang == "lt" {
		return stem.FoldLithuanian(w)
	}
	return w
}
