package app

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mediareview/analysis"
	"mediareview/app/review"
	"mediareview/widgets"
)

// detailsPanel explains the selected sentence (label, confidence, the
// signals with their why, source and cue, quotes) and takes the
// reviewer's verdict on it.
type detailsPanel struct {
	m *mainWindow

	chip     *widgets.LabelChip
	heading  *widget.Label
	sure     *widget.Label
	text     *widget.Label
	reasons  *fyne.Container
	source   *widget.Label
	quotes   *fyne.Container
	verdict  *widget.Label
	agree    *widget.Button
	disagree *widget.Button
	relabel  []*widget.Button
	speaker  *widgets.Entry
	note     *widgets.Entry
	body     *fyne.Container
	empty    *widget.Label
	root     fyne.CanvasObject
}

func newDetailsPanel(m *mainWindow) *detailsPanel {
	d := &detailsPanel{m: m, chip: widgets.NewLabelChip("")}
	d.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	d.heading.Truncation = fyne.TextTruncateEllipsis // a long heading must not widen the panel
	d.sure = &widget.Label{TextStyle: fyne.TextStyle{Italic: true}}
	d.text = &widget.Label{Wrapping: fyne.TextWrapWord}
	d.reasons = container.NewVBox()
	d.source = &widget.Label{Wrapping: fyne.TextWrapWord}
	d.quotes = container.NewVBox()
	d.verdict = lowLabel("")
	d.agree = &widget.Button{Text: "Agree  (A)", Icon: theme.ConfirmIcon(),
		OnTapped: func() { m.decide((*review.Session).Agree) }}
	d.disagree = &widget.Button{Text: "Disagree  (D)", Icon: theme.CancelIcon(),
		OnTapped: func() { m.decide((*review.Session).Disagree) }}
	for k, l := range analysis.Labels {
		b := &widget.Button{Text: fmt.Sprintf("%d  %s", k+1, widgets.LabelName(l)), Icon: widgets.LabelIcon(l),
			Alignment: widget.ButtonAlignLeading, OnTapped: func() { m.relabel(l) }}
		d.relabel = append(d.relabel, b)
	}
	d.speaker = widgets.NewEntry("Who really speaks? Enter to save")
	d.speaker.OnSubmitted = func(s string) { m.correctSpeaker(s) }
	d.speaker.OnEscape = m.focusArticle
	d.note = widgets.NewEntry("A note on this sentence; Enter to save")
	d.note.OnSubmitted = func(s string) { m.saveNote(s) }
	d.note.OnEscape = m.focusArticle
	d.empty = widget.NewLabelWithStyle("Select a sentence to see why it got its label.", fyne.TextAlignCenter, fyne.TextStyle{Italic: true})
	d.empty.Truncation = fyne.TextTruncateEllipsis
	return d
}

func (d *detailsPanel) content() fyne.CanvasObject {
	head := container.NewBorder(nil, nil, d.chip, d.sure, d.heading)
	relabels := make([]fyne.CanvasObject, len(d.relabel))
	for i, b := range d.relabel {
		relabels[i] = b
	}
	d.body = container.NewVBox(
		head, d.text,
		section("Why"), d.reasons,
		section("Source"), d.source,
		section("Quotes"), d.quotes,
		widget.NewSeparator(),
		section("Your verdict"), d.verdict,
		container.NewGridWithColumns(2, d.agree, d.disagree),
		widget.NewLabelWithStyle("Relabel as", fyne.TextAlignLeading, fyne.TextStyle{}),
		container.NewGridWithColumns(2, relabels...),
		widget.NewLabel("Speaker or source"), d.speaker,
		widget.NewLabel("Note"), d.note,
	)
	d.root = container.NewStack(container.NewVScroll(container.NewPadded(d.body)), container.NewVBox(d.empty))
	return d.root
}

func section(title string) fyne.CanvasObject {
	return widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// refresh shows the session's current sentence.
func (d *detailsPanel) refresh() {
	s := d.m.session
	if s == nil || s.Current() < 0 {
		d.body.Hidden, d.empty.Hidden = true, false
		d.body.Refresh()
		d.empty.Refresh()
		return
	}
	d.body.Hidden, d.empty.Hidden = false, true
	i := s.Current()
	sen := s.Sentence(i)
	v := s.Verdict(i)
	d.chip.SetLabel(sen.Label)
	d.heading.SetText(fmt.Sprintf("Sentence %d of %d · %s", i+1, len(s.Result().Sentences), widgets.LabelName(sen.Label)))
	d.sure.SetText(fmt.Sprintf("%.0f%% sure", sen.Confidence*100))
	d.text.SetText(strings.TrimSpace(sen.Text))
	d.reasons.Objects = reasonLines(sen)
	d.reasons.Refresh()
	d.source.SetText(sourceLine(sen))
	d.quotes.Objects = quoteLines(s.Quotes(i))
	d.quotes.Refresh()
	d.verdict.SetText(verdictLine(sen, v))
	d.refreshInputs(s.MachineSpeaker(i), v)
	d.refreshButtons(v)
	d.body.Refresh()
}

// refreshButtons marks the reviewer's current verdict among the buttons.
func (d *detailsPanel) refreshButtons(v *review.Verdict) {
	mark := func(b *widget.Button, on bool) {
		imp := widget.MediumImportance
		if on {
			imp = widget.HighImportance
		}
		if b.Importance != imp {
			b.Importance = imp
			b.Refresh()
		}
	}
	mark(d.agree, v != nil && v.Decision == review.Agree)
	mark(d.disagree, v != nil && v.Decision == review.Disagree && v.Label == "")
	for k, l := range analysis.Labels {
		mark(d.relabel[k], v != nil && v.Label == l)
	}
}

func (d *detailsPanel) refreshInputs(machineSpeaker string, v *review.Verdict) {
	d.speaker.SetPlaceHolder("Who really speaks? Enter to save")
	speaker, note := "", ""
	if machineSpeaker != "" {
		d.speaker.SetPlaceHolder(machineSpeaker + " (machine)")
	}
	if v != nil {
		speaker, note = v.Speaker, v.Note
		d.note.Enable()
	} else {
		d.note.Disable()
	}
	d.speaker.SetText(speaker)
	d.note.SetText(note)
}

// correctSpeaker and saveNote keep the reviewer's typing on the sentence.
func (m *mainWindow) correctSpeaker(name string) {
	m.edit(func(s *review.Session) error { return s.SetSpeaker(strings.TrimSpace(name)) })
}

func (m *mainWindow) saveNote(note string) {
	m.edit(func(s *review.Session) error { return s.SetNote(strings.TrimSpace(note)) })
}

func (m *mainWindow) edit(change func(*review.Session) error) {
	if m.session == nil || !m.haveReviewer() {
		return
	}
	err := change(m.session)
	if errors.Is(err, review.ErrNoVerdict) {
		m.showProblem("Give a verdict first", "Agree or disagree with the label before adding a note.")
		return
	}
	if err != nil {
		m.showError("Cannot save the verdict", err)
		return
	}
	i := m.session.Current()
	m.article.moved(i, i)
	m.details.refresh()
	m.top.refreshProgress()
	m.focusArticle()
}
