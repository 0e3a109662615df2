package app

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"mediareview/app/importer"
)

// How articles come into the library and leave it: Open…, Paste, a drop
// on the window, and Delete.

// onOpen asks for files to import and opens the last one.
func (l *libraryPanel) onOpen() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			l.m.showError("Cannot open the file", err)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		l.m.importAndOpen([]string{path})
	}, l.m.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".txt", ".md", ".markdown", ".html", ".htm", ".mrexercise"}))
	d.Resize(fyne.NewSize(760, 520))
	d.Show()
}

// onPaste asks for an article's text and adds it to the library.
func (l *libraryPanel) onPaste() {
	text := widget.NewMultiLineEntry()
	text.Wrapping = fyne.TextWrapWord
	text.SetPlaceHolder("Paste the article here: headline on the first line.")
	text.SetText(l.m.app.Clipboard().Content())
	d := dialog.NewCustomConfirm("Paste as a new article", "Add to library", "Cancel", text, func(ok bool) {
		if ok {
			l.m.addPasted(text.Text)
		}
	}, l.m.win)
	d.Resize(fyne.NewSize(720, 480))
	d.Show()
}

func (m *mainWindow) addPasted(text string) {
	a, err := importer.Parse("", text)
	if err == nil {
		a.Origin = "pasted"
		var id int64
		if id, err = m.addArticle(a); err == nil {
			m.library.load()
			m.open(id)
			return
		}
	}
	m.showError("Cannot add the pasted text", err)
}

// onDelete removes the selected article after asking.
func (l *libraryPanel) onDelete() {
	id := l.selected
	if id == 0 {
		return
	}
	title := "this article"
	for _, a := range l.all {
		if a.ID == id {
			title = "“" + a.Title + "”"
		}
	}
	msg := fmt.Sprintf("Delete %s from the library, with every verdict given on it? This cannot be undone.", title)
	dialog.ShowConfirm("Delete the article?", msg, func(ok bool) {
		if !ok {
			return
		}
		if err := l.m.store.DeleteArticle(context.Background(), id); err != nil {
			l.m.showError("Cannot delete the article", err)
			return
		}
		l.m.closeArticle(id)
		l.load()
	}, l.m.win)
}

// onDropped imports files dropped on the window.
func (m *mainWindow) onDropped(_ fyne.Position, uris []fyne.URI) {
	var paths []string
	for _, u := range uris {
		if u.Scheme() == "file" {
			paths = append(paths, u.Path())
		}
	}
	if len(paths) > 0 {
		m.importAndOpen(paths)
	}
}
