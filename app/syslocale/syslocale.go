// Package syslocale makes the process locale one that Fyne can read. It must
// be imported (blank) by main: its init runs before Fyne's lang package is
// initialised, because Go initialises packages in import-path order as soon
// as their imports are ready, and Fyne's lang waits on text/template, which
// sorts after this package.
//
// Why: with LANG=C.UTF-8 (the default of many containers and CI machines)
// Fyne parses "C" as a language tag at init and logs "Fyne error: Error
// parsing user locale C" on every run, even for command-line subcommands
// whose output must be only their own.
package syslocale

import (
	"os"
	"strings"
)

func init() {
	if name, value := Fix(os.Getenv); name != "" {
		_ = os.Setenv(name, value)
	}
}

// Fix returns the variable to set, and its value, so that a "C" or "POSIX"
// locale with an encoding (C.UTF-8) reads as English; it returns "" when
// nothing needs setting. It sets LANGUAGE, which names the message language
// only, so the character set that child processes see is left alone.
func Fix(getenv func(string) string) (name, value string) {
	locale := ""
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if locale = getenv(v); locale != "" {
			break
		}
	}
	if locale == "C" || locale == "POSIX" || getenv("LANGUAGE") != "" {
		return "", ""
	}
	base, _, _ := strings.Cut(locale, "@")
	base, _, _ = strings.Cut(base, ".")
	if base != "C" && base != "POSIX" {
		return "", ""
	}
	return "LANGUAGE", "en"
}
