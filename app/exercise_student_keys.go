package app

import (
	"fyne.io/fyne/v2"

	"mediareview/analysis"
)

// onKey is the review window's keyboard flow: J/K move, 1–4 label,
// N the next question not answered, Enter names the speaker.
func (s *studentScreen) onKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeyJ, fyne.KeyDown:
		s.selectSentence(s.current + 1)
	case fyne.KeyK, fyne.KeyUp:
		s.selectSentence(s.current - 1)
	case fyne.KeyN:
		s.selectSentence(s.nextOpen())
	case fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4:
		s.setLabel(analysis.Labels[e.Name[0]-'1'])
	case fyne.KeyBackspace, fyne.KeyDelete, fyne.Key0:
		s.setLabel("")
	case fyne.KeyReturn, fyne.KeyEnter:
		if len(s.entries) > 0 {
			s.win.Canvas().Focus(s.entries[0])
		}
	case fyne.KeyF1:
		s.showKeys()
	}
}

// nextOpen is the next sentence after the current one with a question
// left open, or the current one when none is.
func (s *studentScreen) nextOpen() int {
	n := len(s.ex.Sentences)
	for step := 1; step <= n; step++ {
		i := (s.current + step) % n
		if s.open(i) {
			return i
		}
	}
	return s.current
}

func (s *studentScreen) open(i int) bool {
	if s.ex.Manifest.Settings.Ask.Labels() && s.sub.Label(i) == "" {
		return true
	}
	if s.ex.Manifest.Settings.Ask.Speakers() {
		for _, q := range s.quotesOf[i] {
			if s.sub.Speaker(q) == "" {
				return true
			}
		}
	}
	return false
}

func (s *studentScreen) selectSentence(i int) {
	if i < 0 || i >= len(s.ex.Sentences) {
		return
	}
	from := s.current
	s.current = i
	s.list.RefreshItem(from)
	s.list.RefreshItem(i)
	s.list.Select(i)
	s.refreshDetails()
}

// setLabel records the student's label for the current sentence, saves
// and moves on.
func (s *studentScreen) setLabel(l analysis.Label) {
	if s.sub.Submitted() || !s.ex.Manifest.Settings.Ask.Labels() {
		return
	}
	s.undo = append(s.undo, labelChange{s.current, s.sub.Label(s.current)})
	s.sub.SetLabel(s.current, l)
	s.save()
	s.resizeRow(s.current)
	s.list.RefreshItem(s.current)
	if l != "" && s.current+1 < len(s.ex.Sentences) {
		s.selectSentence(s.current + 1)
		return
	}
	s.refreshDetails()
}

func (s *studentScreen) setSpeaker(q int, name string) {
	if s.sub.Submitted() {
		return
	}
	s.sub.SetSpeaker(q, name)
	s.save()
	s.resizeRow(s.current)
	s.list.RefreshItem(s.current)
	s.refreshStatus()
}

// labelChange is a label as it was before the student changed it.
type labelChange struct {
	sentence int
	was      analysis.Label
}

// onShortcut runs Ctrl+Z, from the canvas or the list.
func (s *studentScreen) onShortcut(sc fyne.Shortcut) {
	switch sc.ShortcutName() {
	case shortcutUndo.ShortcutName(), (&fyne.ShortcutUndo{}).ShortcutName():
		s.undoLabel()
	}
}

// undoLabel puts back the label the last change replaced, until the sheet
// is handed in.
func (s *studentScreen) undoLabel() {
	if s.sub.Submitted() || len(s.undo) == 0 {
		return
	}
	c := s.undo[len(s.undo)-1]
	s.undo = s.undo[:len(s.undo)-1]
	s.sub.SetLabel(c.sentence, c.was)
	s.save()
	s.resizeRow(c.sentence)
	s.list.RefreshItem(c.sentence)
	s.selectSentence(c.sentence)
}
