package sentiment

// Verdict is the sentiment of a review from its stars and its text.
type Verdict struct {
	Label      Label
	Negativity float64 // 0 … 1
	Mixed      bool    // stars and text disagree, or the text praises and complains
	Reason     string  // a short English explanation
}

// CombineStars merges a star rating (1–5; 0 = no stars) with the text's
// Score.
//
//   - No stars: the text decides.
//   - 1–2★: negative, whatever the text says; Negativity is at least 0.8
//     (1★) or 0.6 (2★), so a 1★ "ok" is a negative review. Clearly positive
//     text (Compound ≥ 0.5) makes it Mixed (a wrong star or sarcasm).
//   - 3★: the text decides the label; Negativity is at least 0.3 (three
//     stars is a lukewarm review) unless the text is positive.
//   - 4–5★: positive, with the text's Negativity kept; Mixed when the text
//     has a negative aspect or a Negativity of 0.3 or more ("terrible
//     delivery but great product"). Strongly negative text (Compound ≤ -0.5)
//     wins over the stars: Negative and Mixed.
func CombineStars(stars float64, s Score) Verdict {
	v := Verdict{Label: s.Label, Negativity: s.Negativity}
	negAspect := false
	for _, m := range s.Aspects {
		if m.Polarity <= -0.3 {
			negAspect = true
		}
	}
	switch {
	case stars <= 0:
		v.Reason = "no rating: text decides"
		v.Mixed = s.Negativity >= 0.3 && s.Compound > 0
	case stars < 2.5:
		floor := 0.8
		if stars >= 1.5 {
			floor = 0.6
		}
		v.Label = Negative
		v.Negativity = max(s.Negativity, floor)
		v.Reason = "low rating"
		if s.Compound >= 0.5 {
			v.Mixed = true
			v.Reason = "low rating with positive text"
		}
	case stars < 3.5:
		v.Reason = "middle rating: text decides"
		if s.Label != Positive {
			v.Negativity = max(s.Negativity, 0.3)
		}
		v.Mixed = s.Negativity >= 0.3 && s.Compound > 0 || negAspect && s.Compound > 0
	default:
		v.Label = Positive
		v.Reason = "high rating"
		switch {
		case s.Compound <= -0.5:
			v.Label = Negative
			v.Mixed = true
			v.Reason = "high rating with clearly negative text"
		case negAspect || s.Negativity >= 0.3:
			v.Mixed = true
			v.Reason = "high rating with complaints in the text"
		}
	}
	return v
}
