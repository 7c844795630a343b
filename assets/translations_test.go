package assets

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"testing"
)

// keyPattern finds literal message keys: lang.L("…"), lang.X("…", and the
// domain's message codes such as "validation.end_before_start".
var keyPattern = regexp.MustCompile(`lang\.[LX]\(("(?:[^"\\]|\\.)*")|"((?:validation|finding|import|export|visit|materials|review|error|sync|minutes|followup|conflict)\.[a-z0-9_.]+)"`)

func loadMessages(t *testing.T, name string) map[string]string {
	t.Helper()
	b, err := TranslationFiles().ReadFile("translations/" + name)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]string
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return m
}

// TestEveryKeyIsTranslated reads the Go sources and fails when a string
// shown to users has no zh-CN or en translation.
func TestEveryKeyIsTranslated(t *testing.T) {
	zh, en := loadMessages(t, "zh-CN.json"), loadMessages(t, "en.json")
	used := map[string]string{} // key → first file using it
	for _, dir := range []string{"../ui", "../cmd", "../calendar", "../dav", "../data"} {
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || filepath.Ext(path) != ".go" || regexp.MustCompile(`_test\.go$`).MatchString(path) {
				return err
			}
			src, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			for _, m := range keyPattern.FindAllStringSubmatch(string(src), -1) {
				key := m[2]
				if m[1] != "" {
					if key, err = strconv.Unquote(m[1]); err != nil {
						continue
					}
				}
				if _, seen := used[key]; !seen {
					used[key] = path
				}
			}
			return nil
		})
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
	}
	if len(used) < 20 {
		t.Fatalf("found only %d message keys in the sources; the scanner is broken", len(used))
	}
	var missing []string
	for key, file := range used {
		if _, ok := zh[key]; !ok {
			missing = append(missing, "zh-CN: "+strconv.Quote(key)+" ("+file+")")
		}
		if _, ok := en[key]; !ok {
			missing = append(missing, "en: "+strconv.Quote(key)+" ("+file+")")
		}
	}
	sort.Strings(missing)
	for _, m := range missing {
		t.Error("untranslated " + m)
	}
}

// TestLanguagesHaveTheSameKeys keeps the two files in step.
func TestLanguagesHaveTheSameKeys(t *testing.T) {
	zh, en := loadMessages(t, "zh-CN.json"), loadMessages(t, "en.json")
	for k := range zh {
		if _, ok := en[k]; !ok {
			t.Errorf("%q is in zh-CN.json but not en.json", k)
		}
	}
	for k, v := range en {
		if _, ok := zh[k]; !ok {
			t.Errorf("%q is in en.json but not zh-CN.json", k)
		}
		if zh[k] == "" || v == "" {
			t.Errorf("%q has an empty translation", k)
		}
	}
}
