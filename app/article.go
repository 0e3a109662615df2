package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"mediareview/analysis"
	"mediareview/app/review"
	"mediareview/widgets"
)

// articlePanel shows the article sentence by sentence in a virtualised
// list, or what is happening while it is being opened.
type articlePanel struct {
	m     *mainWindow
	list  *widgets.SentenceList
	rows  []widgets.RowData // by sentence index, built once per session
	width float32

	busyText *widget.Label
	busyBar  *widget.ProgressBar
	busyLoop *widget.ProgressBarInfinite
	message  *widget.Label
	stack    *fyne.Container
}

func newArticlePanel(m *mainWindow) *articlePanel {
	p := &articlePanel{m: m}
	p.list = p.newList()
	p.busyText = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{})
	p.busyBar = widget.NewProgressBar()
	p.busyLoop = widget.NewProgressBarInfinite()
	p.message = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{})
	busy := container.NewCenter(container.NewVBox(p.busyText, container.NewGridWrap(fyne.NewSize(320, 24), container.NewStack(p.busyBar, p.busyLoop))))
	p.stack = container.NewStack(p.list, busy, container.NewCenter(p.message))
	p.showMessage("")
	return p
}

func (p *articlePanel) content() fyne.CanvasObject { return p.stack }

// newList makes an empty sentence list. A list whose heights are set
// before it is first drawn takes them at no cost, while setting them on a
// drawn list relayouts it each time: so every article, and every new width
// of a long one, gets a fresh list.
func (p *articlePanel) newList() *widgets.SentenceList {
	l := widgets.NewSentenceList(p.length, p.createItem, p.updateItem)
	l.OnSelected = p.onSelected
	l.OnWidth = p.onWidth
	l.OnKey = p.m.onKey
	l.OnShortcut = p.m.onShortcut
	return l
}

// replaceList swaps in a fresh list sized for the current width.
func (p *articlePanel) replaceList() {
	focused := p.m.win.Canvas().Focused() == p.list
	l := p.newList()
	p.list = l
	p.setHeights()
	p.stack.Objects[0] = l
	p.stack.Refresh()
	if focused {
		p.m.win.Canvas().Focus(l)
	}
}

func (p *articlePanel) show(which int) {
	for i, o := range p.stack.Objects {
		if i == which {
			o.Show()
		} else {
			o.Hide()
		}
	}
	p.stack.Refresh()
}

func (p *articlePanel) showList() { p.show(0) }

// showBusy shows a progress bar: done from 0 to 1, or below 0 when the
// amount of work is unknown.
func (p *articlePanel) showBusy(text string, done float64) {
	p.busyText.SetText(text)
	p.busyBar.Hidden, p.busyLoop.Hidden = done < 0, done >= 0
	if done >= 0 {
		p.busyBar.SetValue(done)
		p.busyLoop.Stop()
	} else {
		p.busyLoop.Start()
	}
	p.show(1)
}

func (p *articlePanel) showMessage(text string) {
	p.busyLoop.Stop()
	p.message.SetText(text)
	p.show(2)
}

// setSession shows a newly opened article.
func (p *articlePanel) setSession(s *review.Session) {
	p.busyLoop.Stop()
	p.rows = buildRows(s.Result())
	p.replaceList()
	p.showList()
	p.refresh()
	p.m.win.Canvas().Focus(p.list)
}

// buildRows prepares every sentence's row once: quotes are matched to
// sentences in one pass.
func buildRows(res *analysis.Result) []widgets.RowData {
	quotes := make([][]analysis.Quote, len(res.Sentences))
	for _, q := range res.Quotes {
		for _, i := range q.Sentences {
			if i >= 0 && i < len(quotes) {
				quotes[i] = append(quotes[i], q)
			}
		}
	}
	rows := make([]widgets.RowData, len(res.Sentences))
	for i, s := range res.Sentences {
		rows[i] = widgets.NewRowData(s, quotes[i])
		rows[i].ParagraphStart = i == 0 || s.Paragraph != res.Sentences[i-1].Paragraph
	}
	return rows
}

func (p *articlePanel) length() int {
	if p.m.session == nil {
		return 0
	}
	return p.m.session.Rows()
}

func (p *articlePanel) createItem() fyne.CanvasObject { return widgets.NewSentenceRow() }

func (p *articlePanel) updateItem(id widget.ListItemID, o fyne.CanvasObject) {
	s := p.m.session
	if s == nil || id >= s.Rows() {
		return
	}
	o.(*widgets.SentenceRow).SetData(p.rowData(s.Row(id)))
}

// rowData is sentence i's row with the reviewer's verdict and the selection.
func (p *articlePanel) rowData(i int) widgets.RowData {
	s := p.m.session
	d := p.rows[i]
	v := s.Verdict(i)
	d.Label = review.LabelOf(s.Sentence(i), v)
	d.Selected = i == s.Current()
	if v != nil {
		d.Verdict = widgets.VerdictAgree
		if v.Decision == review.Disagree {
			d.Verdict = widgets.VerdictDisagree
		}
		d.Speaker, d.Note = v.Speaker, v.Note
	}
	return d
}

func (p *articlePanel) onWidth(w float32) {
	if w == p.width {
		return
	}
	p.width = w
	if p.length() <= directResize {
		p.setHeights()
		return
	}
	after(0, func() { // not while the old list is being laid out
		if p.width == w {
			p.replaceList()
			p.selectCurrent()
		}
	})
}

// directResize is how many rows a drawn list can be resized in place
// without a visible pause.
const directResize = 200

// resizeRows sizes the rows again after the filter changed.
func (p *articlePanel) resizeRows() {
	if p.length() <= directResize {
		p.setHeights()
		return
	}
	p.replaceList()
}

// setHeights tells the list how tall each wrapped row is at this width.
func (p *articlePanel) setHeights() {
	for r := 0; r < p.length(); r++ {
		p.resizeRow(r)
	}
}

func (p *articlePanel) resizeRow(r int) {
	if p.width <= 0 {
		return
	}
	d := p.rowData(p.m.session.Row(r))
	p.list.SetItemHeight(r, widgets.RowHeight(p.list.Theme(), &d, p.width))
}

// refresh redraws the rows and scrolls to the current sentence.
func (p *articlePanel) refresh() {
	p.list.Refresh()
	p.selectCurrent()
}

// selectCurrent scrolls the session's sentence into view. The row draws
// its own selection, so the list's grey one, which would hide the label's
// tint, is never left on.
func (p *articlePanel) selectCurrent() {
	s := p.m.session
	if s == nil {
		return
	}
	if r := s.RowOf(s.Current()); r >= 0 {
		p.list.ScrollTo(r)
	}
}

// moved redraws the rows that changed when the selection moved or a
// verdict was given: from and to are sentence indices.
func (p *articlePanel) moved(from, to int) {
	s := p.m.session
	for _, i := range []int{from, to} {
		if r := s.RowOf(i); r >= 0 {
			p.resizeRow(r)
			p.list.RefreshItem(r)
		}
	}
	p.selectCurrent()
}

// onSelected takes a click on a row as the new current sentence.
func (p *articlePanel) onSelected(id widget.ListItemID) {
	p.list.Unselect(id)
	s := p.m.session
	if s == nil || id >= s.Rows() {
		return
	}
	from := s.Current()
	s.Select(s.Row(id))
	p.m.afterMove(from)
}
