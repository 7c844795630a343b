package ui

import (
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"anteroom/calendar/share"
	"anteroom/calendar/share/state"
)

// syncProgress is the dialog of a large sync: a count, a bar and Cancel.
type syncProgress struct {
	s     *syncer
	label *widget.Label
	bar   *widget.ProgressBar
	d     dialog.Dialog
}

// showProgress opens the dialog, or moves it on, for p of book b.
func (s *syncer) showProgress(b state.Book, p share.Progress) {
	if !s.running {
		return // the sync ended before this reached the UI thread
	}
	if s.progress == nil {
		sp := &syncProgress{s: s, label: widget.NewLabel(""), bar: widget.NewProgressBar()}
		sp.d = dialog.NewCustom(lang.L("Syncing the book"), lang.L("Cancel"), container.NewVBox(sp.label, sp.bar), s.m.win)
		sp.d.SetOnClosed(func() {
			if s.cancel != nil {
				s.cancel()
			}
			s.progress = nil
		})
		s.progress = sp
		sp.d.Show()
	}
	msg := "{{.Leader}}: fetched {{.Done}} of {{.Total}} items from the server"
	if p.Phase == share.PhasePush {
		msg = "{{.Leader}}: sent {{.Done}} of {{.Total}} changes to the server"
	}
	s.progress.label.SetText(lang.L(msg, map[string]any{"Leader": s.m.leaderNamed(b.LeaderID), "Done": p.Done, "Total": p.Total}))
	s.progress.bar.Max = float64(p.Total)
	s.progress.bar.SetValue(float64(p.Done))
}

// close ends the dialog when the sync is over (not a cancel).
func (sp *syncProgress) close() {
	sp.d.SetOnClosed(nil)
	sp.d.Hide()
	sp.s.progress = nil
}
