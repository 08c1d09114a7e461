package sentiment

import (
	"strings"
)

// Constructiveness tells a specific complaint from venting.
type Constructiveness struct {
	// Score is 0 (pure venting or abuse) … 1 (specific and actionable).
	Score float64
	// Reasons lists what counted, e.g. "aspect:delivery", "numbers",
	// "order-reference", "suggestion", "detailed", "abusive", "venting".
	Reasons []string
	// Constructive is Score >= 0.5.
	Constructive bool
}

// Suggestion cues, matched on the normalised (lower-case, ё→е, Lithuanian
// folded) word; multi-word cues match consecutive words.
var suggestionCues = map[Lang][]string{
	EN: {"should", "could you", "please add", "please make", "please fix", "please improve", "would be nice", "would be better",
		"would be great", "would help", "i suggest", "suggest", "suggestion", "recommend adding", "wish", "consider", "next time", "needs to", "need to", "ought to", "it'd be nice"},
	RU: {"стоит", "стоило", "следует", "следовало", "надо", "нужно", "хотелось бы", "добавьте", "сделайте", "исправьте", "улучшите",
		"предлагаю", "советую", "было бы", "лучше бы", "пожалуйста добавьте", "просьба", "рекомендую добавить", "в следующий раз"},
	LT: {"reiketu", "reikia", "turetu", "turetumete", "siulau", "siulyciau", "patarciau", "galetumete", "butu gerai", "butu puiku",
		"butu smagu", "pridekite", "patobulinkite", "pataisykite", "kita karta", "noreciau", "prasau"},
}

// orderCues are words that introduce an order or ticket reference.
var orderCues = map[string]bool{
	"order": true, "orders": true, "ticket": true, "invoice": true, "receipt": true, "tracking": true, "case": true, "#": true,
	"заказ": true, "заказа": true, "заказе": true, "заказу": true, "номер": true, "чек": true, "трек": true, "накладная": true,
	"uzsakymas": true, "uzsakymo": true, "uzsakyma": true, "uzsakyme": true, "numeris": true, "saskaita": true, "kvitas": true, "siuntos": true,
}

// Constructiveness scores how specific and actionable text is: mentions of
// aspects (+0.3, +0.1 for two or more), numbers or dates (+0.2), order or
// ticket references (+0.15), suggestions ("should", "please add", "стоит",
// "reikėtų": +0.3), detail (12 words or more: +0.15); abuse subtracts
// 0.6 × the toxicity score. Text with none of these is "venting".
func (a *Analyzer) Constructiveness(text string) Constructiveness {
	var out Constructiveness
	sc := getScratch()
	a.run(sc, text)
	aspects := map[Aspect]bool{}
	var order []Aspect
	for _, m := range sc.asp {
		if !aspects[m.Aspect] {
			aspects[m.Aspect] = true
			order = append(order, m.Aspect)
		}
	}
	words, nums := 0, 0
	orderRef, suggestion := false, false
	for si := range sc.sents {
		s := &sc.sents[si]
		cues := suggestionCues[s.lang]
		for i := s.t0; i < s.t1; i++ {
			t := &sc.toks[i]
			switch t.kind {
			case tkWord:
				words++
			case tkNum:
				nums++
				if i > s.t0 && orderCues[sc.norm(&sc.toks[i-1])] || len(sc.low(t)) >= 5 {
					orderRef = true
				}
				continue
			default:
				continue
			}
			w := sc.norm(t)
			if s.lang == LT {
				w = sc.foldLt(sc.low(t))
			}
			if orderCues[w] && i+1 < s.t1 && sc.toks[i+1].kind == tkNum {
				orderRef = true
			}
			for _, c := range cues {
				if cueAt(sc, s, i, c) {
					suggestion = true
				}
			}
		}
	}
	if strings.Contains(text, "#") {
		for i := range sc.toks {
			if sc.toks[i].kind == tkNum && sc.toks[i].start > 0 && text[sc.toks[i].start-1] == '#' {
				orderRef = true
			}
		}
	}
	putScratch(sc)
	score := 0.0
	for _, asp := range order {
		out.Reasons = append(out.Reasons, "aspect:"+string(asp))
	}
	if len(order) > 0 {
		score += 0.3
	}
	if len(order) > 1 {
		score += 0.1
	}
	if nums > 0 {
		score += 0.2
		out.Reasons = append(out.Reasons, "numbers")
	}
	if orderRef {
		score += 0.15
		out.Reasons = append(out.Reasons, "order-reference")
	}
	if suggestion {
		score += 0.3
		out.Reasons = append(out.Reasons, "suggestion")
	}
	if words >= 12 {
		score += 0.15
		out.Reasons = append(out.Reasons, "detailed")
	}
	if len(out.Reasons) == 0 {
		out.Reasons = append(out.Reasons, "venting")
	}
	if tox := a.Toxicity(text); tox.Score > 0 {
		score -= 0.6 * tox.Score
		out.Reasons = append(out.Reasons, "abusive")
	}
	out.Score = max(0, min(1, score))
	out.Constructive = out.Score >= 0.5
	return out
}

// cueAt reports whether the words of cue start at token i.
func cueAt(sc *scratch, s *sentRec, i int, cue string) bool {
	for k := 0; ; k++ {
		sp := strings.IndexByte(cue, ' ')
		w := cue
		if sp >= 0 {
			w = cue[:sp]
		}
		if i+k >= s.t1 {
			return false
		}
		t := &sc.toks[i+k]
		if t.kind != tkWord || sc.norm(t) != w && sc.stem(t) != w && !(len(w) > 4 && strings.HasPrefix(sc.norm(t), w)) {
			return false
		}
		if sp < 0 {
			return true
		}
		cue = cue[sp+1:]
	}
}
