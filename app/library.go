package app

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mediareview/app/store"
)

// libraryPanel lists the imported articles with their review progress, and
// opens, pastes, imports and deletes them.
type libraryPanel struct {
	m        *mainWindow
	all      []store.ArticleSummary
	shown    []store.ArticleSummary // those matching the search
	selected int64
	search   *widget.Entry
	list     *widget.List
	remove   *widget.Button
	syncing  bool // the list is being selected from code, not by a click
}

func newLibraryPanel(m *mainWindow) *libraryPanel {
	l := &libraryPanel{m: m}
	l.search = &widget.Entry{PlaceHolder: "Search the library"}
	l.search.ActionItem = widget.NewIcon(theme.SearchIcon())
	l.search.OnChanged = func(string) { l.refresh() }
	l.search.ExtendBaseWidget(l.search)
	l.list = widget.NewList(func() int { return len(l.shown) }, l.createItem, l.updateItem)
	l.list.OnSelected = l.onSelected
	l.remove = &widget.Button{Icon: theme.DeleteIcon(), Importance: widget.LowImportance, OnTapped: l.onDelete}
	l.remove.ExtendBaseWidget(l.remove)
	return l
}

func (l *libraryPanel) content() fyne.CanvasObject {
	open := &widget.Button{Text: "Open…", Icon: theme.FolderOpenIcon(), OnTapped: l.onOpen}
	paste := &widget.Button{Text: "Paste", Icon: theme.ContentPasteIcon(), OnTapped: l.onPaste}
	buttons := container.NewBorder(nil, nil, nil, l.remove, container.NewGridWithColumns(2, open, paste))
	heading := widget.NewLabelWithStyle("Library", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewBorder(container.NewVBox(heading, l.search), buttons, nil, nil, l.list)
}

func (l *libraryPanel) createItem() fyne.CanvasObject {
	title := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Truncation = fyne.TextTruncateEllipsis
	info := widget.NewLabel("")
	info.SizeName = theme.SizeNameCaptionText
	return container.NewVBox(title, info)
}

func (l *libraryPanel) updateItem(id widget.ListItemID, o fyne.CanvasObject) {
	a := l.shown[id]
	box := o.(*fyne.Container)
	box.Objects[0].(*widget.Label).SetText(a.Title)
	box.Objects[1].(*widget.Label).SetText(articleInfo(a))
}

// articleInfo is the line under a title: date and progress.
func articleInfo(a store.ArticleSummary) string {
	date := a.Published
	if date == "" {
		date = a.ImportedAt.Local().Format("2 Jan 2006")
	}
	switch {
	case a.Sentences == 0:
		return date + " · not analysed yet"
	case a.Reviewed >= a.Sentences:
		return fmt.Sprintf("%s · all %d reviewed", date, a.Sentences)
	}
	return fmt.Sprintf("%s · %d of %d reviewed", date, a.Reviewed, a.Sentences)
}

// load reads the library from the store again.
func (l *libraryPanel) load() {
	list, err := l.m.store.Articles(context.Background(), l.m.reviewer)
	if err != nil {
		l.m.showError("Cannot read the library", err)
		return
	}
	l.all = list
	l.refresh()
}

// refresh applies the search and keeps the open article selected.
func (l *libraryPanel) refresh() {
	q := strings.ToLower(strings.TrimSpace(l.search.Text))
	l.shown = l.shown[:0]
	for _, a := range l.all {
		if q == "" || strings.Contains(strings.ToLower(a.Title+" "+a.Byline+" "+a.Origin), q) {
			l.shown = append(l.shown, a)
		}
	}
	l.list.Refresh()
	l.markSelected()
}

func (l *libraryPanel) markSelected() {
	l.syncing = true
	defer func() { l.syncing = false }()
	for i, a := range l.shown {
		if a.ID == l.selected {
			l.list.Select(i)
			return
		}
	}
	l.list.UnselectAll()
}

// setCurrent marks the open article.
func (l *libraryPanel) setCurrent(id int64) {
	l.selected = id
	l.markSelected()
	l.remove.Enable()
}

// setProgress updates the open article's "n of m reviewed" without a query.
func (l *libraryPanel) setProgress(id int64, reviewed, total int) {
	for i := range l.all {
		if l.all[i].ID == id {
			l.all[i].Reviewed, l.all[i].Sentences = reviewed, total
		}
	}
	for i := range l.shown {
		if l.shown[i].ID == id {
			l.shown[i].Reviewed, l.shown[i].Sentences = reviewed, total
			l.list.RefreshItem(i)
		}
	}
}

func (l *libraryPanel) has(id int64) bool {
	for _, a := range l.all {
		if a.ID == id {
			return true
		}
	}
	return false
}

// first is the article listed first, if any.
func (l *libraryPanel) first() (int64, bool) {
	if len(l.all) == 0 {
		return 0, false
	}
	return l.all[0].ID, true
}

func (l *libraryPanel) onSelected(id widget.ListItemID) {
	if l.syncing || id >= len(l.shown) || l.shown[id].ID == l.selected {
		return
	}
	l.selected = l.shown[id].ID
	l.m.open(l.selected)
}
