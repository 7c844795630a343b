package assets

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// fyneKeyPattern finds the literal keys Fyne's widgets and dialogs look up.
var fyneKeyPattern = regexp.MustCompile(`lang\.[LX]\(("(?:[^"\\]|\\.)*")`)

// Fyne's own widgets (file dialogs, the date picker, entry menus) look up
// keys in the app's language files; Fyne ships no zh-CN file, so a key
// missing here shows in English to a zh-CN user ("message 'monday' not
// found in zh-CN"). Reads the Fyne module the build uses.
func TestFyneWidgetKeysAreTranslated(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go tool to find the Fyne module with")
	}
	out, err := exec.Command(goTool, "list", "-m", "-f", "{{.Dir}}", "fyne.io/fyne/v2").Output()
	dir := strings.TrimSpace(string(out))
	if err != nil || dir == "" {
		t.Skipf("the Fyne module is not on this machine: %v", err)
	}
	// The date picker builds its weekday keys: "monday", "monday.short"…
	used := map[string]string{}
	for _, day := range []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"} {
		used[day], used[day+".short"] = "widget/calendar.go", "widget/calendar.go"
	}
	for _, sub := range []string{"dialog", "widget"} {
		err := filepath.WalkDir(filepath.Join(dir, sub), func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return err
			}
			src, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			for _, m := range fyneKeyPattern.FindAllStringSubmatch(string(src), -1) {
				if key, err := strconv.Unquote(m[1]); err == nil {
					used[key] = path
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(used) < 25 {
		t.Fatalf("found only %d keys in Fyne's widgets; the scanner is broken", len(used))
	}
	zh, en := loadMessages(t, "zh-CN.json"), loadMessages(t, "en.json")
	for key, file := range used {
		if _, ok := zh[key]; !ok {
			t.Errorf("zh-CN.json lacks Fyne's %q (%s)", key, filepath.Base(file))
		}
		if _, ok := en[key]; !ok {
			t.Errorf("en.json lacks Fyne's %q (%s)", key, filepath.Base(file))
		}
	}
}
