package e2e

import (
	"encoding/csv"
	"fmt"
	"image"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"mediareview/assets"
)

// TestKeyboardReviewSurvivesKill reviews five sentences of the first sample
// by keyboard (agree, disagree, two relabels, agree then undo), kills the
// app with SIGKILL, starts it again on the same data, and checks with
// `mediareview export` that exactly the expected verdicts are there.
func TestKeyboardReviewSurvivesKill(t *testing.T) {
	display := Display(t)
	bin := Build(t)
	app := Start(t, display, bin)
	id := app.Window(t)
	app.WaitTitle(t, id, assets.Samples()[0].Title())

	// The window opens with the sentence list focused: no click needed.
	app.keys(t, id, "a", "d", "4", "1", "a", "ctrl+z")
	machine := machineLabels(t, bin, app)
	want := []string{
		"1 agree -",
		"2 disagree -",
		relabel(3, machine[3], "opinion"),
		relabel(4, machine[4], "quote"),
	}
	got := app.waitVerdicts(t, bin, want)
	if err := app.Cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = app.Wait(t)

	again := StartHome(t, display, app.Home, nil, bin)
	again.WaitTitle(t, again.Window(t), assets.Samples()[0].Title())
	if after := verdicts(t, bin, again); strings.Join(after, "\n") != strings.Join(got, "\n") {
		t.Errorf("after kill -9 and restart the verdicts are\n%s\nwant\n%s", strings.Join(after, "\n"), strings.Join(got, "\n"))
	}
	if err := again.Quit(t); err != nil {
		t.Errorf("exit after SIGTERM: %v\n%s", err, again.Output())
	}
	app.CheckLog(t)
	again.CheckLog(t)
}

// relabel is the verdict a relabel key gives: agreement when the machine
// already said that label.
func relabel(n int, machine, to string) string {
	if machine == to {
		return fmt.Sprintf("%d agree -", n)
	}
	return fmt.Sprintf("%d disagree %s", n, to)
}

// keys types review keys into the window, one at a time.
func (a *App) keys(t *testing.T, id string, keys ...string) {
	t.Helper()
	if _, err := a.xdotool("windowfocus", "--sync", id); err != nil {
		t.Fatalf("xdotool windowfocus: %v", err)
	}
	for _, k := range keys {
		if _, err := a.xdotool("key", "--delay", "80", k); err != nil {
			t.Fatalf("xdotool key %s: %v", k, err)
		}
	}
}

// waitVerdicts polls the export until it shows want: the keys are handled
// by the app at its own pace. It returns the verdicts last seen.
func (a *App) waitVerdicts(t *testing.T, bin string, want []string) []string {
	t.Helper()
	var got []string
	for deadline := time.Now().Add(Patience); time.Now().Before(deadline); time.Sleep(200 * time.Millisecond) {
		if got = verdicts(t, bin, a); strings.Join(got, "\n") == strings.Join(want, "\n") {
			return got
		}
	}
	t.Fatalf("verdicts in the database:\n%s\nwant\n%s\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"), a.Output())
	return nil
}

// verdicts lists the exported verdicts as "sentence verdict label".
func verdicts(t *testing.T, bin string, a *App) []string {
	t.Helper()
	rows := export(t, bin, a)
	var out []string
	for _, r := range rows[1:] {
		label := r["reviewer_label"]
		if label == "" {
			label = "-"
		}
		out = append(out, fmt.Sprintf("%s %s %s", r["sentence"], r["verdict"], label))
	}
	sort.Slice(out, func(i, j int) bool { return lessNumbered(out[i], out[j]) })
	return out
}

// machineLabels maps sentence numbers to the machine's labels, read from
// `mediareview analyze` of the sample the app opened.
func machineLabels(t *testing.T, bin string, a *App) map[int]string {
	t.Helper()
	cmd := exec.Command(bin, "analyze", "--format", "csv", "-")
	cmd.Env = Env(a.Display, a.Home)
	cmd.Stdin = strings.NewReader(assets.Samples()[0].Text)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("mediareview analyze: %v", err)
	}
	rows, err := csv.NewReader(strings.NewReader(string(out))).ReadAll()
	if err != nil {
		t.Fatalf("analyze csv: %v", err)
	}
	labels := map[int]string{}
	col := column(t, rows[0], "label")
	idx := column(t, rows[0], "index")
	for _, r := range rows[1:] {
		var i int
		fmt.Sscan(r[idx], &i)
		labels[i+1] = r[col]
	}
	return labels
}

func export(t *testing.T, bin string, a *App) []map[string]string {
	t.Helper()
	cmd := exec.Command(bin, "export", "--all", "--out", "-")
	cmd.Env = Env(a.Display, a.Home)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("mediareview export: %v\n%s", err, out)
	}
	rows, err := csv.NewReader(strings.NewReader(string(out))).ReadAll()
	if err != nil || len(rows) == 0 {
		t.Fatalf("export csv: %v %q", err, out)
	}
	var list []map[string]string
	for _, r := range rows {
		m := map[string]string{}
		for i, h := range rows[0] {
			m[h] = r[i]
		}
		list = append(list, m)
	}
	return list
}

func column(t *testing.T, header []string, name string) int {
	t.Helper()
	for i, h := range header {
		if h == name {
			return i
		}
	}
	t.Fatalf("no column %q in %v", name, header)
	return -1
}

func lessNumbered(a, b string) bool {
	var x, y int
	fmt.Sscan(a, &x)
	fmt.Sscan(b, &y)
	return x < y
}

// BenchmarkWindowStart times the real binary on the real (OpenGL) driver
// under X: from exec to the window titled with the first sample, which is
// set as the analysed sample is handed to the list, on a first start
// (empty library: samples imported, the first analysed). The binary is
// built without -race, as released.
func BenchmarkWindowStart(b *testing.B) {
	display := Display(b)
	bin := filepath.Join(b.TempDir(), "mediareview")
	build := exec.Command("go", "build", "-o", bin, ".") // as released: no -race
	build.Dir = ModuleRoot(b)
	if out, err := build.CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	want := assets.Samples()[0].Title()
	for b.Loop() {
		app := startTitled(b, display, bin, want)
		b.StopTimer()
		_ = app.Cmd.Process.Kill()
		_ = app.Wait(b)
		b.StartTimer()
	}
}

// startTitled starts the app and waits for its window titled want. An X
// server on a loaded machine now and then refuses a connection; such a
// start is tried again (and said), any other failure stops the benchmark.
func startTitled(b *testing.B, display, bin, want string) *App {
	for try := 1; ; try++ {
		app := Start(b, display, bin)
		for deadline := time.Now().Add(Patience); ; time.Sleep(50 * time.Millisecond) {
			if out, _ := app.xdotool("search", "--name", want); strings.TrimSpace(out) != "" {
				return app
			}
			if !app.exited() && time.Now().Before(deadline) {
				continue
			}
			if try < 3 && strings.Contains(app.Output(), "Failed to open display") {
				b.Logf("start %d: the X server refused the connection; starting again", try)
				break
			}
			b.Fatalf("no window titled %q:\n%s", want, app.Output())
		}
	}
}

// TestReviewScreenshots reviews a few sentences, then opens the summary
// with S, and checks both screens are drawn. With
// MEDIAREVIEW_SCREENSHOT_DIR set it keeps them there as main-window.png
// and summary.png (the README's pictures); otherwise in a temp folder.
func TestReviewScreenshots(t *testing.T) {
	display := Display(t)
	bin := Build(t)
	dir := os.Getenv("MEDIAREVIEW_SCREENSHOT_DIR")
	if dir == "" {
		dir = t.TempDir()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	app := Start(t, display, bin)
	id := app.Window(t)
	app.WaitTitle(t, id, assets.Samples()[0].Title())
	app.keys(t, id, "a", "a", "d", "a", "3", "a", "j")
	app.waitVerdictCount(t, bin, 6)
	main := app.Screenshot(t, id, t.TempDir())
	CheckDrawn(t, main)

	app.keys(t, id, "s")
	summary := app.waitChange(t, id, main)
	CheckDrawn(t, summary)
	for name, img := range map[string]image.Image{"main-window.png": main, "summary.png": summary} {
		if err := SavePNG(filepath.Join(dir, name), img); err != nil {
			t.Fatal(err)
		}
	}
	if err := app.Quit(t); err != nil {
		t.Errorf("exit after SIGTERM: %v\n%s", err, app.Output())
	}
	app.CheckLog(t)
}

// waitVerdictCount polls the export until it holds n verdicts.
func (a *App) waitVerdictCount(t *testing.T, bin string, n int) {
	t.Helper()
	for deadline := time.Now().Add(Patience); time.Now().Before(deadline); time.Sleep(200 * time.Millisecond) {
		if len(verdicts(t, bin, a)) == n {
			return
		}
	}
	t.Fatalf("never %d verdicts: %v", n, verdicts(t, bin, a))
}

// waitChange takes screenshots until one differs from before, then waits
// for the window to settle (two equal shots) and returns it.
func (a *App) waitChange(t *testing.T, id string, before image.Image) image.Image {
	t.Helper()
	var last image.Image = before
	for deadline := time.Now().Add(Patience); time.Now().Before(deadline); time.Sleep(300 * time.Millisecond) {
		shot := a.Screenshot(t, id, t.TempDir())
		if !sameImage(shot, before) && sameImage(shot, last) {
			return shot
		}
		last = shot
	}
	t.Fatal("the window never changed")
	return nil
}

func sameImage(a, b image.Image) bool {
	if a.Bounds() != b.Bounds() {
		return false
	}
	r := a.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y += 3 {
		for x := r.Min.X; x < r.Max.X; x += 3 {
			if a.At(x, y) != b.At(x, y) {
				return false
			}
		}
	}
	return true
}

// exited says whether the app has stopped, without waiting.
func (a *App) exited() bool {
	select {
	case err := <-a.done:
		a.done <- err
		return true
	default:
		return false
	}
}
