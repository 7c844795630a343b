package calendar_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"
)

// TestEveryMessageCodeIsTranslated reads the message codes the package
// uses and the placeholders of their English fallbacks, and wants each in
// both message files with the same placeholders.
func TestEveryMessageCodeIsTranslated(t *testing.T) {
	// The domain's packages: booking here, the desk, the review, imports and the RRULE grammar below.
	sources, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, sub := range []string{"desk", "review", "imports", "rrule"} {
		more, err := filepath.Glob(filepath.Join(sub, "*.go"))
		if err != nil || len(more) == 0 {
			t.Fatalf("no sources in %s: %v", sub, err)
		}
		sources = append(sources, more...)
	}
	// "validation.x", "fallback" in a call, "conflict.x": "fallback" in a table.
	code := regexp.MustCompile(`"((?:validation|conflict)\.[a-z_]+)"[,:]\s*"([^"]*)"`)
	placeholder := regexp.MustCompile(`\{\{\.(\w+)\}\}`)
	names := func(s string) []string {
		var out []string
		for _, m := range placeholder.FindAllStringSubmatch(s, -1) {
			out = append(out, m[1])
		}
		slices.Sort(out)
		return slices.Compact(out)
	}
	want := map[string][]string{}
	for _, src := range sources {
		if filepath.Ext(src) == ".go" && !regexp.MustCompile(`_test\.go$`).MatchString(src) {
			b, err := os.ReadFile(src)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range code.FindAllStringSubmatch(string(b), -1) {
				want[m[1]] = names(m[2])
			}
		}
	}
	if len(want) < 20 || want["conflict.overlap"] == nil || want["conflict.daily_cap"] == nil {
		t.Fatalf("found only %d message codes in the sources: %v", len(want), want)
	}
	files := map[string]map[string]string{}
	for _, lang := range []string{"en", "zh-CN"} {
		b, err := os.ReadFile(filepath.Join("..", "assets", "translations", lang+".json"))
		if err != nil {
			t.Fatal(err)
		}
		var msgs map[string]string
		if err := json.Unmarshal(b, &msgs); err != nil {
			t.Fatal(err)
		}
		files[lang] = msgs
	}
	for c, args := range want {
		en, okEn := files["en"][c]
		zh, okZh := files["zh-CN"][c]
		if !okEn || !okZh {
			t.Errorf("%s: translated in English %v, in Chinese %v", c, okEn, okZh)
			continue
		}
		if !slices.Equal(names(en), names(zh)) {
			t.Errorf("%s: English uses %v, Chinese %v", c, names(en), names(zh))
		}
		for _, a := range args {
			if a != "Part" && !slices.Contains(names(en), a) {
				t.Errorf("%s: the fallback's {{.%s}} is missing from the message %q", c, a, en)
			}
		}
	}
}
