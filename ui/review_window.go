package ui

import (
	"cmp"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"anteroom/calendar"
	"anteroom/calendar/review"
)

// reviewWindow is the Friday review (周五梳理) of one week of the leader's:
// every engagement and open set of briefing materials in a table, what
// was decided of each, the chosen item's details with Done and Carry
// over beside it, and Close review below. A closed review reads only.
type reviewWindow struct {
	desk *weekDesk
	win  fyne.Window
	week calendar.Week

	weekLabel *widget.Label
	summary   *widget.Label
	banner    *paragraph // a closed review's record
	table     *sortTable[reviewRow]
	detail    *reviewDetail
	followUps *reviewFollowUps
	closeBtn  *widget.Button

	rv     review.WeekReview
	places map[int64]*carryPlace // where each carry-over of the week went, by ID
	err    error                 // of the last load
	carry  *carryDialog          // the open carry dialog, for tests
}

// reviewRow is one line of the table: an item and its place in the
// review's own order.
type reviewRow struct {
	order int
	item  review.ReviewItem
}

func newReviewWindow(d *weekDesk, w calendar.Week) *reviewWindow {
	rw := &reviewWindow{desk: d, win: escaping(d.m.app.NewWindow(lang.L("Friday review"))), week: w}
	rw.weekLabel = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}}
	rw.summary = &widget.Label{}
	rw.banner = newParagraph("").look(widget.SuccessImportance, "", fyne.TextStyle{})
	rw.banner.Hide()
	prev := &widget.Button{Icon: theme.Icon(theme.IconNameNavigateBack), Importance: widget.LowImportance, OnTapped: func() { rw.showWeek(rw.week.AddWeeks(-1)) }}
	next := &widget.Button{Icon: theme.Icon(theme.IconNameNavigateNext), Importance: widget.LowImportance, OnTapped: func() { rw.showWeek(rw.week.Next()) }}
	this := &widget.Button{Text: lang.L("This week"), OnTapped: func() { rw.showWeek(d.thisWeek()) }}
	rw.closeBtn = &widget.Button{Text: lang.L("Close review…"), Icon: theme.Icon(theme.IconNameConfirm), Importance: widget.HighImportance, OnTapped: rw.onClose}

	loc := d.loc
	rw.table = newSortTable([]tableCol[reviewRow]{
		{title: lang.L("When"), width: 192, text: func(r reviewRow) string { return itemWhen(r.item, loc()) },
			compare: func(a, b reviewRow) int { return cmp.Compare(a.order, b.order) }},
		{title: lang.L("Item"), width: 208, text: func(r reviewRow) string { return r.item.Title() },
			compare: func(a, b reviewRow) int { return strings.Compare(a.item.Title(), b.item.Title()) }},
		{title: lang.L("Carried"), width: 52, text: func(r reviewRow) string { return carriedText(r.item) },
			compare:    func(a, b reviewRow) int { return cmp.Compare(a.item.CarriedTimes(), b.item.CarriedTimes()) },
			importance: func(r reviewRow) widget.Importance { return carriedImportance(r.item) }},
		{title: lang.L("Decision"), width: 236, text: func(r reviewRow) string { return outcomeText(r.item, rw.placeOf(r.item), loc()) },
			compare:    func(a, b reviewRow) int { return cmp.Compare(outcomeRank(a.item), outcomeRank(b.item)) },
			importance: func(r reviewRow) widget.Importance { return outcomeImportance(r.item) }},
		{title: lang.L("Item ID"), width: 150, text: func(r reviewRow) string { return r.item.Ref.Text(loc()) },
			compare: func(a, b reviewRow) int { return cmp.Compare(a.order, b.order) }},
	}, func(r reviewRow) { rw.detail.show(r.item) })
	rw.detail = newReviewDetail(rw)

	top := container.NewBorder(nil, nil, container.NewHBox(prev, rw.weekLabel, next, this), rw.summary)
	bottom := container.NewBorder(nil, nil, nil, rw.closeBtn,
		newParagraph(lang.L("Done files an item with its briefing materials; carried over, it moves to next week.")).look(widget.LowImportance, "", fyne.TextStyle{}))
	rw.followUps = newReviewFollowUps(rw)
	left := container.NewVSplit(rw.table, rw.followUps.content)
	left.Offset = 0.68
	split := container.NewHSplit(left, container.NewVScroll(rw.detail.content))
	split.Offset = 0.73
	rw.win.SetContent(container.NewBorder(container.NewVBox(container.NewPadded(top), rw.banner), container.NewPadded(bottom), nil, nil, split))
	rw.win.Resize(secondWindowSize)
	return rw
}

// outcomeRank orders decisions: to decide, carried, done.
func outcomeRank(it review.ReviewItem) int {
	switch {
	case it.Mark == nil:
		return 0
	case it.Mark.Outcome == review.OutcomeCarried:
		return 1
	}
	return 2
}

// placeOf returns where a carried item went, once loaded.
func (rw *reviewWindow) placeOf(it review.ReviewItem) *carryPlace {
	if it.Mark == nil || it.Mark.CarryID == 0 {
		return nil
	}
	return rw.places[it.Mark.CarryID]
}

// showWeek switches to week w.
func (rw *reviewWindow) showWeek(w calendar.Week) {
	rw.week = w
	rw.detail.clear()
	rw.reload()
}

// reload reads the review in the background and then shows it.
func (rw *reviewWindow) reload() {
	d := rw.desk
	leader, w := d.leader(), rw.week
	rw.weekLabel.SetText(reviewWeekTitle(w))
	rw.followUps.show(w)
	rw.win.SetTitle(lang.L("Friday review") + " · " + leader.Name)
	var rv review.WeekReview
	places := map[int64]*carryPlace{}
	var err error
	d.m.goAsync(func() {
		if rv, err = d.reviewSvc().WeekReview(d.ctx(), leader.ID, w); err != nil {
			return
		}
		for _, it := range rv.Items {
			if it.Mark == nil || it.Mark.CarryID == 0 {
				continue
			}
			c, cerr := d.reviewSvc().CarryOver(d.ctx(), it.Mark.CarryID)
			if cerr != nil {
				err = cerr
				return
			}
			p := &carryPlace{over: c}
			if c.EngagementID != 0 {
				if e, eerr := d.svc().Engagement(d.ctx(), c.EngagementID); eerr == nil {
					p.booked = &e
				}
			}
			places[c.ID] = p
		}
	}, func() {
		if w != rw.week {
			return // the user moved on meanwhile
		}
		rw.err = err
		if err != nil {
			rw.summary.Importance = widget.DangerImportance
			rw.summary.SetText(errorText(err))
			return
		}
		rw.show(rv, places)
	})
}

// show puts a loaded review on screen.
func (rw *reviewWindow) show(rv review.WeekReview, places map[int64]*carryPlace) {
	rw.rv, rw.places = rv, places
	rows := make([]reviewRow, len(rv.Items))
	for i, it := range rv.Items {
		rows[i] = reviewRow{order: i, item: it}
	}
	rw.table.setRows(rows)
	done, carried, open := rv.Counts()
	rw.summary.Importance = widget.MediumImportance
	rw.summary.SetText(lang.L("{{.Open}} to decide · {{.Done}} done · {{.Carried}} carried over",
		map[string]any{"Open": open, "Done": done, "Carried": carried}))
	if rv.Closed() {
		rw.banner.SetText(recordText(*rv.Record, rw.desk.loc()))
		rw.banner.Show()
		rw.closeBtn.Disable()
	} else {
		rw.banner.Hide()
		rw.closeBtn.Enable()
	}
	rw.detail.refresh()
}

// row returns the table row of the item titled title, for tests.
func (rw *reviewWindow) row(title string) (int, bool) {
	for i, r := range rw.table.rows {
		if r.item.Title() == title {
			return i, true
		}
	}
	return 0, false
}

// open selects the item titled title, as a click on its row does.
func (rw *reviewWindow) open(title string) bool {
	i, ok := rw.row(title)
	if ok {
		rw.table.Select(widget.TableCellID{Row: i, Col: 1})
	}
	return ok
}

// onClose closes the review after a confirmation; engagements left
// undecided are marked done, which the confirmation says.
func (rw *reviewWindow) onClose() {
	if rw.rv.Closed() || rw.err != nil {
		return
	}
	undecided := 0
	for _, it := range rw.rv.Items {
		if it.Mark == nil && (it.Ref.Kind == review.RefEngagement || it.Ref.Kind == review.RefOccurrence) {
			undecided++
		}
	}
	msg := lang.L("Close the review of {{.Week}}? It is recorded, and can then be read but not changed. Open briefing materials and to-schedule entries stay open for next week.",
		map[string]any{"Week": rw.week.String()})
	if undecided > 0 {
		msg = lang.L("{{.Count}} engagements are not marked yet: they will be marked done. ", map[string]any{"Count": undecided}) + msg
	}
	note := &widget.Entry{PlaceHolder: lang.L("A note on the week (optional)")}
	content := container.NewVBox(newParagraph(msg), note)
	dlg := dialog.NewCustomConfirm(lang.L("Close review…"), lang.L("Close review"), lang.L("Cancel"), content, func(ok bool) {
		if ok {
			rw.closeReview(note.Text)
		}
	}, rw.win)
	dlg.Resize(fyne.NewSize(520, 240))
	dlg.Show()
}

// closeReview closes the review, the rest marked done.
func (rw *reviewWindow) closeReview(note string) {
	d := rw.desk
	if _, err := d.reviewSvc().CloseReview(d.ctx(), d.leader().ID, rw.week, note, d.user(), true); err != nil {
		showDialog(rw.win, newErrorDialog(errorText(err), rw.win))
		return
	}
	rw.afterChange()
}

// afterChange reloads the review and the week grid after a decision.
func (rw *reviewWindow) afterChange() {
	rw.reload()
	rw.desk.changed()
}
