package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"anteroom/calendar"
)

// commonZones are offered first when adding a leader; any IANA name may be typed.
var commonZones = []string{"Asia/Shanghai", "Asia/Hong_Kong", "Asia/Taipei", "Asia/Tokyo", "Asia/Singapore",
	"Europe/Berlin", "Europe/London", "America/New_York", "America/Los_Angeles", "UTC"}

// addLeader asks for a new leader's name and home zone and switches to them.
func (m *mainWindow) addLeader() {
	name := widget.NewEntry()
	zone := widget.NewSelectEntry(commonZones)
	zone.SetText(m.loc.String())
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Name"), name),
		widget.NewFormItem(lang.L("Time zone"), zone),
	}
	d := dialog.NewForm(lang.L("Add leader…"), lang.L("Add"), lang.L("Cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		l := calendar.Leader{Name: name.Text, ZoneName: zone.Text, Order: len(m.leaders)}
		if err := m.svc.AddLeader(context.Background(), &l); err != nil {
			m.showError(err)
			return
		}
		m.leaders = append(m.leaders, l)
		m.refreshLeaderSelect()
		m.leaderSelect.SetSelected(l.Name)
	}, m.win)
	d.Resize(fyne.NewSize(420, 240))
	d.Show()
}
