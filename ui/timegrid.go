package ui

import (
	"fmt"
	"sort"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"anteroom/calendar"
)

// timeGrid is the scrollable body of the week grid: 24 hours by 7 days.
type timeGrid struct {
	widget.BaseWidget
	g     *weekGrid
	ghost *dragGhost // where a dragged block would land
}

func newTimeGrid(g *weekGrid) *timeGrid {
	t := &timeGrid{g: g, ghost: newDragGhost()}
	t.ExtendBaseWidget(t)
	return t
}

// DoubleTapped on an empty slot starts a new engagement there.
func (t *timeGrid) DoubleTapped(ev *fyne.PointEvent) {
	start, ok := t.slotAt(ev.Position)
	if ok && t.g.onCreateAt != nil {
		t.g.onCreateAt(start, false)
	}
}

// Tapped on a day selects it for the agenda.
func (t *timeGrid) Tapped(ev *fyne.PointEvent) {
	if start, ok := t.slotAt(ev.Position); ok {
		t.g.selectDay(calendar.DateOf(start))
	}
}

// slotAt returns the start of the slot under pos.
func (t *timeGrid) slotAt(pos fyne.Position) (time.Time, bool) {
	colW := (t.Size().Width - gutterWidth) / float32(t.g.days)
	if pos.X < gutterWidth || colW <= 0 {
		return time.Time{}, false
	}
	day := min(int((pos.X-gutterWidth)/colW), t.g.days-1)
	minutes := int(pos.Y/hourHeight*60) / slotMinutes * slotMinutes
	minutes = max(0, min(minutes, 24*60-slotMinutes))
	d := t.g.monday.AddDays(day)
	return time.Date(d.Year, d.Month, d.Day, minutes/60, minutes%60, 0, 0, t.g.loc), true
}

func (t *timeGrid) MinSize() fyne.Size {
	return fyne.NewSize(gutterWidth+float32(t.g.days)*60, 24*hourHeight)
}

func (t *timeGrid) CreateRenderer() fyne.WidgetRenderer {
	r := &timeGridRenderer{t: t, today: canvas.NewRectangle(colorToday), now: canvas.NewRectangle(colorNowLine)}
	for h := range 24 {
		r.hourLines = append(r.hourLines, canvas.NewRectangle(colorGridLine))
		label := canvas.NewText(fmt.Sprintf("%02d:00", h), theme.Color(theme.ColorNamePlaceHolder))
		label.TextSize = theme.CaptionTextSize()
		label.Alignment = fyne.TextAlignTrailing
		r.hourLabels = append(r.hourLabels, label)
	}
	r.Refresh()
	return r
}

// daySpan is a clock span on one day column of the week.
type daySpan struct {
	day  int
	span clockSpan
}

// placed is a block's position in the grid, computed on refresh.
type placed struct {
	day        int
	from, to   int // minutes after midnight
	lane       lane
	engagement calendar.Engagement
}

type timeGridRenderer struct {
	t          *timeGrid
	offHours   []*canvas.Rectangle
	offSpans   []daySpan
	hourLines  []*canvas.Rectangle
	hourLabels []*canvas.Text
	dayLines   []*canvas.Rectangle
	today      *canvas.Rectangle
	now        *canvas.Rectangle
	blocks     []*block
	placed     []placed
	objects    []fyne.CanvasObject
	// more are the "+N" markers, one per cluster of side-by-side blocks,
	// shown when the cluster is too wide to read; moreCluster names each
	// one's cluster.
	more        []*widget.Button
	moreCluster []int
}

// minBlockWidth is the narrowest block still readable: three or four
// characters of its title. Past it a cluster shows "+N" for the rest.
const minBlockWidth float32 = 48

// Refresh recomputes what is drawn from the grid's week and items; blocks
// are pooled so a refresh of a busy week allocates little.
func (r *timeGridRenderer) Refresh() {
	g := r.t.g
	r.offSpans = r.offSpans[:0]
	for day := range g.days {
		for _, s := range complement(g.workingHours(g.monday.AddDays(day))) {
			r.offSpans = append(r.offSpans, daySpan{day, s})
		}
	}
	for len(r.offHours) < len(r.offSpans) {
		r.offHours = append(r.offHours, canvas.NewRectangle(colorOffHours))
	}
	r.placed = r.place(r.placed[:0])
	for len(r.blocks) < len(r.placed) {
		b := g.newBlock()
		b.onDrag, b.onDragEnd = g.blockDragged, g.blockDragEnd
		r.blocks = append(r.blocks, b)
	}
	for i, p := range r.placed {
		e := p.engagement
		r.blocks[i].set(e, blockTitle(e), clock(e.Start.In(g.loc))+"–"+clock(e.End.In(g.loc))+"  "+e.Location)
		r.blocks[i].mark = g.markOf(e)
		r.blocks[i].selected = g.isChosen(e)
	}
	r.objects = r.objects[:0]
	for i := range r.offSpans {
		r.objects = append(r.objects, r.offHours[i])
	}
	r.objects = append(r.objects, r.today)
	for _, l := range r.hourLines {
		r.objects = append(r.objects, l)
	}
	for len(r.dayLines) < g.days+1 {
		r.dayLines = append(r.dayLines, canvas.NewRectangle(colorGridLine))
	}
	r.dayLines = r.dayLines[:g.days+1]
	for _, l := range r.dayLines {
		r.objects = append(r.objects, l)
	}
	for _, l := range r.hourLabels {
		l.Color = theme.Color(theme.ColorNamePlaceHolder)
		r.objects = append(r.objects, l)
	}
	for i := range r.placed {
		r.objects = append(r.objects, r.blocks[i])
	}
	r.moreCluster = r.moreCluster[:0]
	for i, p := range r.placed {
		if p.lane.cols > 1 && p.lane.col == 0 {
			r.moreCluster = append(r.moreCluster, r.placed[i].lane.cluster)
		}
	}
	for len(r.more) < len(r.moreCluster) {
		b := &widget.Button{Importance: widget.MediumImportance}
		r.more = append(r.more, b)
	}
	for i, c := range r.moreCluster {
		r.more[i].OnTapped = func() { r.openCluster(c) }
		r.objects = append(r.objects, r.more[i])
	}
	r.objects = append(r.objects, r.now)
	r.objects = append(r.objects, r.t.ghost.objects()...)
	r.Layout(r.t.Size())
	for i := range r.placed {
		// A block hidden behind its cluster's "+N" is not drawn: making
		// and laying out its text waits until it shows (Layout).
		if b := r.blocks[i]; b.Hidden {
			b.stale = true
		} else {
			b.stale = false
			b.Refresh()
		}
	}
	canvas.Refresh(r.t)
}

// place splits the week's timed engagements into per-day pieces and gives
// overlapping pieces lanes side by side. Cancelled pieces come first, so
// they are drawn beneath, and take lanes only among themselves: they never
// narrow a live engagement.
func (r *timeGridRenderer) place(out []placed) []placed {
	out = r.placeWhere(out, func(e calendar.Engagement) bool { return e.Status == calendar.StatusCancelled })
	return r.placeWhere(out, func(e calendar.Engagement) bool { return e.Status != calendar.StatusCancelled })
}

func (r *timeGridRenderer) placeWhere(out []placed, keep func(calendar.Engagement) bool) []placed {
	g := r.t.g
	for day := range g.days {
		d := g.monday.AddDays(day)
		dayStart, dayEnd := d.In(g.loc), d.AddDays(1).In(g.loc)
		first := len(out)
		var spans []span
		for _, e := range g.items {
			if inAllDayRow(e) || !keep(e) || !e.Overlaps(dayStart, dayEnd) {
				continue
			}
			s, en := calendar.Later(e.Start, dayStart), calendar.Earlier(e.End, dayEnd)
			from := minutesInto(s, dayStart)
			to := 24 * 60
			if en.Before(dayEnd) {
				to = minutesInto(en, dayStart)
			}
			spans = append(spans, span{index: len(out) - first, start: s, end: en})
			out = append(out, placed{day: day, from: from, to: to, engagement: e})
		}
		for i, l := range assignLanes(spans) {
			l.cluster += first // unique across days and passes
			out[first+i].lane = l
		}
	}
	return out
}

// minutesInto returns the wall-clock minutes of t after midnight, so a
// block sits at its printed hour even on a daylight-saving day.
func minutesInto(t, midnight time.Time) int {
	t = t.In(midnight.Location())
	if calendar.DateOf(t) != calendar.DateOf(midnight) {
		return 24 * 60
	}
	return t.Hour()*60 + t.Minute()
}

func (r *timeGridRenderer) Layout(size fyne.Size) {
	g := r.t.g
	colW := (size.Width - gutterWidth) / float32(g.days)
	minuteY := func(m int) float32 { return float32(m) * hourHeight / 60 }
	for i, o := range r.offSpans {
		rect := r.offHours[i]
		rect.Move(fyne.NewPos(gutterWidth+float32(o.day)*colW, minuteY(o.span.from)))
		rect.Resize(fyne.NewSize(colW, minuteY(o.span.to)-minuteY(o.span.from)))
	}
	for h, l := range r.hourLines {
		l.Move(fyne.NewPos(gutterWidth, float32(h)*hourHeight))
		l.Resize(fyne.NewSize(size.Width-gutterWidth, 1))
		label := r.hourLabels[h]
		label.Move(fyne.NewPos(0, float32(h)*hourHeight-label.TextSize*0.7))
		label.Resize(fyne.NewSize(gutterWidth-6, label.TextSize))
	}
	r.hourLabels[0].Move(fyne.NewPos(0, 0))
	for i, l := range r.dayLines {
		l.Move(fyne.NewPos(gutterWidth+float32(i)*colW, 0))
		l.Resize(fyne.NewSize(1, size.Height))
	}
	now := g.now().In(g.loc)
	day := daysBetween(g.monday, calendar.DateOf(now))
	visible := day >= 0 && day < g.days
	r.today.Hidden, r.now.Hidden = !visible, !visible
	if visible {
		r.today.Move(fyne.NewPos(gutterWidth+float32(day)*colW, 0))
		r.today.Resize(fyne.NewSize(colW, size.Height))
		r.now.Move(fyne.NewPos(gutterWidth+float32(day)*colW-3, minuteY(now.Hour()*60+now.Minute())-1))
		r.now.Resize(fyne.NewSize(colW+3, 2))
	}
	// A cluster wider than fits readably shows its first lanes and, in
	// the last one, "+N" for the engagements left out.
	fit := max(1, int(colW/minBlockWidth))
	type overflow struct {
		n        int
		x, w     float32
		from, to int
	}
	over := map[int]*overflow{}
	for i, p := range r.placed {
		cols := max(p.lane.cols, 1)
		lanes, shown := cols, cols
		if cols > fit {
			lanes, shown = fit, fit-1
		}
		w := colW / float32(lanes)
		x := gutterWidth + float32(p.day)*colW + float32(p.lane.col)*w
		y := minuteY(p.from)
		h := max(minuteY(p.to)-y, hourHeight/3)
		b := r.blocks[i]
		b.Hidden = p.lane.col >= shown
		if b.Hidden {
			o := over[p.lane.cluster]
			if o == nil {
				o = &overflow{x: gutterWidth + float32(p.day)*colW + float32(shown)*w, w: w, from: p.from, to: p.to}
				over[p.lane.cluster] = o
			}
			o.n++
			o.from, o.to = min(o.from, p.from), max(o.to, p.to)
			continue
		}
		b.Move(fyne.NewPos(x+1, y+1))
		b.Resize(fyne.NewSize(w-2, h-2))
		if b.stale {
			b.stale = false
			b.Refresh()
		}
	}
	for i, c := range r.moreCluster {
		m := r.more[i]
		o := over[c]
		wasHidden := m.Hidden
		m.Hidden = o == nil
		if o == nil {
			continue
		}
		text := fmt.Sprintf("+%d", o.n)
		changed := wasHidden || m.Text != text
		m.Text = text
		y := minuteY(o.from)
		m.Move(fyne.NewPos(o.x+1, y+1))
		m.Resize(fyne.NewSize(o.w-2, max(minuteY(o.to)-y, hourHeight/3)-2))
		// Moving and resizing lays the button out again; only a new count
		// (or showing it again) needs its text measured and redrawn.
		if changed {
			m.Refresh()
		}
	}
	if day, from, to, ok := g.ghostSpan(); ok && r.t.ghost.visible() {
		y := minuteY(from)
		r.t.ghost.place(fyne.NewPos(gutterWidth+float32(day)*colW+1, y+1), fyne.NewSize(colW-2, max(minuteY(to)-y, hourHeight/3)-2), size)
	}
}

// openCluster hands the engagements of one cluster, in time order, to the
// grid's list of a busy slot.
func (r *timeGridRenderer) openCluster(cluster int) {
	var items []calendar.Engagement
	for _, p := range r.placed {
		if p.lane.cluster == cluster {
			items = append(items, p.engagement)
		}
	}
	sort.SliceStable(items, func(i, j int) bool { return items[i].Start.Before(items[j].Start) })
	if r.t.g.onMore != nil {
		r.t.g.onMore(items)
	}
}

func (r *timeGridRenderer) MinSize() fyne.Size { return r.t.MinSize() }

func (r *timeGridRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *timeGridRenderer) Destroy() {}

// complement returns the parts of a day outside the given working spans.
func complement(work []clockSpan) []clockSpan {
	var out []clockSpan
	at := 0
	for _, w := range work {
		if w.from > at {
			out = append(out, clockSpan{at, w.from})
		}
		at = max(at, w.to)
	}
	if at < 24*60 {
		out = append(out, clockSpan{at, 24 * 60})
	}
	return out
}

func daysBetween(a, b calendar.Date) int {
	return int(b.In(time.UTC).Sub(a.In(time.UTC)).Hours() / 24)
}
