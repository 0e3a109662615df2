// Package e2e drives the real mediareview binary in a real X display: it
// builds the binary, starts Xvfb when there is no display, starts the app
// with its data in a temp folder, finds its window, takes screenshots and
// closes it. Tests here and in other packages (packaging) share these
// helpers; the package has no tests of the app's logic.
package e2e

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// Patience bounds every wait. It is generous on purpose: a first start
// under -race with software OpenGL on a busy two-core machine is slow, and
// no test asserts how long anything takes.
const Patience = 3 * time.Minute

// ThreadError is what Fyne logs when UI code runs on the wrong goroutine.
const ThreadError = "Error in Fyne call thread"

// ModuleRoot returns the folder holding go.mod.
func ModuleRoot(t testing.TB) string {
	t.Helper()
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		t.Fatalf("go env GOMOD: %v", err)
	}
	gomod := strings.TrimSpace(string(out))
	if gomod == "" || gomod == os.DevNull {
		t.Fatal("go env GOMOD: not inside the mediareview module")
	}
	return filepath.Dir(gomod)
}

// built is the binary Build makes once per test process.
var built struct {
	once     sync.Once
	dir, bin string
	err      error
}

// Build compiles the app once per test process and returns the binary's
// path; call RemoveBuild from TestMain when the tests are done. It builds
// with -race, as the tests do, so the compiled packages come from the same
// build cache and races at start-up fail the test.
func Build(t testing.TB) string {
	t.Helper()
	root := ModuleRoot(t)
	built.once.Do(func() {
		if built.dir, built.err = os.MkdirTemp("", "mediareview-e2e-"); built.err != nil {
			return
		}
		built.bin = filepath.Join(built.dir, "mediareview")
		cmd := exec.Command("go", "build", "-race", "-o", built.bin, ".")
		cmd.Dir = root
		if out, err := cmd.CombinedOutput(); err != nil {
			built.err = fmt.Errorf("go build: %w\n%s", err, out)
		}
	})
	if built.err != nil {
		t.Fatal(built.err)
	}
	return built.bin
}

// RemoveBuild deletes the binary Build made, if any.
func RemoveBuild() {
	if built.dir != "" {
		_ = os.RemoveAll(built.dir)
	}
}

// Display returns an X display to draw on: $DISPLAY when set, otherwise a
// fresh Xvfb stopped when the test ends. It skips the test, saying why, only
// when there is neither.
func Display(t testing.TB) string {
	t.Helper()
	if d := os.Getenv("DISPLAY"); d != "" {
		return d
	}
	xvfb, err := exec.LookPath("Xvfb")
	if err != nil {
		t.Skip("no DISPLAY and no Xvfb: install Xvfb (scripts/install-deps.sh test) to run the real-window tests")
	}
	for _, tool := range []string{"xdotool", "xwd"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("Xvfb is here but %s is not: run scripts/install-deps.sh test", tool)
		}
	}
	return startXvfb(t, xvfb)
}

// startXvfb lets Xvfb pick a free display number (-displayfd), so parallel
// test processes never fight over one.
func startXvfb(t testing.TB, xvfb string) string {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatalf("Xvfb pipe: %v", err)
	}
	defer r.Close()
	cmd := exec.Command(xvfb, "-displayfd", "3", "-screen", "0", "1920x1200x24", "-nolisten", "tcp")
	cmd.ExtraFiles = []*os.File{w}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		w.Close()
		t.Fatalf("start Xvfb: %v", err)
	}
	w.Close()
	t.Cleanup(func() {
		_ = cmd.Process.Signal(syscall.SIGTERM)
		_ = cmd.Wait()
	})
	number := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(r).ReadString('\n')
		number <- strings.TrimSpace(line)
	}()
	select {
	case n := <-number:
		if n == "" {
			t.Fatalf("Xvfb gave no display number: %s", stderr.String())
		}
		return ":" + n
	case <-time.After(Patience):
		t.Fatalf("Xvfb did not start: %s", stderr.String())
	}
	return ""
}

// App is a running mediareview process.
type App struct {
	Cmd     *exec.Cmd
	Display string
	Home    string       // the temp home holding its preferences and database
	stderr  lockedBuffer // stdout and stderr together
	done    chan error
}

// Env is the environment the app runs in: a temp home and database so a
// test never touches real user data, English, the light theme, and a
// reviewer name so no first-start prompt appears.
func Env(display, home string) []string {
	env := []string{
		"DISPLAY=" + display,
		"HOME=" + home,
		"XDG_CONFIG_HOME=" + filepath.Join(home, ".config"),
		"XDG_DATA_HOME=" + filepath.Join(home, ".local", "share"),
		"XDG_CACHE_HOME=" + filepath.Join(home, ".cache"),
		"LANG=en_US.UTF-8",
		"FYNE_THEME=light",
		"MEDIAREVIEW_DB=" + filepath.Join(home, "mediareview.db"),
		"MEDIAREVIEW_REVIEWER=e2e",
	}
	for _, kv := range os.Environ() {
		if strings.HasPrefix(kv, "PATH=") || strings.HasPrefix(kv, "GORACE=") {
			env = append(env, kv)
		}
	}
	return env
}

// Start runs the binary (or the command line of a .desktop Exec) on the
// display and stops it, if still running, when the test ends.
func Start(t testing.TB, display string, argv ...string) *App {
	t.Helper()
	return StartEnv(t, display, nil, argv...)
}

// StartEnv is Start with extra environment entries ("KEY=value"), which
// override those of Env.
func StartEnv(t testing.TB, display string, extra []string, argv ...string) *App {
	t.Helper()
	return StartHome(t, display, t.TempDir(), extra, argv...)
}

// StartHome is StartEnv in a given home: start the app again in an
// earlier App's Home to see what it kept.
func StartHome(t testing.TB, display, home string, extra []string, argv ...string) *App {
	t.Helper()
	a := &App{Display: display, Home: home, done: make(chan error, 1)}
	a.Cmd = exec.Command(argv[0], argv[1:]...)
	a.Cmd.Env = append(Env(display, a.Home), extra...)
	a.Cmd.Dir = a.Home
	a.Cmd.Stdout = &a.stderr
	a.Cmd.Stderr = &a.stderr
	if err := a.Cmd.Start(); err != nil {
		t.Fatalf("start %s: %v", argv[0], err)
	}
	go func() { a.done <- a.Cmd.Wait() }()
	t.Cleanup(a.stop)
	return a
}

// stop kills the app unless it has exited; the exit error stays in done.
func (a *App) stop() {
	select {
	case err := <-a.done:
		a.done <- err
	default:
		_ = a.Cmd.Process.Kill()
		a.done <- <-a.done
	}
}

// Output is everything the app printed so far, stdout and stderr.
func (a *App) Output() string { return a.stderr.String() }

// Window waits for the app's visible window and returns its X id.
func (a *App) Window(t testing.TB) string {
	t.Helper()
	deadline := time.Now().Add(Patience)
	for time.Now().Before(deadline) {
		select {
		case err := <-a.done:
			a.done <- err
			t.Fatalf("app exited before showing a window (%v):\n%s", err, a.Output())
		default:
		}
		out, _ := a.xdotool("search", "--onlyvisible", "--pid", fmt.Sprint(a.Cmd.Process.Pid))
		if ids := strings.Fields(out); len(ids) > 0 {
			return ids[0]
		}
		time.Sleep(250 * time.Millisecond)
	}
	t.Fatalf("no window after %v:\n%s", Patience, a.Output())
	return ""
}

// Title returns a window's title.
func (a *App) Title(t testing.TB, id string) string {
	t.Helper()
	out, err := a.xdotool("getwindowname", id)
	if err != nil {
		t.Fatalf("xdotool getwindowname: %v", err)
	}
	return strings.TrimSpace(out)
}

// HasClass reports whether the window's WM_CLASS is class, the name a
// .desktop StartupWMClass must give for docks to show the app's icon.
func (a *App) HasClass(t testing.TB, id, class string) bool {
	t.Helper()
	out, err := a.xdotool("search", "--class", "^"+class+"$")
	if err != nil {
		t.Fatalf("xdotool search --class: %v", err)
	}
	return slices.Contains(strings.Fields(out), id)
}

// WaitTitle polls until the window title contains want, and returns it.
func (a *App) WaitTitle(t testing.TB, id, want string) string {
	t.Helper()
	title := ""
	for deadline := time.Now().Add(Patience); time.Now().Before(deadline); time.Sleep(250 * time.Millisecond) {
		if title = a.Title(t, id); strings.Contains(title, want) {
			return title
		}
	}
	t.Fatalf("window title %q never named %q", title, want)
	return title
}

// Key focuses the window and types keys as xdotool names them ("Down",
// "ctrl+f", "a"). Real (XTEST) key events, not synthetic ones sent to the
// window, which GLFW would ignore; with no window manager under Xvfb the
// focus is set directly.
func (a *App) Key(t testing.TB, id string, keys ...string) {
	t.Helper()
	if _, err := a.xdotool("windowfocus", "--sync", id); err != nil {
		t.Fatalf("xdotool windowfocus %s: %v", id, err)
	}
	if _, err := a.xdotool(append([]string{"key", "--delay", "50"}, keys...)...); err != nil {
		t.Fatalf("xdotool key %v: %v", keys, err)
	}
}

// Type focuses the window and types text.
func (a *App) Type(t testing.TB, id, text string) {
	t.Helper()
	if _, err := a.xdotool("windowfocus", "--sync", id); err != nil {
		t.Fatalf("xdotool windowfocus %s: %v", id, err)
	}
	if _, err := a.xdotool("type", "--delay", "50", text); err != nil {
		t.Fatalf("xdotool type: %v", err)
	}
}

// Quit asks the app to quit as a desktop would on logout (SIGTERM, which
// Fyne turns into a normal quit) and returns its exit error.
func (a *App) Quit(t testing.TB) error {
	t.Helper()
	if err := a.Cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatalf("SIGTERM: %v", err)
	}
	return a.Wait(t)
}

// Wait waits for the app to exit by itself and returns its exit error.
func (a *App) Wait(t testing.TB) error {
	t.Helper()
	select {
	case err := <-a.done:
		a.done <- err
		return err
	case <-time.After(Patience):
		t.Fatalf("app still running %v after it was asked to quit:\n%s", Patience, a.Output())
	}
	return nil
}

// CheckLog fails the test when the app logged a Fyne threading error or a
// data race.
func (a *App) CheckLog(t testing.TB) {
	t.Helper()
	out := a.Output()
	for _, bad := range []string{ThreadError, "WARNING: DATA RACE", "panic:"} {
		if strings.Contains(out, bad) {
			t.Errorf("app output contains %q:\n%s", bad, out)
		}
	}
}

func (a *App) xdotool(args ...string) (string, error) {
	cmd := exec.Command("xdotool", args...)
	cmd.Env = []string{"DISPLAY=" + a.Display}
	var out bytes.Buffer
	cmd.Stdout = &out
	err := cmd.Run()
	var exit *exec.ExitError
	if errors.As(err, &exit) && exit.ExitCode() == 1 && out.Len() == 0 {
		return "", nil // search found nothing yet
	}
	return out.String(), err
}

// lockedBuffer collects a process's output while tests read it.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
