package ui

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
)

// dialogWriter is what a save dialog hands over for path: the file, made
// (or emptied) and open, as Fyne's file dialog makes it.
func dialogWriter(t *testing.T, path string) fyne.URIWriteCloser {
	t.Helper()
	w, err := storage.Writer(storage.NewFileURI(path))
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// folderHolds is the names in dir.
func folderHolds(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

func TestSaveFileWritesTheWholeFile(t *testing.T) {
	test.NewTempApp(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "anteroom-2026-12-07.ics")
	if err := os.WriteFile(path, []byte("the last week's export"), 0o600); err != nil {
		t.Fatal(err)
	}
	want := strings.Repeat("BEGIN:VEVENT\r\nSUMMARY:周一例会\r\nEND:VEVENT\r\n", 2000)
	err := saveFile(dialogWriter(t, path), func(w io.Writer) error {
		_, err := io.WriteString(w, want)
		return err
	})
	got, rerr := os.ReadFile(path)
	if err != nil || rerr != nil || string(got) != want {
		t.Fatalf("saved: %v, %v; the file holds %d bytes, want %d", err, rerr, len(got), len(want))
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o644 {
		t.Errorf("the saved file's mode is %v, want 0644: it is for other offices", fi.Mode().Perm())
	}
	if names := folderHolds(t, dir); len(names) != 1 {
		t.Errorf("the folder holds %q, want the file alone", names)
	}
}

func TestSaveFileThatFailsLeavesNoHalfFile(t *testing.T) {
	test.NewTempApp(t)
	speaking(t, "zh_CN.UTF-8")
	for name, stop := range map[string]error{
		"full":    &fs.PathError{Op: "write", Path: "tmp", Err: syscall.ENOSPC},
		"refused": errors.New("请至少选择一位领导。"),
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "anteroom-2026-12-07.ics")
			if err := os.WriteFile(path, []byte("the last week's export"), 0o600); err != nil {
				t.Fatal(err)
			}
			err := saveFile(dialogWriter(t, path), func(w io.Writer) error {
				if _, err := io.WriteString(w, "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n"); err != nil {
					return err
				}
				return stop // half-way
			})
			if !errors.Is(err, stop) {
				t.Fatalf("saving: %v, want %v", err, stop)
			}
			if names := folderHolds(t, dir); len(names) != 0 {
				t.Errorf("after the failed save the folder holds %q, want nothing", names)
			}
			if name == "full" {
				want := "磁盘已满：" + path + " 未能写入；请腾出空间后重试"
				if got := errorText(err); got != want {
					t.Errorf("the message is %q, want %q", got, want)
				}
			}
		})
	}
}
