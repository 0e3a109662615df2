package analysis

import (
	"math"
	"strings"
)

// opinionWeights says how far each kind of signal moves a sentence towards
// the writer's opinion, per unit of the signal's own weight, and the most a
// kind can add however often it occurs. The numbers are set by hand: the
// writer speaking as themself or telling readers what ought to happen weighs
// most; hedges and superlatives less, since reports use them for facts ("the
// largest city", "may rain"); a question alone is not enough, since writers
// ask questions to introduce facts too ("Why did the bridge close?").
var opinionWeights = [...]struct {
	kind      SignalKind
	per, most float64
}{
	{SignalEvaluative, 1.0, 2.0},
	{SignalLoaded, 1.0, 2.0},
	{SignalIntensifier, 0.7, 1.4},
	{SignalHedge, 0.6, 1.0},
	{SignalFirstPerson, 1.6, 1.8},
	{SignalModal, 1.6, 1.8},
	{SignalSuperlative, 0.7, 1.2},
	{SignalRhetorical, 0.45, 0.6},
	{SignalScareQuote, 0.5, 1.0},
	{SignalLoadedAttribution, 0.3, 0.3},
	{SignalVagueSource, 0.3, 0.3},
}

// The pull of plain reporting: a sentence must hold enough signs of the
// writer's voice to overcome it, and numbers, names and report anchors add
// to it because they are what checkable statements are made of. Set by hand
// and checked on news sentences labelled subjective or objective.
const (
	opinionBias  = -0.6
	numberPull   = 0.35 // per word holding a digit
	numberMost   = 1.05
	namePull     = 0.06 // per capitalised word not first in the sentence
	nameMost     = 0.6
	anchorPull   = 0.4 // per unit weight of a report anchor ("yesterday", "percent")
	anchorMost   = 0.8
	strongAnchor = 0.5 // an anchor this strong ("yesterday", not "was") anchors a sentence alone
	opinionScale = 1.5 // how fast confidence grows with the score
	// unanchored is the push towards opinion of a sentence with no number
	// and no name at all: a report is anchored in who, where and how many.
	unanchored = 0.35
)

// opinion says whether the sentence text[start:end], with the signals found
// in it, is the writer's opinion, and how sure that is (0–1).
func (w *writerVoice) opinion(text string, start, end int, sigs []Signal) (bool, float64) {
	start, end = clampSpan(text, start, end)
	score := opinionBias + w.voiceScore(sigs) - w.factScore(text, start, end, sigs) - w.plainFirstPerson(text, sigs)
	p := 1 / (1 + math.Exp(-opinionScale*score))
	return score > 0, math.Max(p, 1-p)
}

// voiceScore adds up the signals, each kind capped so one long list of
// adjectives does not outweigh everything else.
func (w *writerVoice) voiceScore(sigs []Signal) float64 {
	var sum [len(opinionWeights)]float64
	for _, s := range sigs {
		for k, o := range opinionWeights {
			if o.kind == s.Kind {
				sum[k] += o.per * w.weightOf(s)
			}
		}
	}
	total := 0.0
	for k, v := range sum {
		total += math.Min(v, opinionWeights[k].most)
	}
	return total
}

// factScore measures the pull of the numbers, names and report anchors of
// the sentence (capitalised signal words such as "I" are not names); a
// sentence with none of them is pushed the other way.
func (w *writerVoice) factScore(text string, start, end int, sigs []Signal) float64 {
	sc := w.scratch.Get().(*voiceScan)
	defer w.scratch.Put(sc)
	sc.scan(text, start, end, nil)
	numbers, names, anchors, anchored := 0.0, 0.0, 0.0, false
	for i := 0; i < len(sc.toks); i++ {
		t := sc.toks[i]
		switch {
		case t.digit:
			numbers += numberPull
			anchored = true
		case t.upper && i > 0 && t.joined && !isSignalAt(sigs, t.start):
			names += namePull
			anchored = true
		}
		if a, n := w.match(sc, text, i); n > 0 && a.kind == reportAnchor {
			anchors += anchorPull * a.weight
			anchored = anchored || a.weight >= strongAnchor
			i += n - 1
		}
	}
	pull := math.Min(numbers, numberMost) + math.Min(names, nameMost) + math.Min(anchors, anchorMost)
	if !anchored {
		pull -= unanchored
	}
	return pull
}

func isSignalAt(sigs []Signal, start int) bool {
	for _, s := range sigs {
		if s.Start == start {
			return true
		}
	}
	return false
}

// weightOf looks a signal's words up again to find its weight; signals the
// lists do not hold ("most reckless", the pipeline's own kinds) count in
// full.
func (w *writerVoice) weightOf(s Signal) float64 {
	var buf [64]byte
	key := buf[:0]
	space := false
	for i := 0; i < len(s.Text) && len(key) < len(buf); i++ {
		c := s.Text[i]
		switch {
		case isSpaceByte(c):
			space = len(key) > 0
			continue
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case c == 0xE2 && strings.HasPrefix(s.Text[i:], "’"):
			c, i = '\'', i+2
		}
		if space {
			key = append(key, ' ')
			space = false
		}
		key = append(key, c)
	}
	if t, ok := w.lex.terms[string(key)]; ok && t.kind == s.Kind {
		return t.weight
	}
	return 1
}

// firstPersonAlone is what first person weighs when it is the only sign of
// the writer's voice and it tells what the writer did or has done: "I have
// lived here for eleven years", "We visited the site in May" are checkable
// facts; "I think the plan is rushed", "We deserve better" are not.
const firstPersonAlone = 0.0

// narrative are the words after "I" or "we" that tell what happened: past
// and perfect forms (and any word ending in -ed).
var narrative = wordSet(`was were did went found saw met spent grew came left took made got began wrote spoke
heard sent gave ran sat stood lost won paid bought brought taught told been known seen done given taken written`)

// perfectAux are the auxiliaries that narrate only before a participle:
// "I have lived", not "we have traditional images".
var perfectAux = wordSet(`have has had 've 'd`)

// narrated says whether the words after a first-person subject that ends at
// i tell what the writer did: "I moved", "we have lived", "I was".
func narrated(text string, i int) bool {
	next, end := nextWord(text, i)
	if perfectAux[next] {
		next, _ = nextWord(text, end)
	}
	return narrative[next] || len(next) > 4 && strings.HasSuffix(next, "ed")
}

// plainFirstPerson returns how much of the first person's weight to take
// back when it stands alone and every "I" or "we" in the sentence narrates
// (see firstPersonAlone).
func (w *writerVoice) plainFirstPerson(text string, sigs []Signal) float64 {
	var fp float64
	subjects, told := 0, 0 // "I" and "we", and those of them that narrate
	for _, s := range sigs {
		switch s.Kind {
		case SignalFirstPerson:
			fp += w.weightOf(s) * opinionWeights[firstPersonKind].per
			if subject := strings.ToLower(s.Text); subject == "i" || subject == "we" {
				subjects++
				if narrated(text, s.End) {
					told++
				}
			}
		case SignalVagueSource, SignalAnonymousSource, SignalLoadedAttribution:
		default:
			return 0
		}
	}
	if subjects == 0 || told < subjects {
		return 0 // "I moved here in 2010, so I will not pretend …" still argues
	}
	fp = math.Min(fp, opinionWeights[firstPersonKind].most)
	return math.Max(fp-firstPersonAlone, 0)
}

// firstPersonKind is the index of first person in opinionWeights.
const firstPersonKind = 4

// nextWord returns the lower-case word that follows offset i, skipping
// -ly adverbs, "not" and "also" ("we truly believed"), and where it ends.
func nextWord(text string, i int) (string, int) {
	for skip := 0; skip < 3; skip++ {
		for i < len(text) && isSpaceByte(text[i]) {
			i++
		}
		j := i
		for j < len(text) && !isSpaceByte(text[j]) && text[j] != ',' && text[j] != '.' && text[j] != ';' {
			j++
		}
		word := strings.ToLower(strings.ReplaceAll(text[i:j], "’", "'"))
		if !strings.HasSuffix(word, "ly") && word != "not" && word != "also" || skip == 2 {
			return word, j
		}
		i = j
	}
	return "", i
}
