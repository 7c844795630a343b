package ui

import (
	"slices"
	"testing"
)

// The Help → Keyboard dialog lists every shortcut the desk answers to,
// those of the views and undo included.
func TestHelpListsEveryShortcut(t *testing.T) {
	d := newDesk(t)
	d.m.showKeyboardHelp()
	top := d.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("the keyboard dialog did not open")
	}
	texts := labelsOf(top)
	for _, want := range []string{"Ctrl+N", "Ctrl+F", "Ctrl+Z", "Ctrl+1 / Ctrl+2 / Ctrl+3", "Delete", "Enter", "Esc", "T",
		tr("Undo the last change"), tr("Day, week or month view"), tr("Search…")} {
		if !slices.Contains(texts, want) {
			t.Errorf("the keyboard dialog does not list %q", want)
		}
	}
}
