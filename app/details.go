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
	d.sure = &widget.Label{Importance: widget.LowImportance}
	d.text = &widget.Label{Wrapping: fyne.TextWrapWord}
	d.reasons = container.NewVBox()
	d.source = &widget.Label{Wrapping: fyne.TextWrapWord}
	d.quotes = container.NewVBox()
	d.verdict = &widget.Label{Wrapping: fyne.TextWrapWord, TextStyle: fyne.TextStyle{Italic: true}}
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

// reasonLines lists the signals in plain words, one label per signal.
func reasonLines(s analysis.Sentence) []fyne.CanvasObject {
	if len(s.Signals) == 0 {
		return []fyne.CanvasObject{lowLabel(noSignals(s.Label))}
	}
	out := make([]fyne.CanvasObject, 0, len(s.Signals))
	for _, sig := range s.Signals {
		why := sig.Why
		if why == "" {
			why = strings.ReplaceAll(string(sig.Kind), "-", " ")
		}
		l := widget.NewRichText(
			&widget.TextSegment{Text: "“" + sig.Text + "” ", Style: widget.RichTextStyleStrong},
			&widget.TextSegment{Text: strings.ReplaceAll(string(sig.Kind), "-", " ") + ": ", Style: widget.RichTextStyle{
				Inline: true, ColorName: theme.ColorNamePrimary, TextStyle: fyne.TextStyle{Italic: true}}},
			&widget.TextSegment{Text: why, Style: widget.RichTextStyleInline},
		)
		l.Wrapping = fyne.TextWrapWord
		out = append(out, l)
	}
	return out
}

func noSignals(l analysis.Label) string {
	if l == analysis.LabelReported {
		return "No words of judgement or attribution: a plain statement of fact."
	}
	return "No signal words found."
}

func sourceLine(s analysis.Sentence) string {
	switch {
	case s.Source == "" && s.Cue == "":
		return "None: the writer's own words."
	case s.Cue == "":
		return s.Source
	case s.Source == "":
		return "cue: “" + s.Cue + "”"
	}
	return fmt.Sprintf("%s · cue: “%s”", s.Source, s.Cue)
}

func quoteLines(qs []analysis.Quote) []fyne.CanvasObject {
	if len(qs) == 0 {
		return []fyne.CanvasObject{lowLabel("No quotation in this sentence.")}
	}
	out := make([]fyne.CanvasObject, 0, len(qs))
	for _, q := range qs {
		speaker := q.Speaker
		if speaker == "" {
			speaker = "no speaker"
		}
		meta := []string{string(q.Kind)}
		if q.Mention != "" && q.Mention != q.Speaker {
			meta = append(meta, "named as “"+q.Mention+"”")
		}
		if q.Cue != "" {
			meta = append(meta, "cue “"+q.Cue+"”")
		}
		l := widget.NewRichText(
			&widget.TextSegment{Text: "“" + q.Text + "”", Style: widget.RichTextStyle{Inline: true, TextStyle: fyne.TextStyle{Italic: true}}},
			&widget.TextSegment{Text: " — " + speaker, Style: widget.RichTextStyleStrong},
			&widget.TextSegment{Text: " (" + strings.Join(meta, ", ") + ")", Style: widget.RichTextStyleInline},
		)
		l.Wrapping = fyne.TextWrapWord
		out = append(out, l)
	}
	return out
}

func verdictLine(s analysis.Sentence, v *review.Verdict) string {
	if v == nil {
		return "Not reviewed yet: A agrees, D disagrees, 1–4 relabels."
	}
	var b strings.Builder
	switch {
	case v.Label != "":
		fmt.Fprintf(&b, "You relabelled it %s (the machine said %s).", widgets.LabelName(v.Label), widgets.LabelName(s.Label))
	case v.Decision == review.Agree:
		b.WriteString("You agree with the machine.")
	default:
		b.WriteString("You disagree with the machine.")
	}
	if v.Speaker != "" {
		fmt.Fprintf(&b, " Speaker: %s.", v.Speaker)
	}
	return b.String()
}

func lowLabel(text string) *widget.Label {
	return &widget.Label{Text: text, Importance: widget.LowImportance, Wrapping: fyne.TextWrapWord}
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
