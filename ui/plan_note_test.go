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
			if !strings.Contains(p.note.Full(), w) {
				t.Fatalf("the note %q does not name %s", p.note.Full(), w)
			}
		}
		if strings.Contains(p.note.Full(), "WEEK") || strings.Contains(p.note.Full(), "周.html") {
			t.Fatalf("the note names a placeholder: %q", p.note.Full())
		}
		p.setWeek(p.week.Next())
	}
}
