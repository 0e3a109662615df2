package app

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"

	"mediareview/analysis"
	"mediareview/app/importer"
	"mediareview/app/review"
	"mediareview/app/store"
	"mediareview/assets"
)

// This file is the only place where goroutines hand results to the UI:
// every hand-over goes through fyne.Do.

var shared struct {
	once     sync.Once
	analyzer *analysis.Analyzer
	err      error
}

// analyzer loads the analyser's word lists and models once; call it off
// the UI goroutine.
func analyzer() (*analysis.Analyzer, error) {
	shared.once.Do(func() { shared.analyzer, shared.err = analysis.New() })
	return shared.analyzer, shared.err
}

// warmUp loads the analyser while the window draws its first frame.
func warmUp() { go func() { _, _ = analyzer() }() }

// background runs work off the UI goroutine; tests run it inline.
func background(work func()) { go work() }

// open shows article id, analysing it off the UI goroutine unless its
// analysis by this analyser version is stored. Opening another article
// cancels the work on this one.
func (m *mainWindow) open(id int64) {
	m.cancel()
	ctx, cancel := context.WithCancel(context.Background())
	m.cancel = cancel
	m.session = nil // no key may reach the article being left
	m.details.refresh()
	m.top.refreshProgress()
	m.article.showBusy("Opening the article…", -1)
	reviewer, filter := m.reviewer, m.prefs.filter()
	m.spawn(func() {
		s, title, err := m.load(ctx, id, reviewer, filter)
		fyne.Do(func() {
			if ctx.Err() != nil {
				return
			}
			if err != nil {
				m.article.showMessage("Choose an article in the library, or open a file.")
				m.showError("Cannot open the article", err)
				return
			}
			m.show(s, title)
		})
	})
}

func (m *mainWindow) load(ctx context.Context, id int64, reviewer string, filter review.Filter) (*review.Session, string, error) {
	a, err := m.store.Article(ctx, id)
	if err != nil {
		return nil, "", err
	}
	res, err := m.store.Analysis(ctx, id, analysis.Version)
	if errors.Is(err, store.ErrNotFound) {
		res, err = m.analyse(ctx, a)
	}
	if err != nil {
		return nil, "", err
	}
	s, err := review.NewSession(review.FromStore(m.store), id, reviewer, res, filter)
	return s, a.Title, err
}

// analyse runs the analyser on the article, showing its progress, and
// keeps the result.
func (m *mainWindow) analyse(ctx context.Context, a store.Article) (*analysis.Result, error) {
	an, err := analyzer()
	if err != nil {
		return nil, fmt.Errorf("load the analyser: %w", err)
	}
	var mu sync.Mutex // Analyze may report from any goroutine
	shown := 0.0
	res, err := an.Analyze(ctx, a.Text, func(done float64) {
		mu.Lock()
		defer mu.Unlock()
		if done-shown < 0.01 && done < 1 {
			return
		}
		shown = done
		fyne.Do(func() {
			if ctx.Err() == nil {
				m.article.showBusy("Analysing “"+a.Title+"”…", done)
			}
		})
	})
	if err != nil {
		return nil, fmt.Errorf("analyse %q: %w", a.Title, err)
	}
	if err := m.store.SaveAnalysis(ctx, a.ID, res); err != nil {
		return nil, err
	}
	return res, nil
}

// importAndOpen adds the files to the library off the UI goroutine and
// opens the last one that imported; exercise files go to the exercise
// screens instead. Every file that fails is named in one dialog.
func (m *mainWindow) importAndOpen(paths []string) {
	m.article.showBusy("Importing…", -1)
	m.spawn(func() {
		var last int64
		var exercises []string
		var problems []string
		for _, p := range paths {
			if isClassroomFile(p) {
				exercises = append(exercises, p)
				continue
			}
			id, err := m.importFile(p)
			if err != nil {
				problems = append(problems, plainError(err))
				continue
			}
			last = id
		}
		fyne.Do(func() { m.afterImport(last, exercises, problems) })
	})
}

func (m *mainWindow) afterImport(last int64, exercises, problems []string) {
	m.library.load()
	openClassroomFiles(m.win, exercises)
	switch {
	case last != 0:
		m.open(last)
	case m.session != nil:
		m.article.showList()
	default:
		m.openFirstSample()
	}
	switch len(problems) {
	case 0:
	case 1:
		m.showProblem("The file could not be imported", problems[0])
	default:
		m.showProblem(fmt.Sprintf("%d files could not be imported", len(problems)), strings.Join(problems, "\n"))
	}
}

func (m *mainWindow) importFile(path string) (int64, error) {
	a, err := importer.File(path, 0)
	if err != nil {
		return 0, err
	}
	return m.addArticle(a)
}

func (m *mainWindow) addArticle(a importer.Article) (int64, error) {
	id, _, err := m.store.AddArticle(context.Background(), store.Article{
		Title: a.Title, Origin: a.Origin, Byline: a.Byline, Published: a.Published, Text: a.Text})
	return id, err
}

// openFirstSample opens the first article of the library, first adding
// the built-in samples when the library is empty (the very first start).
func (m *mainWindow) openFirstSample() {
	if id, ok := m.library.first(); ok {
		m.open(id)
		return
	}
	id, err := m.importSamples(assets.Samples())
	if err != nil {
		m.showError("Cannot add the sample articles", err)
		return
	}
	m.library.load()
	if id == 0 {
		m.article.showMessage("The library is empty. Open a file or paste an article.")
		return
	}
	m.open(id)
}

// importSamples adds the samples in reverse, so the first is listed first,
// and returns the first one's id.
func (m *mainWindow) importSamples(samples []assets.Sample) (int64, error) {
	var first int64
	for k := len(samples) - 1; k >= 0; k-- {
		a, err := importer.Parse(samples[k].Name, samples[k].Text)
		if err != nil {
			return 0, err
		}
		a.Origin = "sample: " + samples[k].Name
		if first, err = m.addArticle(a); err != nil {
			return 0, err
		}
	}
	return first, nil
}

// after runs f on the UI goroutine once d has passed.
func after(d time.Duration, f func()) {
	time.AfterFunc(d, func() { fyne.Do(f) })
}
