package ui

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"anteroom/calendar"
)

// leadersDialog is Leaders → Manage leaders: every leader in order, each
// renamed, given a zone, moved up or down, archived or put back in use,
// or shown (an archived leader's week stays readable).
type leadersDialog struct {
	m       *mainWindow
	rows    []*leaderRow
	list    *fyne.Container
	problem *paragraph
	dialog  *dialog.CustomDialog
}

// leaderRow is one leader's line in the dialog.
type leaderRow struct {
	leader               calendar.Leader
	name                 *formEntry
	zone                 *widget.SelectEntry
	state                *widget.Label
	save, up, down, show *widget.Button
	archive              *widget.Button // Archive, or Restore for an archived leader
}

// openLeaders opens the dialog.
func (m *mainWindow) openLeaders() *leadersDialog {
	d := &leadersDialog{m: m, list: container.NewVBox(), problem: errorLabel()}
	closeBtn := &widget.Button{Text: lang.L("Close"), OnTapped: func() { d.dialog.Hide() }}
	hint := newParagraph(lang.L("An archived leader is no longer offered for booking; their engagements stay and can be shown here.")).
		look(widget.LowImportance, "", fyne.TextStyle{})
	body := container.NewBorder(hint, d.problem, nil, nil, container.NewVScroll(d.list))
	d.dialog = dialog.NewCustomWithoutButtons(lang.L("Leaders"), body, m.win)
	d.dialog.SetButtons([]fyne.CanvasObject{closeBtn})
	d.build()
	d.dialog.Resize(fitIn(m.win, fyne.NewSize(900, 520)))
	showDialog(m.win, d.dialog)
	m.leadersDlg = d
	return d
}

// build lays out one row per leader, as stored now.
func (d *leadersDialog) build() {
	ls, err := d.m.svc.Leaders(context.Background())
	if err != nil {
		showErr(d.problem, err)
		return
	}
	d.rows = d.rows[:0]
	d.list.Objects = nil
	for i, l := range ls {
		r := &leaderRow{leader: l, name: newFormEntry(l.Name, ""), zone: widget.NewSelectEntry(commonZones)}
		r.zone.SetText(l.ZoneName)
		r.state = &widget.Label{Text: lang.L("In use"), Importance: widget.LowImportance}
		r.save = &widget.Button{Text: lang.L("Save"), Icon: theme.Icon(theme.IconNameDocumentSave), OnTapped: func() { d.saveRow(r) }}
		r.up = &widget.Button{Icon: theme.Icon(theme.IconNameMoveUp), Importance: widget.LowImportance, OnTapped: func() { d.move(r, -1) }}
		r.down = &widget.Button{Icon: theme.Icon(theme.IconNameMoveDown), Importance: widget.LowImportance, OnTapped: func() { d.move(r, 1) }}
		r.show = &widget.Button{Text: lang.L("Show"), Icon: theme.Icon(theme.IconNameVisibility), Importance: widget.LowImportance, OnTapped: func() { d.showLeader(r) }}
		r.archive = &widget.Button{Text: lang.L("Archive"), Icon: theme.Icon(theme.IconNameFolder), OnTapped: func() { d.archive(r) }}
		if !l.Active() {
			r.state.SetText(lang.L("Archived {{.When}}", map[string]any{"When": l.Archived.In(time.Local).Format("2006-01-02")}))
			r.state.Importance = widget.WarningImportance
			r.archive.SetText(lang.L("Restore"))
			r.archive.SetIcon(theme.Icon(theme.IconNameHistory))
		}
		if i == 0 {
			r.up.Disable()
		}
		if i == len(ls)-1 {
			r.down.Disable()
		}
		fields := container.NewGridWithColumns(3, r.name, r.zone, r.state)
		// Archive and Restore take the same width, so the rows line up.
		buttons := container.NewHBox(r.save, r.up, r.down, container.NewGridWrap(archiveButtonSize(), r.archive), r.show)
		d.rows = append(d.rows, r)
		d.list.Add(container.NewBorder(nil, nil, nil, buttons, fields))
	}
	d.list.Refresh()
}

// saveRow stores the row's name and zone; what is booked keeps its times.
func (d *leadersDialog) saveRow(r *leaderRow) {
	l := r.leader
	l.Name, l.ZoneName = r.name.Text, r.zone.Text
	d.apply(d.m.svc.UpdateLeader(context.Background(), &l))
}

// move moves the row's leader one place up (-1) or down (+1).
func (d *leadersDialog) move(r *leaderRow, by int) {
	pos := 0
	for i, o := range d.rows {
		if o == r {
			pos = i + by
		}
	}
	_, err := d.m.svc.MoveLeader(context.Background(), r.leader.ID, max(pos, 0))
	d.apply(err)
}

// archive archives the row's leader, or puts an archived one back in use.
func (d *leadersDialog) archive(r *leaderRow) {
	ctx := context.Background()
	if r.leader.Active() {
		_, err := d.m.svc.ArchiveLeader(ctx, r.leader.ID)
		d.apply(err)
		return
	}
	_, err := d.m.svc.RestoreLeader(ctx, r.leader.ID)
	d.apply(err)
}

// showLeader shows the row's leader's week in the window, archived or not.
func (d *leadersDialog) showLeader(r *leaderRow) {
	d.dialog.Hide()
	d.m.switchLeader(r.leader.ID)
}

// apply shows err, or rebuilds the dialog and the window's leader picker.
func (d *leadersDialog) apply(err error) {
	if err != nil {
		showErr(d.problem, err)
		return
	}
	showErr(d.problem, nil)
	d.build()
	d.m.switchLeader(d.m.leader.ID)
}

// switchLeader reads the leaders again and shows the one with id (the
// first in use when id is archived away from under the window and not
// asked for), refreshing the picker, the zone and the week.
func (m *mainWindow) switchLeader(id int64) {
	ls, err := m.svc.Leaders(context.Background())
	if err != nil {
		m.showError(err)
		return
	}
	m.leaders = ls
	for _, l := range ls {
		if l.ID == id {
			loc, err := l.Location()
			if err != nil {
				m.showError(err)
				return
			}
			m.leader, m.loc = l, loc
		}
	}
	m.refreshLeaderSelect()
	m.reload()
}

// pickerLeaders are the names the leader picker offers: the leaders in
// use, and the one shown when it is archived (shown from Leaders).
func (m *mainWindow) pickerLeaders() []string {
	var names []string
	for _, l := range m.leaders {
		if l.Active() || l.ID == m.leader.ID {
			names = append(names, l.Name)
		}
	}
	return names
}

// archiveButtonSize fits the wider of Archive and Restore.
func archiveButtonSize() fyne.Size {
	a := widget.NewButtonWithIcon(lang.L("Archive"), theme.Icon(theme.IconNameFolder), nil).MinSize()
	r := widget.NewButtonWithIcon(lang.L("Restore"), theme.Icon(theme.IconNameHistory), nil).MinSize()
	return fyne.NewSize(max(a.Width, r.Width), max(a.Height, r.Height))
}
