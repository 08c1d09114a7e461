// Package stem reduces single lower-case words of Russian, Lithuanian and
// English to stems, so that inflected forms of one word compare equal
// ("доставка", "доставки", "доставкой" → "доставк"; "pristatymas",
// "pristatymo", "pristatymą" → "pristat"; "arrived", "arrive" → "arriv").
//
// Stems are not dictionary words; they are only meant to be compared with
// other stems made by the same function. The functions are pure, safe for
// concurrent use, never panic (invalid UTF-8 included) and return a
// substring of their input, without allocating, whenever the stem is a
// prefix of the word.
//
// # Russian
//
// Russian implements the Snowball Russian stemming algorithm as published
// by the Snowball project (snowballstem.org, "Russian stemming algorithm"):
// regions RV, R1 and R2; step 1 removes a perfective gerund ending or else a
// reflexive ending followed by an adjectival (adjective, optionally with a
// participle before it), verb or noun ending; step 2 a final и; step 3 the
// derivational -ост(ь) inside R2; step 4 undoubles н, removes a superlative
// -ейш(е) or removes a soft sign. ё is folded to е first.
//
// # Lithuanian
//
// Lithuanian follows the shape of the Snowball Lithuanian algorithm (R1 with
// the leading a- of long words skipped; the longest inflectional ending
// inside R1 removed; the alternations č→t and dž→d at the end of the stem;
// gd→g), with an ending inventory written for this package from Lithuanian
// grammar: the five noun declensions, simple and pronominal adjectives,
// verb persons in the present, past, frequentative past, future and
// conditional, reflexive forms, infinitives and the common participles. A
// second step removes derivational suffixes inside R1 (-ym-/-im- of verbal
// nouns, -yt- of passive participles, -esn-/-iaus- of degrees, -išk-, and
// the verb stem suffixes -uoj-, -oj-, -ėj-, -auj-), so that pristatymas,
// pristatė, pristatyti and pristatytas share the stem "pristat", and
// blogas, blogesnis, blogiausias share "blog".
//
// Lithuanian is often typed without diacritics, so endings are matched one
// way: a plain letter of the word matches an ending's letter with or without
// a diacritic (the "a" of "greita" matches the accusative ending -ą, the
// "u" of "aciu" the -ū of "ačiū", the "c" of a final "c" is rewritten like
// "č"), while a letter with a diacritic matches only itself (the "ė" of
// "savaitė" is not the "e" of a verb ending -ite). For the forms in our
// tests, FoldLithuanian(Lithuanian(w)) == Lithuanian(FoldLithuanian(w)):
// "greitą" and "greita", "ačiū" and "aciu", "atsiprašome" and
// "atsiprasome" get the same folded stem. Plain spelling is sometimes truly
// ambiguous, and then the two can differ ("mokestį" → "mokest", but
// "mokesti" reads as an infinitive → "mokes"). The stem keeps the letters
// the word had, so callers who want "gražus" and "grazus" to meet compare
// FoldLithuanian of the stems.
//
// Endings that would take apart frequent nouns are left out on purpose: the
// verb 2nd-person plural -ate/-ite/-ote/-ėte (savaitė, pakuotė, planšetė),
// the conditional -tų (produktų), a reflexive -tis after a consonant
// (mokestis), and the -av- of -uoti verbs in the past (gavo, pardavė).
//
// # English
//
// English implements the Snowball English ("Porter2") algorithm as
// published by the Snowball project, with its exceptional-forms lists.
//
// # Verification
//
// Russian and English were checked, outside this repository, against the
// sample vocabularies the Snowball project publishes with its algorithm
// descriptions (49,661 Russian and 29,414 English words with their stems):
// they agree on every word. The Lithuanian inventory has no such reference;
// its tests check that the forms of each word in our own vocabulary meet.
//
// # Cost
//
// One call walks the word's ending backwards through small tries (Russian,
// Lithuanian) or a few last-byte buckets of rules (English): some tens of
// nanoseconds per word, no allocation unless the stem had to be rewritten
// (ё→е, č→t, Porter2's y→i and restored e). See the package benchmarks.
//
// # Limits
//
// All three are light, rule-based stemmers: suppletive and irregular forms
// stay apart (ran/run, broke/broken, шёл/идти, gavau/gauti), some unrelated
// words meet, and a few paradigms split (Russian извините → "извин" but
// извиняемся → "извиня", as the Snowball algorithm defines; English delivery
// → "deliveri" but delivered → "deliv"). Lithuanian words typed without
// diacritics can be ambiguous (-ų/-u, -ė/-e); the folded comparison treats
// them alike, which is what matching needs but may strip an ending a
// careful writer would not have meant. Input is expected to be one word in
// lower case; anything else is processed as bytes and letters that are not
// part of the language simply never match an ending.
package stem
