package ui

import (
	"strings"
	"testing"
)

// The plan dialog names the files it writes for the week shown, not a
// placeholder ("plan-周.html"), and follows the week.
func TestPlanDialogNamesTheRealFiles(t *testing.T) {
	d := newDesk(t)
	p := newWeekDesk(d.m).openPlan()
	for range 2 {
		want := []string{"plan-" + p.week.String() + ".html", "plan-" + p.week.String() + ".ics"}
		for _, w := range want {
			if !strings.Contains(p.note.Text, w) {
				t.Fatalf("the note %q does not name %s", p.note.Text, w)
			}
		}
		if strings.Contains(p.note.Text, "WEEK") || strings.Contains(p.note.Text, "周.html") {
			t.Fatalf("the note names a placeholder: %q", p.note.Text)
		}
		p.setWeek(p.week.Next())
	}
}
