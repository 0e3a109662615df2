package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"mediareview/assets"
)

func TestMain(m *testing.M) {
	code := m.Run()
	RemoveBuild()
	os.Exit(code)
}

// TestWindowSmoke starts the real app as a user would on first start and
// checks that it draws the first sample article, names it in the title,
// logs no threading error and exits cleanly.
func TestWindowSmoke(t *testing.T) {
	display := Display(t)
	bin := Build(t)
	var extra []string
	shotOut := os.Getenv("MEDIAREVIEW_SCREENSHOT_OUT") // set by make screenshots
	if shotOut != "" {
		extra = []string{"MEDIAREVIEW_REVIEWER=Ms Rivera"}
	}
	app := StartEnv(t, display, extra, bin)
	id := app.Window(t)

	sample := assets.Samples()[0].Title()
	title := app.WaitTitle(t, id, sample)
	if !strings.Contains(title, "Media Review") {
		t.Errorf("title %q does not name the app", title)
	}
	shot := app.Screenshot(t, id, t.TempDir())
	if shotOut != "" {
		if err := SavePNG(shotOut, shot); err != nil {
			t.Fatal(err)
		}
	}
	CheckDrawn(t, shot)

	if err := app.Quit(t); err != nil {
		t.Errorf("exit after SIGTERM: %v\n%s", err, app.Output())
	}
	app.CheckLog(t)
}

// TestOpenFileArgument opens an article given on the command line, as the
// file manager does through the .desktop file.
func TestOpenFileArgument(t *testing.T) {
	display := Display(t)
	bin := Build(t)
	article := filepath.Join(t.TempDir(), "article.txt")
	headline := "Lantern festival returns to Kestrel Bay after four years"
	body := headline + "\n\nThe Kestrel Bay lantern festival will return on 3 August, the town said on Friday.\n"
	if err := os.WriteFile(article, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	app := Start(t, display, bin, article)
	app.WaitTitle(t, app.Window(t), headline)
	if err := app.Quit(t); err != nil {
		t.Errorf("exit after SIGTERM: %v\n%s", err, app.Output())
	}
	app.CheckLog(t)
}

// TestCommandLineWithoutDisplay runs subcommands with no display and the
// C.UTF-8 locale of bare machines: each prints its own output and nothing
// else (no Fyne locale warning), and a bad flag exits 2 with usage.
func TestCommandLineWithoutDisplay(t *testing.T) {
	bin := Build(t)
	tests := []struct {
		args       []string
		code       int
		stdoutHas  string
		stderrHas  string
		quietError bool // stderr must be empty
	}{
		{[]string{"version"}, 0, "mediareview ", "", true},
		{[]string{"help"}, 0, "Usage:", "", true},
		{[]string{"--bogus"}, 2, "", "Usage:", false},
		{[]string{"bogus", "more"}, 2, "", "Usage:", false},
	}
	for _, tt := range tests {
		for _, lang := range []string{"C.UTF-8", "C", "en_US.UTF-8"} {
			t.Run(strings.Join(tt.args, "_")+"/"+lang, func(t *testing.T) {
				cmd := exec.Command(bin, tt.args...)
				cmd.Env = []string{"LANG=" + lang, "HOME=" + t.TempDir(), "PATH=" + os.Getenv("PATH")}
				var stdout, stderr strings.Builder
				cmd.Stdout, cmd.Stderr = &stdout, &stderr
				err := cmd.Run()
				if code := cmd.ProcessState.ExitCode(); code != tt.code {
					t.Errorf("exit %d (%v), want %d; stderr:\n%s", code, err, tt.code, stderr.String())
				}
				if !strings.Contains(stdout.String(), tt.stdoutHas) {
					t.Errorf("stdout %q lacks %q", stdout.String(), tt.stdoutHas)
				}
				if !strings.Contains(stderr.String(), tt.stderrHas) {
					t.Errorf("stderr %q lacks %q", stderr.String(), tt.stderrHas)
				}
				if tt.quietError && stderr.Len() > 0 {
					t.Errorf("stderr not empty:\n%s", stderr.String())
				}
				if strings.Contains(stdout.String()+stderr.String(), "Fyne error") {
					t.Errorf("Fyne logged an error:\n%s%s", stdout.String(), stderr.String())
				}
			})
		}
	}
}
