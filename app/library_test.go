package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"mediareview/app/cli"
)

func TestPasteAddsAndOpens(t *testing.T) {
	m, w := newTestWindow(t)
	m.start(cli.Window{Reviewer: "kim"})
	n := len(m.library.all)
	m.addPasted("Tram line to reopen in June\n\nThe city said the tram line would reopen in June.")
	if len(m.library.all) != n+1 {
		t.Fatalf("library has %d articles, want %d", len(m.library.all), n+1)
	}
	if !strings.HasPrefix(w.Title(), "Tram line to reopen in June — ") {
		t.Errorf("title = %q", w.Title())
	}
	m.addPasted("   \n ")
	if len(m.library.all) != n+1 || len(w.Canvas().Overlays().List()) == 0 {
		t.Error("empty pasted text was added, or no dialog said why")
	}
}

func TestDropImportsFilesAndReportsBadOnes(t *testing.T) {
	m, w := newTestWindow(t)
	m.start(cli.Window{Reviewer: "kim"})
	dir := t.TempDir()
	good := filepath.Join(dir, "bridge.txt")
	bad := filepath.Join(dir, "photo.txt")
	if err := os.WriteFile(good, []byte("Bridge repairs finish early\n\nThe repairs ended on Friday, the county said.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bad, []byte{0x89, 'P', 'N', 'G', 0, 0, 0, 0, 1, 2, 3}, 0o644); err != nil {
		t.Fatal(err)
	}
	m.onDropped(fyne.NewPos(10, 10), []fyne.URI{storage.NewFileURI(bad), storage.NewFileURI(good)})
	if !strings.HasPrefix(w.Title(), "Bridge repairs finish early") {
		t.Errorf("the dropped article is not open: title %q", w.Title())
	}
	if !strings.Contains(dialogText(w), "photo.txt") {
		t.Error("no dialog names the file that could not be imported")
	}
}

func TestDeleteAsksThenRemoves(t *testing.T) {
	m, w := newTestWindow(t)
	m.start(cli.Window{Reviewer: "kim"})
	id := m.session.Article()
	n := len(m.library.all)
	m.library.onDelete()
	if len(w.Canvas().Overlays().List()) != 1 || len(m.library.all) != n {
		t.Fatal("delete did not ask first")
	}
	confirm := findButton(w.Canvas().Overlays().Top(), "Yes")
	if confirm == nil {
		t.Fatal("no Yes button in the confirmation")
	}
	test.Tap(confirm)
	if len(m.library.all) != n-1 || m.library.has(id) {
		t.Errorf("after delete: %d articles, has %v", len(m.library.all), m.library.has(id))
	}
	if m.session != nil && m.session.Article() == id {
		t.Error("the deleted article is still open")
	}
}

func TestLibrarySearch(t *testing.T) {
	m, _ := newTestWindow(t)
	m.start(cli.Window{Reviewer: "kim"})
	title := m.library.all[len(m.library.all)-1].Title
	word := strings.Fields(title)[0]
	test.Type(m.library.search, strings.ToUpper(word))
	if len(m.library.shown) == 0 {
		t.Fatalf("search %q shows %d of %d", word, len(m.library.shown), len(m.library.all))
	}
	for _, a := range m.library.shown {
		if !strings.Contains(strings.ToLower(a.Title+a.Byline+a.Origin), strings.ToLower(word)) {
			t.Errorf("search %q shows %q", word, a.Title)
		}
	}
	m.library.search.SetText("no article has this zzqx")
	if len(m.library.shown) != 0 {
		t.Errorf("nonsense search shows %d", len(m.library.shown))
	}
}

func TestCtrlVOffersToPasteTheClipboard(t *testing.T) {
	m, w := newTestWindow(t)
	m.start(cli.Window{Reviewer: "kim"})
	m.app.Clipboard().SetContent("Snow closes the pass\n\nThe mountain pass closed on Sunday.")
	w.Canvas().Focused().(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutPaste{Clipboard: m.app.Clipboard()})
	if !strings.Contains(dialogText(w), "Paste as a new article") {
		t.Fatalf("Ctrl+V shows %q", dialogText(w))
	}
	add := findButton(w.Canvas().Overlays().Top(), "Add to library")
	if add == nil {
		t.Fatal("no Add to library button")
	}
	test.Tap(add)
	if !strings.HasPrefix(w.Title(), "Snow closes the pass") {
		t.Errorf("title = %q", w.Title())
	}
}
