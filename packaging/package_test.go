package packaging

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"fmt"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"mediareview/app/e2e"
	"mediareview/assets"
)

const id = "org.mediareview.MediaReview"

// TestLinuxPackage builds the package once and checks it as a desktop
// would use it: valid .desktop and metainfo, icons, the MIME type, the
// binary's version, and a file opened through the .desktop Exec line.
func TestLinuxPackage(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the Linux package is built and checked on Linux only")
	}
	root := e2e.ModuleRoot(t)
	pkg := buildPackage(t, root)
	share := filepath.Join(pkg, "share")
	desktop := filepath.Join(share, "applications", id+".desktop")

	t.Run("desktop file", func(t *testing.T) {
		run(t, "desktop-file-validate", desktop)
		entry := readDesktop(t, desktop)
		for key, want := range map[string]string{"Name": "Media Review", "Icon": id, "Exec": "mediareview %F"} {
			if entry[key] != want {
				t.Errorf("%s=%q, want %q", key, entry[key], want)
			}
		}
		for _, want := range []string{"Education;", "application/x-mrexercise;"} {
			if !strings.Contains(entry["Categories"]+entry["MimeType"], want) {
				t.Errorf("Categories/MimeType lack %q: %v", want, entry)
			}
		}
	})
	t.Run("metainfo", func(t *testing.T) {
		metainfo := filepath.Join(share, "metainfo", id+".metainfo.xml")
		run(t, "appstreamcli", "validate", "--no-net", metainfo)
		data, _ := os.ReadFile(metainfo)
		if want := `<release version="` + fyneAppVersion(t, root) + `"`; !bytes.Contains(data, []byte(want)) {
			t.Errorf("metainfo lists no %s ...> for the version in FyneApp.toml", want)
		}
	})
	t.Run("icons", func(t *testing.T) { checkIcons(t, share) })
	t.Run("mime type", func(t *testing.T) { checkMIME(t, filepath.Join(share, "mime", "packages", id+".xml")) })
	t.Run("version without display or FyneApp.toml", func(t *testing.T) {
		cmd := exec.Command(filepath.Join(pkg, "bin", "mediareview"), "version")
		cmd.Dir = t.TempDir()
		cmd.Env = []string{"HOME=" + cmd.Dir, "LANG=C.UTF-8", "PATH=" + os.Getenv("PATH")}
		out, err := cmd.CombinedOutput()
		want := "mediareview " + fyneAppVersion(t, root) + "\n"
		if err != nil || !strings.HasPrefix(string(out), want) {
			t.Errorf("version: %v, output %q, want it to start with %q", err, out, want)
		}
	})
	t.Run("open a file through the Exec line", func(t *testing.T) {
		openThroughExec(t, pkg, readDesktop(t, desktop))
	})
	t.Run("database error shows a window", func(t *testing.T) { dbErrorWindow(t, pkg) })
	t.Run("user-install registers the file type", func(t *testing.T) { userInstall(t, pkg) })
}

// userInstall runs the package's own `make user-install` into a temp home:
// the file manager's caches must then send *.mrexercise files to Media
// Review, and `make user-uninstall` must take the app away again.
func userInstall(t *testing.T, pkg string) {
	home := t.TempDir()
	makeIn := func(target string) {
		cmd := exec.Command("make", "-s", "-C", pkg, target)
		cmd.Env = append(os.Environ(), "HOME="+home, "MAKEFLAGS=", "MAKELEVEL=")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("make %s: %v\n%s", target, err, out)
		}
	}
	makeIn("user-install")
	local := filepath.Join(home, ".local")
	bin := filepath.Join(local, "bin", "mediareview")
	if got := readDesktop(t, filepath.Join(local, "share", "applications", id+".desktop"))["Exec"]; got != bin+" %F" {
		t.Errorf("installed Exec=%q, want %q", got, bin+" %F")
	}
	for file, want := range map[string]string{
		"share/mime/globs2":                 ":application/x-mrexercise:*.mrexercise",
		"share/applications/mimeinfo.cache": "application/x-mrexercise=" + id + ".desktop;",
	} {
		data, err := os.ReadFile(filepath.Join(local, file))
		if err != nil || !strings.Contains(string(data), want) {
			t.Errorf("%s: %v; want it to contain %q", file, err, want)
		}
	}
	makeIn("user-uninstall")
	if _, err := os.Stat(bin); !os.IsNotExist(err) {
		t.Errorf("user-uninstall left %s (%v)", bin, err)
	}
}

// buildPackage runs `make package` into a temp folder, checks that it left
// the source tree as it was, and returns the unpacked package folder.
func buildPackage(t *testing.T, root string) string {
	t.Helper()
	toml := filepath.Join(root, "FyneApp.toml")
	before, err := os.ReadFile(toml)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	tarball := filepath.Join(dir, "mediareview-test-linux.tar.xz")
	cmd := exec.Command("make", "-s", "package", "PACKAGE="+tarball)
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("make package: %v\n%s", err, out)
	}
	if after, _ := os.ReadFile(toml); !bytes.Equal(before, after) {
		t.Errorf("make package changed FyneApp.toml:\n%s", after)
	}
	if _, err := os.Stat(filepath.Join(root, "fyne_metadata_init.go")); err == nil {
		t.Errorf("make package left fyne_metadata_init.go in the tree")
	}
	run(t, "tar", "-xJf", tarball, "-C", dir)
	return filepath.Join(dir, "mediareview-test-linux")
}

func run(t *testing.T, name string, args ...string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Fatalf("%s is missing: run scripts/install-deps.sh test", name)
	}
	if out, err := exec.Command(name, args...).CombinedOutput(); err != nil {
		t.Errorf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
}

// readDesktop reads the [Desktop Entry] group of a .desktop file.
func readDesktop(t *testing.T, path string) map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	entry := map[string]string{}
	group := ""
	for s := bufio.NewScanner(f); s.Scan(); {
		line := strings.TrimSpace(s.Text())
		if strings.HasPrefix(line, "[") {
			group = line
		} else if k, v, ok := strings.Cut(line, "="); ok && group == "[Desktop Entry]" {
			entry[k] = v
		}
	}
	return entry
}

func checkIcons(t *testing.T, share string) {
	for _, size := range []int{16, 24, 32, 48, 64, 128, 256, 512} {
		path := filepath.Join(share, "icons", "hicolor", fmt.Sprintf("%dx%d", size, size), "apps", id+".png")
		f, err := os.Open(path)
		if err != nil {
			t.Error(err)
			continue
		}
		cfg, err := png.DecodeConfig(f)
		f.Close()
		if err != nil || cfg.Width != size || cfg.Height != size {
			t.Errorf("%s: %dx%d (%v), want %dx%d", path, cfg.Width, cfg.Height, err, size, size)
		}
	}
	if _, err := os.Stat(filepath.Join(share, "icons", "hicolor", "scalable", "apps", id+".svg")); err != nil {
		t.Error(err)
	}
}

func checkMIME(t *testing.T, path string) {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var info struct {
		Types []struct {
			Type  string `xml:"type,attr"`
			Globs []struct {
				Pattern string `xml:"pattern,attr"`
			} `xml:"glob"`
		} `xml:"mime-type"`
	}
	if err := xml.Unmarshal(data, &info); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if len(info.Types) != 1 || info.Types[0].Type != "application/x-mrexercise" ||
		len(info.Types[0].Globs) != 1 || info.Types[0].Globs[0].Pattern != "*.mrexercise" {
		t.Errorf("%s: want application/x-mrexercise for *.mrexercise, got %+v", path, info)
	}
}

func fyneAppVersion(t *testing.T, root string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(root, "FyneApp.toml"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\s*Version\s*=\s*"([^"]+)"`).FindSubmatch(data)
	if m == nil {
		t.Fatal("FyneApp.toml has no Version")
	}
	return string(m[1])
}

// openThroughExec does what a file manager does on a double-click: expands
// %F in the Exec line with the file and runs it with the package's bin on
// PATH. The window must name the article and carry the StartupWMClass.
func openThroughExec(t *testing.T, pkg string, entry map[string]string) {
	display := e2e.Display(t)
	headline := "Harbour choir wins regional contest in Ostwick"
	article := filepath.Join(t.TempDir(), "choir news.txt")
	text := headline + "\n\nThe Ostwick harbour choir won the regional contest on Sunday, the organisers said.\n"
	if err := os.WriteFile(article, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	var argv []string
	for _, f := range strings.Fields(entry["Exec"]) {
		if f == "%F" {
			argv = append(argv, article)
		} else {
			argv = append(argv, f)
		}
	}
	bin, err := exec.LookPath(filepath.Join(pkg, "bin", argv[0]))
	if err != nil {
		t.Fatalf("Exec=%s: %v", entry["Exec"], err)
	}
	argv[0] = bin
	app := e2e.Start(t, display, argv...)
	win := app.Window(t)
	app.WaitTitle(t, win, headline)
	if class := entry["StartupWMClass"]; !app.HasClass(t, win, class) {
		t.Errorf("window has no WM_CLASS %q: docks will not match it to the .desktop file", class)
	}
	if err := app.Quit(t); err != nil {
		t.Errorf("exit after SIGTERM: %v\n%s", err, app.Output())
	}
	app.CheckLog(t)
}

// dbErrorWindow starts the packaged app with a database path it cannot
// create: it must show a window saying so, not exit silently.
func dbErrorWindow(t *testing.T, pkg string) {
	display := e2e.Display(t)
	blocker := filepath.Join(t.TempDir(), "not-a-folder")
	if err := os.WriteFile(blocker, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	app := e2e.StartEnv(t, display, []string{"MEDIAREVIEW_DB=" + filepath.Join(blocker, "review.db")},
		filepath.Join(pkg, "bin", "mediareview"))
	win := app.Window(t)
	if n := e2e.Colours(app.Screenshot(t, win, t.TempDir())); n < 16 {
		t.Errorf("error window has %d colours: nothing drawn", n)
	}
	if title := app.Title(t, win); strings.Contains(title, assets.Samples()[0].Title()) {
		t.Errorf("window %q shows the sample: the database error went unnoticed", title)
	}
	if err := app.Quit(t); err != nil {
		t.Errorf("exit after SIGTERM: %v\n%s", err, app.Output())
	}
}
