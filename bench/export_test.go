package bench

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	goical "github.com/emersion/go-ical"
)

// exportCount is how many generated events an export row writes: the
// last exportCount of the history, exportCount/perDay days.
const exportCount = 10_000

// exportDays are the first and last day of the export rows' range.
func exportDays() (time.Time, time.Time) {
	return lastDay.AddDate(0, 0, -(exportCount/perDay - 1)), lastDay
}

// goicalEncode stands in for a plain go-ical program writing the events
// an export row exports: it builds the last exportCount events of the
// n-event history as go-ical's model, as generate writes them, and
// encodes them into path. spec is "n:path".
func goicalEncode(spec string) int {
	ns, path, _ := strings.Cut(spec, ":")
	n, err := strconv.Atoi(ns)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	loc, err := time.LoadLocation(tzid)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	cal := goical.NewCalendar()
	cal.Props.SetText(goical.PropVersion, "2.0")
	cal.Props.SetText(goical.PropProductID, "-//Anteroom bench//go-ical encode//ZH")
	tz := goical.NewComponent(goical.CompTimezone)
	tz.Props.SetText(goical.PropTimezoneID, tzid)
	std := goical.NewComponent(goical.CompTimezoneStandard)
	std.Props.SetDateTime(goical.PropDateTimeStart, time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC))
	setRaw(std.Props, goical.PropTimezoneOffsetFrom, "+0800")
	setRaw(std.Props, goical.PropTimezoneOffsetTo, "+0800")
	tz.Children = append(tz.Children, std)
	cal.Children = append(cal.Children, tz)
	first := firstDay(n)
	stamp := time.Date(2026, 1, 1, 8, 0, 0, 0, time.UTC)
	for i := n - exportCount; i < n; i++ {
		day := first.AddDate(0, 0, i/perDay)
		wall := day.Add(time.Duration(8+i%perDay) * time.Hour)
		start := time.Date(wall.Year(), wall.Month(), wall.Day(), wall.Hour(), 0, 0, 0, loc)
		end := start.Add(45 * time.Minute)
		uid := "a" + strconv.Itoa(i)
		ev := goical.NewEvent()
		if i%10 == 1 { // the override of the series one before, as generate writes it
			uid = "a" + strconv.Itoa(i-1)
			rid := start.Add(-time.Hour).AddDate(0, 0, 14)
			ev.Props.SetDateTime(goical.PropRecurrenceID, rid)
			start, end = rid.Add(30*time.Minute), rid.Add(90*time.Minute)
		}
		ev.Props.SetText(goical.PropUID, uid+"@bench.example.cn")
		ev.Props.SetDateTime(goical.PropDateTimeStamp, stamp)
		setRaw(ev.Props, goical.PropSequence, strconv.Itoa(i%3))
		ev.Props.SetDateTime(goical.PropDateTimeStart, start)
		ev.Props.SetDateTime(goical.PropDateTimeEnd, end)
		if i%10 == 0 {
			rule := "FREQ=WEEKLY;UNTIL=" + start.AddDate(0, 3, 0).UTC().Format("20060102T150405Z")
			switch {
			case i%1000 == 0:
				rule = "FREQ=WEEKLY"
			case i%20 == 0:
				rule = "FREQ=WEEKLY;COUNT=12"
			}
			setRaw(ev.Props, goical.PropRecurrenceRule, rule)
			ev.Props.SetDateTime(goical.PropExceptionDates, start.AddDate(0, 0, 7))
		}
		ev.Props.SetText(goical.PropSummary, genTitles[i%len(genTitles)]+fmt.Sprintf("（第%d次）", i))
		ev.Props.SetText(goical.PropLocation, "第"+strconv.Itoa(1+i%5)+"会议室, 行政中心三楼")
		ev.Props.SetText(goical.PropDescription, genNotes)
		ev.Props.SetText(goical.PropClass, []string{"PUBLIC", "PRIVATE", "CONFIDENTIAL"}[i%3])
		ev.Props.SetText(goical.PropStatus, "CONFIRMED")
		cal.Children = append(cal.Children, ev.Component)
	}
	f, err := os.Create(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	bw := bufio.NewWriterSize(f, 1<<16)
	if err := goical.NewEncoder(bw).Encode(cal); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	if err := bw.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	if err := f.Close(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

// setRaw sets a property whose value is written as given.
func setRaw(p goical.Props, name, value string) {
	p.Set(&goical.Prop{Name: name, Params: goical.Params{}, Value: value})
}

// exportRow: `export` of the last exportCount events of the n-event
// calendar (--privacy full, into a file) beside a go-ical program
// building and encoding the same events, alternating.
func (w *workbench) exportRow(n int, label string) {
	if n < exportCount {
		return
	}
	bs := w.builds()
	dbs := make([]string, len(bs))
	for i, b := range bs {
		dbs[i] = w.storedFor(n, b)
	}
	from, to := exportDays()
	out := filepath.Join(w.dir, "export.ics")
	ours := make([][]time.Duration, len(bs))
	ourCPU := make([][]time.Duration, len(bs))
	var theirs, theirCPU []time.Duration
	for range w.rounds {
		for i, b := range bs {
			r := w.exec(nil, b.bin, "--db", dbs[i], "export", "--privacy", "full",
				"--from", from.Format("2006-01-02"), "--to", to.Format("2006-01-02"), "-o", out)
			ours[i], ourCPU[i] = append(ours[i], r.wall), append(ourCPU[i], r.cpu)
		}
		g := w.exec([]string{"BENCH_GOICAL_ENCODE=" + strconv.Itoa(n) + ":" + out + ".goical"}, w.self)
		theirs, theirCPU = append(theirs, g.wall), append(theirCPU, g.cpu)
	}
	last := len(bs) - 1
	mo, mt := median(ours[last]), median(theirs)
	co, ct := median(ourCPU[last]), median(theirCPU)
	before, ratio := beside(median(ours[0]), mo, last > 0)
	if last > 0 {
		before += fmt.Sprintf(" (cpu %s, %.2f× go-ical's)", human(median(ourCPU[0])), float64(median(ourCPU[0]))/float64(ct))
	}
	w.row(label, fmt.Sprintf("`export` of %dk events, %s – %s", exportCount/1000, from.Format("2006-01-02"), to.Format("2006-01-02")),
		fmt.Sprintf("%s (cpu %s)", human(mo), human(co)), fmt.Sprintf("go-ical encode %s (cpu %s)", human(mt), human(ct)),
		fmt.Sprintf("%.2f× (cpu %.2f×)", float64(mo)/float64(mt), float64(co)/float64(ct)), before, ratio)
}
