package ics

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// TestMessages keeps the codes the package uses, its English templates and
// the UI's translation files in step.
func TestMessages(t *testing.T) {
	used := map[string]bool{}
	code := regexp.MustCompile(`"(import\.[a-z0-9_.]+)"`)
	files, _ := filepath.Glob("*.go")
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") || f == "messages.go" {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range code.FindAllStringSubmatch(string(src), -1) {
			used[m[1]] = true
		}
	}
	for c := range used {
		if _, ok := english[c]; !ok {
			t.Errorf("code %s has no English template", c)
		}
	}
	for c := range english {
		if !used[c] {
			t.Errorf("template %s is not used", c)
		}
	}
	for _, lang := range []string{"en", "zh-CN"} {
		b, err := os.ReadFile(filepath.Join("..", "..", "assets", "translations", lang+".json"))
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]string
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatal(err)
		}
		var missing []string
		for c := range english {
			if _, ok := m[c]; !ok {
				missing = append(missing, c)
			}
			if lang == "en" && m[c] != english[c] && m[c] != "" {
				t.Errorf("en.json says %q for %s, the package %q", m[c], c, english[c])
			}
		}
		sort.Strings(missing)
		for _, c := range missing {
			t.Errorf("%s.json lacks %s", lang, c)
		}
	}
}

func TestRender(t *testing.T) {
	w := Warning{Line: 3, Code: "import.zone_unknown", Args: args("Zone", "FOO", "Fallback", "Asia/Shanghai")}
	if got := w.String(); got != "line 3: unknown time zone FOO; read in Asia/Shanghai" {
		t.Errorf("%q", got)
	}
}
