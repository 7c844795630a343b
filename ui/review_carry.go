package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"anteroom/calendar"
	"anteroom/calendar/review"
)

// carrySlotCount is how many free slots the carry dialog offers.
const carrySlotCount = 5

// carryDialog carries an item over: into one of the free slots the
// conflict engine offers in the week after, or onto the to-schedule list.
// Briefing materials have no time: they stay open for next week.
type carryDialog struct {
	rw   *reviewWindow
	item review.ReviewItem
	note string

	choice   *widget.RadioGroup
	slots    []calendar.Slot
	carryBtn *widget.Button
	problem  *paragraph
	dialog   *dialog.CustomDialog
}

func newCarryDialog(rw *reviewWindow, it review.ReviewItem, note string) *carryDialog {
	c := &carryDialog{rw: rw, item: it, note: note, problem: errorLabel()}
	c.choice = &widget.RadioGroup{Required: true}
	c.carryBtn = &widget.Button{Text: lang.L("Carry over"), Icon: theme.Icon(theme.IconNameMailForward), Importance: widget.HighImportance, OnTapped: c.onCarry}
	cancel := &widget.Button{Text: lang.L("Cancel"), OnTapped: func() { c.dialog.Hide() }}
	var body fyne.CanvasObject
	if it.Ref.Kind == review.RefMaterial {
		body = newParagraph(lang.L("Briefing materials have no time of their own: carried over, they stay open and come up again in next week's review."))
	} else {
		c.choice.Options = []string{lang.L("Looking for free slots…")}
		c.carryBtn.Disable()
		body = container.NewVBox(
			newParagraph(lang.L("Free slots next week, in which no booking rule has anything to say:")),
			c.choice)
		c.findSlots()
	}
	title := lang.L("Carry over “{{.Title}}”", map[string]any{"Title": it.Title()})
	c.dialog = dialog.NewCustomWithoutButtons(title, container.NewVBox(body, c.problem), rw.win)
	c.dialog.SetButtons([]fyne.CanvasObject{cancel, c.carryBtn})
	return c
}

func (c *carryDialog) show() {
	c.dialog.Resize(fyne.NewSize(560, 420))
	c.dialog.Show()
}

// listOption is the choice that puts the item on the to-schedule list.
func listOption() string { return lang.L("Onto the to-schedule list, to book later") }

// findSlots asks the engine for free slots in the background and offers
// them, the first chosen; the to-schedule list is always offered last.
func (c *carryDialog) findSlots() {
	d, rw := c.rw.desk, c.rw
	leaderID, w, ref := d.leader().ID, rw.week, c.item.Ref
	var slots []calendar.Slot
	var err error
	d.m.goAsync(func() {
		slots, err = d.reviewSvc().CarrySlots(d.ctx(), leaderID, w, ref, carrySlotCount)
	}, func() {
		c.slots = slots
		allDay := c.item.Engagement.AllDay
		opts := make([]string, 0, len(slots)+1)
		for _, s := range slots {
			opts = append(opts, slotText(s, allDay, d.loc()))
		}
		opts = append(opts, listOption())
		c.choice.Options = opts
		c.choice.SetSelected(opts[0])
		c.choice.Refresh()
		c.carryBtn.Enable()
		if err != nil {
			showErr(c.problem, err)
		} else if len(slots) == 0 {
			showErr(c.problem, errorf(lang.L("No free slot next week: the item goes onto the to-schedule list.")))
			c.problem.Importance = widget.WarningImportance
		}
	})
}

// target is where the chosen option sends the item.
func (c *carryDialog) target() review.CarryTo {
	for i, s := range c.slots {
		if c.choice.Selected == c.choice.Options[i] {
			return review.CarryTo{Start: s.Start}
		}
	}
	return review.CarryTo{List: true}
}

// chooseList picks the to-schedule list, as a click on it does.
func (c *carryDialog) chooseList() { c.choice.SetSelected(listOption()) }

// onCarry carries the item where chosen; a slot taken meanwhile is said.
func (c *carryDialog) onCarry() {
	d := c.rw.desk
	to := review.CarryTo{}
	if c.item.Ref.Kind != review.RefMaterial {
		to = c.target()
	}
	_, err := d.reviewSvc().Carry(d.ctx(), d.leader().ID, c.rw.week, c.item.Ref, to, c.note, d.user())
	if err != nil {
		c.problem.Importance = widget.DangerImportance
		showErr(c.problem, err)
		return
	}
	d.recordDecision(c.rw.week, c.item)
	c.dialog.Hide()
	c.rw.detail.note.SetText("")
	c.rw.afterChange()
}
