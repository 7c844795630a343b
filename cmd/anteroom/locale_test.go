package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// builtBinary builds the real command (headless driver, no cgo) into a
// temporary folder and returns its path.
func builtBinary(t *testing.T) string {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go tool to build the binary with")
	}
	bin := filepath.Join(t.TempDir(), "anteroom")
	build := exec.Command(goTool, "build", "-tags", "ci", "-o", bin, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// With the C locale, in any spelling, the built binary speaks English and
// says nothing of the locale on standard error.
func TestCLocaleIsEnglishAndQuiet(t *testing.T) {
	bin := builtBinary(t)
	locales := [][]string{
		{"LANG=C.UTF-8"}, {"LC_ALL=C"}, {"LC_ALL=C.UTF-8"}, {"LANG=POSIX"}, {"LANG=C.utf8", "LANGUAGE=zh_CN"},
		{"LC_ALL=C.UTF-8", "LANG=zh_CN.UTF-8"}, {"LANG="}, {},
	}
	for _, env := range locales {
		db := filepath.Join(t.TempDir(), "anteroom.db")
		for _, args := range [][]string{{"help"}, {"--db", db, "demo", "--leader", "Zhang", "--week", "2026-11-23"}, {"--db", db, "agenda", "--from", "2026-11-23", "--to", "2026-11-23"}} {
			cmd := exec.Command(bin, args...)
			cmd.Env = append([]string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir(), "TZ=Asia/Shanghai"}, env...)
			var out, errOut bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &errOut
			if err := cmd.Run(); err != nil {
				t.Fatalf("%v %v: %v\n%s", env, args, err, errOut.String())
			}
			if errOut.Len() != 0 {
				t.Errorf("%v %v: standard error is not empty:\n%s", env, args, errOut.String())
			}
			if args[0] == "help" && !strings.Contains(out.String(), "Usage: anteroom") {
				t.Errorf("%v: help is not in English:\n%s", env, out.String())
			}
			if len(args) > 2 && args[2] == "agenda" && !strings.Contains(out.String(), "Mon") {
				t.Errorf("%v: agenda is not in English:\n%s", env, out.String())
			}
		}
	}
}
