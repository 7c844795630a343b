// Package clocale makes the C and POSIX locales read as English before
// Fyne reads the locale.
//
// LANG=C.UTF-8 is the default of many containers and CI machines. Fyne's
// lang package reads the locale in its init, takes "C" for a language tag,
// fails to parse it and logs three lines each time it looks. Go (1.21 on)
// initialises packages in import-path order as soon as their imports are:
// this package imports only the standard library and its path sorts
// before fyne.io, so its init runs before Fyne's lang package reads the
// environment. main imports it for that alone.
package clocale

import (
	"os"
	"strings"
)

func init() { Apply(os.Getenv, os.Setenv, os.Unsetenv) }

// Apply finds the variable that names the language of messages, as
// gettext does (LC_ALL, then LC_MESSAGES, then LANG, the first not empty),
// and when it is C or POSIX with a codeset or modifier (C.UTF-8,
// POSIX@x), sets LC_MESSAGES to plain C, which every reader of the locale
// takes for English and which makes them ignore LANGUAGE, as gettext
// does. The character set the C library takes from the locale is kept:
// when LC_ALL named the C locale it is moved to LC_CTYPE, since LC_ALL
// would override LC_MESSAGES.
func Apply(get func(string) string, set func(string, string) error, unset func(string) error) {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		value := get(name)
		if value == "" {
			continue
		}
		if !isCWithSuffix(value) {
			return
		}
		if name == "LC_ALL" {
			_ = unset("LC_ALL")
			_ = set("LC_CTYPE", value)
		}
		_ = set("LC_MESSAGES", "C")
		return
	}
}

// isCWithSuffix reports whether a locale is C or POSIX with a codeset
// or modifier; plain C and POSIX every reader already takes for English.
func isCWithSuffix(value string) bool {
	lang, rest, found := strings.Cut(value, ".")
	if !found {
		lang, rest, found = strings.Cut(value, "@")
	}
	return found && (lang == "C" || lang == "POSIX") && rest != ""
}
