package desk_test

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"anteroom/calendar"
	"anteroom/calendar/desk"
)

func writeTemp(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestFileStoreKeepsOneCopyPerContent(t *testing.T) {
	fs := desk.NewFileStore(filepath.Join(t.TempDir(), "files"))
	a, err := fs.Put(writeTemp(t, "汇报材料.pdf", "%PDF 报告正文"))
	if err != nil {
		t.Fatal(err)
	}
	// SHA-256 of the bytes, as sha256sum prints it.
	if a.Name != "汇报材料.pdf" || a.Size != int64(len("%PDF 报告正文")) || len(a.Hash) != 64 {
		t.Fatalf("Put returned %+v", a)
	}
	b, err := fs.Put(writeTemp(t, "copy of the report.pdf", "%PDF 报告正文"))
	if err != nil {
		t.Fatal(err)
	}
	if b.Hash != a.Hash || b.Name != "copy of the report.pdf" {
		t.Fatalf("same content under another name: %+v, want hash %s and its own name", b, a.Hash)
	}
	c, err := fs.Put(writeTemp(t, "other.txt", "另一份"))
	if err != nil {
		t.Fatal(err)
	}
	hashes, err := fs.Hashes()
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(hashes)
	want := []string{a.Hash, c.Hash}
	slices.Sort(want)
	if !slices.Equal(hashes, want) {
		t.Fatalf("stored %v, want one file per content %v", hashes, want)
	}
	p, err := fs.Path(a.Hash)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := os.ReadFile(p); err != nil || string(got) != "%PDF 报告正文" {
		t.Fatalf("stored content %q, %v", got, err)
	}
	if fi, err := os.Stat(p); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("stored file mode %v, %v; want 0600", fi.Mode().Perm(), err)
	}
	if err := fs.Remove(a.Hash); err != nil || fs.Has(a.Hash) {
		t.Fatalf("Remove: %v, still there %v", err, fs.Has(a.Hash))
	}
	if err := fs.Remove(a.Hash); err != nil {
		t.Fatalf("removing a file already gone: %v", err)
	}
	if !fs.Has(c.Hash) {
		t.Fatal("Remove took another file with it")
	}
	// No temporary files stay behind.
	entries, _ := os.ReadDir(fs.Dir())
	for _, e := range entries {
		if !e.IsDir() {
			t.Errorf("left in the store's folder: %s", e.Name())
		}
	}
}

func TestFileStoreRefusesWhatIsNotALocalRegularFile(t *testing.T) {
	fs := desk.NewFileStore(filepath.Join(t.TempDir(), "files"))
	cases := []struct {
		path string
		code string
	}{
		{"https://example.com/report.pdf", "validation.file_not_local"},
		{"ftp://example.com/report.pdf", "validation.file_not_local"},
		{"file:///etc/hostname", "validation.file_not_local"},
		{t.TempDir(), "validation.file_not_regular"},
		{os.DevNull, "validation.file_not_regular"},
		{filepath.Join(t.TempDir(), "missing.pdf"), "validation.file_unreadable"},
		{"", "validation.file_unreadable"},
	}
	for _, c := range cases {
		_, err := fs.Put(c.path)
		var ve *calendar.ValidationError
		if !errors.As(err, &ve) || !errors.Is(err, calendar.ErrInvalid) {
			t.Errorf("Put(%q) = %v, want a validation error", c.path, err)
			continue
		}
		if p, ok := ve.Field("file"); !ok || p.Code != c.code {
			t.Errorf("Put(%q): %+v, want %s on field file", c.path, ve.Problems, c.code)
		}
	}
	if hashes, _ := fs.Hashes(); len(hashes) != 0 {
		t.Fatalf("refused files were stored: %v", hashes)
	}
	if _, err := fs.Path("../../etc/passwd"); !errors.Is(err, calendar.ErrInvalid) {
		t.Fatalf("Path of a non-hash: %v", err)
	}
}
