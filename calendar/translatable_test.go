package calendar_test

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"anteroom/calendar"
	"anteroom/calendar/desk"
)

// Every error the domain gives a person keeps the one contract: it is a
// calendar.Translatable whose key, and the keys of its Translatable
// arguments, are in both translations.
func TestDomainErrorsAreTranslatable(t *testing.T) {
	keys := map[string]map[string]string{}
	for _, lang := range []string{"en", "zh-CN"} {
		b, err := os.ReadFile(filepath.Join("..", "assets", "translations", lang+".json"))
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]string{}
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatal(err)
		}
		keys[lang] = m
	}
	invalid := calendar.Engagement{}.Validate()
	errs := map[string]error{
		"validation": invalid,
		"move":       &desk.MoveError{Subject: desk.Subject{Visit: 3}, State: "declined", Move: "book"},
		"busy":       &calendar.BusyError{Path: "a.db", Waited: 5 * time.Second},
		"conflict":   &calendar.ConflictError{Findings: []calendar.Finding{{Rule: calendar.RuleOverlap, Severity: calendar.SeverityBlock, Code: "conflict.holiday"}}},
	}
	var check func(name string, tr calendar.Translatable)
	check = func(name string, tr calendar.Translatable) {
		for lang, m := range keys {
			if _, ok := m[tr.Code()]; !ok {
				t.Errorf("%s: key %q missing from %s.json", name, tr.Code(), lang)
			}
		}
		for _, v := range tr.Args() {
			switch v := v.(type) {
			case calendar.Translatable:
				check(name, v)
			case []calendar.Translatable:
				if len(v) == 0 {
					t.Errorf("%s: an empty list argument", name)
				}
				for _, p := range v {
					check(name, p)
				}
			}
		}
	}
	for name, err := range errs {
		var tr calendar.Translatable
		if !errors.As(err, &tr) {
			t.Errorf("%s: %T is not Translatable", name, err)
			continue
		}
		check(name, tr)
	}
}
