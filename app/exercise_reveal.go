package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"mediareview/app/classroom"
	"mediareview/widgets"
)

// refreshReveal shows, after handing in, the key and the machine's
// reasons for the current sentence and the score, as the teacher allowed.
func (s *studentScreen) refreshReveal() {
	s.reveal.RemoveAll()
	if !s.sub.Submitted() {
		return
	}
	if !s.revealed() {
		s.reveal.Add(lowLabel("Handed in. Your teacher will go through the answers."))
		return
	}
	if sc := s.score; sc != nil {
		s.reveal.Add(&widget.Label{Text: scoreLine(*sc, s.ex.Manifest.Settings.Ask), TextStyle: fyne.TextStyle{Bold: true}, Wrapping: fyne.TextWrapWord})
	}
	k := s.ex.Sentences[s.current]
	switch {
	case !s.ex.Manifest.Settings.Ask.Labels():
	case !k.Graded():
		s.reveal.Add(lowLabel("This sentence is not marked: your teacher left it open."))
	default:
		mark, yours := "✗", "nothing"
		if l := s.sub.Label(s.current); l != "" {
			yours = widgets.LabelName(l)
			if l == k.Label {
				mark = "✓"
			}
		}
		s.reveal.Add(&widget.Label{Text: fmt.Sprintf("%s You said %s. Key: %s (%s)", mark, yours, widgets.LabelName(k.Label), keyFromWords(k.From)),
			Wrapping: fyne.TextWrapWord})
	}
	if s.ex.Manifest.Settings.Ask.Speakers() {
		for _, q := range s.quotesOf[s.current] {
			kq := s.ex.Quotes[q]
			mark := "✗"
			if classroom.SpeakerMatches(s.sub.Speaker(q), kq.Speaker) {
				mark = "✓"
			}
			s.reveal.Add(&widget.Label{Text: fmt.Sprintf("%s “%s” — %s", mark, s.ex.QuoteText(q), kq.Speaker), Wrapping: fyne.TextWrapWord})
		}
	}
	if s.ex.Manifest.Settings.ShowReasons {
		m := s.machineSentence(s.current)
		s.reveal.Add(lowLabel("The machine said " + widgets.LabelName(m.Label) + ", because:"))
		for _, o := range reasonLines(m) {
			s.reveal.Add(o)
		}
	}
}

func keyFromWords(f classroom.KeyFrom) string {
	if f == classroom.FromTeacher {
		return "your teacher's answer"
	}
	return "the machine's answer, kept by your teacher"
}

func scoreLine(sc classroom.StudentScore, ask classroom.Ask) string {
	var parts []string
	if ask.Labels() {
		parts = append(parts, fmt.Sprintf("%d of %d sentences right (%.0f%%)", sc.Correct, sc.Graded, sc.Percent))
	}
	if ask.Speakers() {
		parts = append(parts, fmt.Sprintf("%d of %d speakers right", sc.SpeakersRight, sc.SpeakersAsked))
	}
	return "Your score: " + strings.Join(parts, ", ")
}
