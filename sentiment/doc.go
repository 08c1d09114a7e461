// Package sentiment scores how positive or negative a short customer text is,
// in English, Russian and Lithuanian, with a lexicon-and-rules analyser that
// runs without a network, a model file or global state.
//
// # Scoring
//
// [Analyzer.Analyze] splits the text into sentences and tokens (byte offsets
// into the text, never copies), detects the language of each sentence,
// looks every token up in the language's lexicon (the lexicons are data
// files under sentiment/lexicon/<lang>, embedded and parsed once) and applies
// the rules below. Each term that moved the score is reported as
// [Evidence] with its span, so a user interface can highlight it.
//
//   - Valence: every lexicon term carries a valence in -4..+4. Words are
//     matched by stem (internal/stem: Snowball Russian, Porter2 English and a
//     Lithuanian stemmer; Lithuanian is also compared with diacritics folded
//     away, so "blogas" and text typed as "blogas"/"blogą" meet). Multi-word
//     expressions ("waste of money", "деньги на ветер", "pinigai į balą")
//     win over single words. A negator inside a multi-word entry stands for
//     any negator, so "never arrived" also matches "didn't arrive".
//   - Negation: a negator up to four tokens before a term, in the same
//     clause, flips it: a negated positive gets -0.75 of its valence, a negated
//     negative -0.5 of it ("not bad" is mildly positive, "not good" clearly
//     negative). A negator with a valence of its own ("no", "lacks") keeps it
//     only when it negates nothing ("No.", "no tracking"). A boosting intensifier between a negator and the term is
//     ignored ("not very good" is about as negative as "not good"). The
//     Lithuanian fused prefixes ne-/nebe- (nepatiko, nekokybiška) and the
//     Russian не-, English un- are treated as negation when the word itself is
//     not in the lexicon but its remainder is. negation.tsv bends the scope:
//     interjections ("lol") are never flipped, a cessation verb between
//     negator and term keeps the term ("never stops being fun"),
//     prepositional negators ("without", "без", "be") reach two tokens, a
//     question opening with a negated auxiliary and a pronoun asks for
//     agreement ("Isn't it lovely?"), a lone negator does not flip another
//     ("No and no."), and the Russian and Lithuanian concord words
//     ("никаких", "jokių") flip the next word but not an entry or a ne- word
//     that carries its own negation. Hashtags vote on the language only in a
//     sentence without other words.
//   - Intensifiers and diminishers (up to two tokens before a term) multiply
//     its valence by their factor ("very" 1.3, "slightly" 0.6). An
//     intensifier with a valence of its own ("damn good") loses it there.
//   - A positive word right after a negative one is what the negative word
//     judges ("poor reliability", "bad quality") and adds nothing. An unknown
//     word after an excess marker ("too plastic", "слишком мягкий", "per
//     trumpas") counts as a mild complaint (-1).
//   - Contrast: a contrast word ("but", "но", "зато", "bet", "tačiau")
//     weights the part of the sentence before it and the part after it by the
//     factors in contrast.tsv (typically 0.5 and 1.5); a sentence that starts
//     with one weights the previous sentences by its first factor.
//   - Emphasis: a word in capitals inside mixed-case text (x1.4), an
//     elongated word ("soooo", x1.2, looked up with the repeats removed) and
//     exclamation marks (each of up to four adds 0.3 in the sentence's
//     direction).
//   - Emoji and emoticons carry their own valence (a small built-in table).
//     One that closes the text shows how its words are meant: contributions
//     of the other sign count half ("angry birds will do it for you :D").
//   - Questions: a sentence that ends in a single "?" counts 0.4 of its
//     positive part and 0.7 of its negative part (a question with a clearly
//     negative word is mostly a complaint: "Why is it so slow?").
//   - Complaints without a negative word (complaints.tsv: "still waiting",
//     "до сих пор", "vis dar", "after a week", "two weeks later") add their
//     (negative) valence.
//   - Sarcasm (cheap cues only): thanks followed by a complaint pattern in the
//     same sentence ("thanks for delivering in a month", "спасибо, что
//     доставили через месяц") counts as negative (-0.8 of its valence); so
//     does praise ("great", "отлично", "puiku") in the clause of a clear
//     complaint or alone before it ("Great, still waiting."), and a one-word
//     praise sentence right after a purely negative one ("Lost my parcel.
//     Great.").
//
// # Compound, Negativity, Label
//
// The weighted sum S of all contributions is normalised like VADER's
// compound score: Compound = S/sqrt(S²+15), in -1..+1. Negativity looks only
// at the negative part N (sum of the absolute negative contributions) and
// the positive part P: Negativity = N/sqrt(N²+15) × N/(N+P). A text with
// only complaints therefore has Negativity ≈ -Compound; a mixed text keeps a
// part of its complaint even when its Compound is positive; a text with no
// negative evidence has Negativity 0. A single clearly negative word
// ("terrible", -3) gives about 0.6, two give about 0.84.
//
// Label is [Negative] when Compound <= -0.05, [Positive] when Compound >=
// 0.05, and [Neutral] between (VADER's published thresholds, see
// NegativeThreshold and PositiveThreshold).
//
// # Languages
//
// [DetectLang] tells Russian from the Latin-script languages by script,
// Lithuanian from English by its diacritics (ąčęėįšųūž) and, for
// Lithuanian typed without them, by function words and typical endings
// (-as, -ai, -ui, -iau, -ome, ...). A single word without diacritics
// ("ok", "super") is no signal. Analyze detects the language of each
// sentence (short Latin sentences without a clear signal inherit the text's
// language), so a mixed text is scored with the right lexicon per sentence.
// A sentence with no signal at all is scored with the English lexicon and,
// when nothing there matches, with the Lithuanian one (whose language it
// then reports when that lexicon knows the words). [WithLang] skips
// detection.
//
// # Aspects, toxicity, constructiveness, stars
//
// Aspect terms (aspects.tsv) are reported as [AspectMention] with the
// polarity of the nearest sentiment-bearing terms in the same clause (or
// sentence). [Analyzer.Toxicity] finds insults, profanity (Russian obscene
// roots in any inflection through `*` roots) and threats;
// [Analyzer.Constructiveness] tells a specific complaint (aspects, numbers,
// dates, order references, suggestions) from venting; [CombineStars] merges a
// star rating with the text ("1★ ok" is negative, "5★ terrible delivery but
// great product" is mixed).
//
// # Performance and concurrency
//
// An [Analyzer] is immutable after [New] and safe for concurrent use by
// many goroutines. Analyze keeps its scratch space in a sync.Pool, with a
// cache of what it learnt about each distinct word form (stem, lexicon
// entries, language hints; a pointer-free hash table of 64-byte slots that
// grows between calls from 256 KB to 2 MB per pooled scratch, about 19,000
// forms at most, plus a 256 KB string arena; emptied when full), and makes one
// allocation per call: the result's three slices share one block, of
// exactly their size for up to 4 sentences, 12 evidence items and 4
// aspects (most reviews) and in tiered sizes up to 32 sentences, 128
// evidence items and 48 aspects (texts with more allocate their slices
// separately). [Analyzer.AnalyzeInto] writes into a Score the caller
// reuses and allocates nothing once that Score's slices have grown: on the
// Amazon snippets it scores about 1.4 times as many texts per second as
// Analyze, whose remaining cost is mostly writing its result into freshly
// allocated memory (see bench/README.md).
package sentiment
