package ui

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"anteroom/calendar/share"
)

// conflictsDialog is the list of sync conflicts: for each, this desk's
// version and the server's side by side, and a button to keep either.
type conflictsDialog struct {
	m       *mainWindow
	list    *fyne.Container
	message *paragraph
	d       dialog.Dialog
}

func (m *mainWindow) openSyncConflicts() {
	if m.sync.sharing == nil {
		return
	}
	c := &conflictsDialog{m: m, list: container.NewVBox(), message: newParagraph("").look(widget.DangerImportance, "", fyne.TextStyle{})}
	c.d = dialog.NewCustom(lang.L("Sync conflicts"), lang.L("Close"), container.NewBorder(nil, c.message, nil, nil, container.NewVScroll(c.list)), m.win)
	c.d.Resize(fitIn(m.win, fyne.NewSize(760, 520)))
	m.conflicts = c
	c.d.SetOnClosed(func() { m.conflicts = nil })
	c.refresh()
	c.d.Show()
}

func (c *conflictsDialog) refresh() {
	cs, err := c.m.sync.sharing.Conflicts(context.Background())
	if err != nil {
		c.message.SetText(syncErrorText(err))
		return
	}
	c.list.RemoveAll()
	if len(cs) == 0 {
		c.list.Add(widget.NewLabel(lang.L("No sync conflicts.")))
	}
	for _, k := range cs {
		c.list.Add(c.row(k))
		c.list.Add(widget.NewSeparator())
	}
	c.list.Refresh()
}

// row shows one conflict: a header, then a three-column grid of what
// (title, time, place), this desk's version and the server's.
func (c *conflictsDialog) row(k share.ConflictSides) fyne.CanvasObject {
	head := widget.NewLabelWithStyle(lang.L("{{.Leader}}'s book · found {{.When}}",
		map[string]any{"Leader": k.Leader, "When": k.Found.In(time.Local).Format("2006-01-02 15:04")}), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	bold := func(s string) fyne.CanvasObject {
		return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	cell := func(s string) fyne.CanvasObject { return newParagraph(s) }
	local, server := versionLines(k.Local), versionLines(k.Server)
	grid := container.NewGridWithColumns(3,
		widget.NewLabel(""), bold(lang.L("Mine (this desk)")), bold(lang.L("On the server")),
		widget.NewLabel(lang.L("Title")), cell(local[0]), cell(server[0]),
		widget.NewLabel(lang.L("Time")), cell(local[1]), cell(server[1]),
		widget.NewLabel(lang.L("Place")), cell(local[2]), cell(server[2]),
	)
	keepMine := &widget.Button{Text: lang.L("Keep mine"), OnTapped: func() { c.resolve(k.ID, share.KeepLocal) }}
	keepServer := &widget.Button{Text: lang.L("Keep server"), Importance: widget.HighImportance, OnTapped: func() { c.resolve(k.ID, share.KeepServer) }}
	return container.NewVBox(head, grid, container.NewHBox(keepMine, keepServer))
}

// versionLines are a version's title, time and place as shown.
func versionLines(v share.Version) [3]string {
	if v.Deleted {
		return [3]string{lang.L("(deleted)"), "", ""}
	}
	when := ""
	switch {
	case v.AllDay:
		when = v.Start.Format("2006-01-02") + " " + lang.L("all day")
	case !v.Start.IsZero():
		when = v.Start.Format("2006-01-02 15:04") + "–" + v.End.Format("15:04")
	}
	return [3]string{v.Title, when, v.Location}
}

// resolve keeps one side, off the UI thread (it asks the server), then
// redraws the list, the grid and the status.
func (c *conflictsDialog) resolve(id int64, keep string) {
	var err error
	c.m.goAsync(func() { err = c.m.sync.sharing.Resolve(context.Background(), id, keep) }, func() {
		if err != nil {
			c.message.SetText(syncErrorText(err))
		} else {
			c.message.SetText("")
		}
		c.refresh()
		c.m.reload()
	})
}
