package ui

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"anteroom/calendar"
	"anteroom/calendar/ics"
)

func TestPlanDialogSavesAndCirculatesNextWeek(t *testing.T) {
	d := newDesk(t)
	ctx := context.Background()
	d.m.shiftWeek(1)
	d.m.loadSampleWeek() // next week's, 2026-W49
	deputy := calendar.Leader{Name: "李县长", ZoneName: "Asia/Shanghai"}
	if err := d.svc.AddLeader(ctx, &deputy); err != nil {
		t.Fatal(err)
	}
	if err := d.m.loadLeaders(); err != nil {
		t.Fatal(err)
	}
	wd := newWeekDesk(d.m)
	p := wd.openPlan()
	if p.week != w48.Next() || len(p.leaders.Selected) != 1 || p.summary.Full() != lang.L("{{.Rows}} rows, {{.Hidden}} of them confidential.", map[string]any{"Rows": 12, "Hidden": 1}) {
		t.Fatalf("plan dialog for %s, leaders %v, summary %q", p.week, p.leaders.Selected, p.summary.Full())
	}

	var page bytes.Buffer
	if err := p.writeHTML(&page); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(page.String(), "周一例会") || strings.Contains(page.String(), "县委常委会") || !strings.Contains(page.String(), tr("review.plan.confidential")) {
		t.Fatal("the saved plan shows the confidential title, or misses the rest")
	}

	dir := t.TempDir()
	p.privacy.setValue(ics.PrivacyBusy)
	p.circulate(dir)
	if p.problem.Visible() || p.written.Rows != 12 || !strings.Contains(p.summary.Full(), "plan-2026-W49.ics") {
		t.Fatalf("circulated %+v: problem %q, summary %q", p.written, p.problem.Full(), p.summary.Full())
	}
	for _, name := range []string{"plan-2026-W49.html", "plan-2026-W49.ics"} {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil || strings.Contains(string(b), "县委常委会") {
			t.Fatalf("%s: %v (or it shows the confidential title)", name, err)
		}
	}
	if cal, _ := os.ReadFile(filepath.Join(dir, "plan-2026-W49.ics")); strings.Contains(string(cal), "周一例会") {
		t.Fatal("the busy .ics shows titles")
	}

	// No leader ticked: said, nothing written.
	p.leaders.SetSelected(nil)
	p.circulate(t.TempDir())
	if !p.problem.Visible() {
		t.Fatal("circulating without a leader said nothing")
	}
}

func TestEditorKeepsTheOrganiserForThePlan(t *testing.T) {
	d := newDesk(t)
	d.m.newEngagement()
	ed := d.m.editor
	test.Type(ed.title, "全县经济运行分析会")
	test.Type(ed.organiser, "县发改局")
	test.Tap(ed.saveBtn)
	got := d.stored()
	if len(got) != 1 || got[0].Organiser != "县发改局" {
		t.Fatalf("stored %+v", got)
	}
	d.m.openEngagement(got[0])
	if d.m.editor.organiser.Text != "县发改局" {
		t.Fatalf("the editor shows organiser %q", d.m.editor.organiser.Text)
	}
}
