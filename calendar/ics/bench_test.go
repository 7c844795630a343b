package ics

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	goical "github.com/emersion/go-ical"

	"anteroom/calendar"
)

// benchZones are the zones of the generated file: IANA names, Windows
// names with Outlook's VTIMEZONE, a zone known only from its VTIMEZONE,
// and an Outlook display name without one.
var benchZones = []struct {
	tzid string
	vtz  string // VTIMEZONE body, "" for none
}{
	{"Asia/Shanghai", ""},
	{"China Standard Time", "BEGIN:STANDARD\r\nDTSTART:16010101T000000\r\nTZOFFSETFROM:+0800\r\nTZOFFSETTO:+0800\r\nEND:STANDARD\r\n"},
	{"W. Europe Standard Time", "BEGIN:STANDARD\r\nDTSTART:16010101T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\nEND:STANDARD\r\nBEGIN:DAYLIGHT\r\nDTSTART:16010101T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\nEND:DAYLIGHT\r\n"},
	{"Customized Time Zone", "BEGIN:STANDARD\r\nDTSTART:16010101T020000\r\nTZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500\r\nRRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11\r\nEND:STANDARD\r\nBEGIN:DAYLIGHT\r\nDTSTART:16010101T020000\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400\r\nRRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3\r\nEND:DAYLIGHT\r\n"},
	{"America/New_York", ""},
	{"(UTC+09:00) Osaka, Sapporo, Tokyo", ""},
}

var benchTitles = []string{"周一例会", "会见华东电力公司总经理一行", "县委常委会", "调研城南工业园区", "防汛工作专题会", "安全生产工作会议", "Quarterly review, Berlin office", "全民义务植树活动"}

const benchNotes = "各部门汇报本周重点工作，请提前十分钟到场；会议材料已于周五下发，如有修改请于会前报办公室。" +
	"议题：一、传达上级会议精神；二、研究部署下一阶段重点工作；三、其他事项。Agenda: minutes, follow-up, AOB."

// generateBench writes an iCalendar file of n events, n items to import:
// mixed zones, weekly series with EXDATE lists and overrides, all-day
// items, Chinese text and long lines folded at 75 octets, attendees.
func generateBench(n int) []byte {
	var buf bytes.Buffer
	lw := newLineWriter(&buf)
	lw.prop("BEGIN", "VCALENDAR")
	lw.prop("VERSION", "2.0")
	lw.prop("PRODID", "-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN")
	lw.prop("METHOD", "PUBLISH")
	lw.prop("X-WR-TIMEZONE", "Asia/Shanghai")
	for _, z := range benchZones {
		if z.vtz != "" {
			lw.flush()
			buf.WriteString("BEGIN:VTIMEZONE\r\nTZID:" + z.tzid + "\r\n" + z.vtz + "END:VTIMEZONE\r\n")
		}
	}
	base := time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)
	for i := 0; i < n; i++ {
		z := benchZones[i%len(benchZones)]
		day := base.AddDate(0, 0, i%700)
		local := day.Add(time.Duration(8+i%9)*time.Hour + time.Duration(i%4*15)*time.Minute)
		lw.prop("BEGIN", "VEVENT")
		// Each event is an item of its own, but the override that follows
		// a series, which shares the series' UID (RFC 5545 §3.8.4.4).
		uid := "040000008200E00074C5B7101A82E008" + strconv.Itoa(1000000+i/7)
		if i%7 != 0 && (i%7 != 1 || i%10 == 9) {
			uid += "-" + strconv.Itoa(i%7)
		}
		lw.prop("UID", uid+"@bench.example.cn")
		lw.prop("DTSTAMP", "20260101T080000Z")
		lw.prop("SEQUENCE", strconv.Itoa(i%3))
		switch {
		case i%10 == 9: // all-day
			lw.start("DTSTART")
			lw.param("VALUE", "DATE")
			lw.timeValue(day, dateLayout)
			lw.start("DTEND")
			lw.param("VALUE", "DATE")
			lw.timeValue(day.AddDate(0, 0, 1+i%3), dateLayout)
		default:
			lw.start("DTSTART")
			lw.param("TZID", z.tzid)
			lw.timeValue(local, localLayout)
			lw.start("DTEND")
			lw.param("TZID", z.tzid)
			lw.timeValue(local.Add(time.Duration(30+i%4*30)*time.Minute), localLayout)
		}
		switch {
		case i%7 == 0: // a weekly series with exceptions
			lw.prop("RRULE", "FREQ=WEEKLY;UNTIL="+day.AddDate(0, 3, 0).Format("20060102")+"T235959;BYDAY=MO,WE;WKST=MO")
			lw.start("EXDATE")
			lw.param("TZID", z.tzid)
			lw.value(local.AddDate(0, 0, 7).Format(localLayout) + "," + local.AddDate(0, 0, 14).Format(localLayout))
		case i%7 == 1 && i%10 != 9: // an override of the series above
			lw.start("RECURRENCE-ID")
			lw.param("TZID", z.tzid)
			lw.timeValue(local.AddDate(0, 0, 6), localLayout)
		}
		lw.textProp("SUMMARY", benchTitles[i%len(benchTitles)]+fmt.Sprintf("（第%d次）", i))
		lw.textProp("LOCATION", "第"+strconv.Itoa(1+i%5)+"会议室, 行政中心三楼")
		lw.textProp("DESCRIPTION", benchNotes)
		lw.start("ORGANIZER")
		lw.param("CN", "王秘书")
		lw.value("mailto:wang.mishu@bench.example.cn")
		for a := 0; a < 2; a++ {
			lw.start("ATTENDEE")
			lw.param("ROLE", "REQ-PARTICIPANT")
			lw.param("PARTSTAT", "NEEDS-ACTION")
			lw.param("CN", "参会人"+strconv.Itoa(a))
			lw.value("mailto:attendee" + strconv.Itoa(a) + "@bench.example.cn")
		}
		lw.prop("CLASS", []string{"PUBLIC", "PRIVATE", "CONFIDENTIAL"}[i%3])
		lw.prop("STATUS", "CONFIRMED")
		lw.prop("TRANSP", "OPAQUE")
		lw.prop("BEGIN", "VALARM")
		lw.prop("TRIGGER", "-PT15M")
		lw.prop("ACTION", "DISPLAY")
		lw.textProp("DESCRIPTION", "提醒")
		lw.prop("END", "VALARM")
		lw.prop("END", "VEVENT")
	}
	lw.prop("END", "VCALENDAR")
	lw.flush()
	return buf.Bytes()
}

var (
	bench100kOnce sync.Once
	bench100k     []byte
)

func bench100kData() []byte {
	bench100kOnce.Do(func() { bench100k = generateBench(100_000) })
	return bench100k
}

var shanghaiZone, _ = time.LoadLocation("Asia/Shanghai")

func BenchmarkDecode100k(b *testing.B) {
	data := bench100kData()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		cal, err := Decode(bytes.NewReader(data), "bench.ics", Options{Zone: shanghaiZone})
		if err != nil {
			b.Fatal(err)
		}
		if len(cal.Events) != 100_000 {
			b.Fatalf("%d events", len(cal.Events))
		}
	}
	b.StopTimer()
	reportPeakRSS(b, "ours", data)
}

// BenchmarkDecodeEach100k streams the events, as an import does.
func BenchmarkDecodeEach100k(b *testing.B) {
	data := bench100kData()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		n := 0
		_, err := DecodeEach(bytes.NewReader(data), "bench.ics", Options{Zone: shanghaiZone}, func(*Event) error { n++; return nil })
		if err != nil || n != 100_000 {
			b.Fatalf("%d events, %v", n, err)
		}
	}
	b.StopTimer()
	reportPeakRSS(b, "ours-each", data)
}

func BenchmarkGoICALDecode100k(b *testing.B) {
	data := bench100kData()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		cal, err := goical.NewDecoder(bytes.NewReader(data)).Decode()
		if err != nil {
			b.Fatal(err)
		}
		if n := len(cal.Events()); n != 100_000 {
			b.Fatalf("%d events", n)
		}
	}
	b.StopTimer()
	reportPeakRSS(b, "go-ical", data)
}

// reportPeakRSS decodes data in a child process and reports the child's
// peak resident memory (VmHWM), its peak when it only reads the file, and
// the file size, in MB.
func reportPeakRSS(b *testing.B, mode string, data []byte) {
	path := filepath.Join(b.TempDir(), "bench.ics")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		b.Fatal(err)
	}
	peak := func(mode string) float64 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestDecodeMemoryChild$", "-test.count=1", "-test.v")
		cmd.Env = append(os.Environ(), "ICS_MEM_MODE="+mode, "ICS_MEM_FILE="+path)
		out, err := cmd.CombinedOutput()
		if err != nil {
			b.Fatalf("child: %v\n%s", err, out)
		}
		m := regexp.MustCompile(`VmHWM:\s+(\d+) kB`).FindSubmatch(out)
		if m == nil {
			b.Skipf("no VmHWM from the child (not Linux?):\n%s", out)
		}
		kb, _ := strconv.Atoi(string(m[1]))
		return float64(kb) / 1024
	}
	b.ReportMetric(peak(mode), "peak-RSS-MB")
	b.ReportMetric(peak("none"), "idle-RSS-MB")
	b.ReportMetric(float64(len(data))/(1<<20), "file-MB")
}

// TestDecodeMemoryChild is the child process of reportPeakRSS: it reads
// the file and decodes it with one decoder, holding the result.
func TestDecodeMemoryChild(t *testing.T) {
	mode, path := os.Getenv("ICS_MEM_MODE"), os.Getenv("ICS_MEM_FILE")
	if mode == "" {
		t.Skip("run by the benchmarks")
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var result any
	switch mode {
	case "ours":
		result, err = Decode(f, path, Options{Zone: shanghaiZone})
	case "ours-each":
		result, err = DecodeEach(f, path, Options{Zone: shanghaiZone}, func(*Event) error { return nil })
	case "go-ical":
		result, err = goical.NewDecoder(f).Decode()
	case "none":
		_, err = io.Copy(io.Discard, f)
	}
	if err != nil {
		t.Fatal(err)
	}
	runtime.KeepAlive(result)
	// The peak resident set of this process, which exec started afresh.
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Skip(err)
	}
	for _, l := range strings.Split(string(status), "\n") {
		if strings.HasPrefix(l, "VmHWM:") {
			t.Log(l)
		}
	}
}

// benchExport returns n export items like the generated file's.
func benchExport(n int) []ExportEvent {
	zones := []string{"Asia/Shanghai", "Europe/Berlin", "America/New_York", "Asia/Tokyo"}
	base := time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)
	out := make([]ExportEvent, n)
	for i := range out {
		loc, _ := loadIANA(zones[i%len(zones)])
		day := base.AddDate(0, 0, i%700)
		start := time.Date(day.Year(), day.Month(), day.Day(), 8+i%9, i%4*15, 0, 0, loc)
		e := ExportEvent{UID: "bench-" + strconv.Itoa(i) + "@anteroom", Sequence: i % 3,
			Summary: benchTitles[i%len(benchTitles)] + fmt.Sprintf("（第%d次）", i), Location: "第1会议室, 行政中心三楼",
			Description: benchNotes, Start: start, End: start.Add(time.Hour), ZoneName: loc.String(),
			Status: calendar.StatusConfirmed, Class: calendar.ClassPublic,
			Organizer: Party{Name: "王秘书", Address: "wang.mishu@bench.example.cn"},
			Attendees: []Party{{Name: "参会人0", Address: "a0@bench.example.cn", Role: "REQ-PARTICIPANT", Status: "NEEDS-ACTION"}}}
		if i%7 == 0 {
			e.RRule = "FREQ=WEEKLY;UNTIL=" + start.AddDate(0, 3, 0).UTC().Format(utcLayout) + ";BYDAY=MO,WE"
			e.ExDates = []time.Time{start.AddDate(0, 0, 7), start.AddDate(0, 0, 14)}
		}
		out[i] = e
	}
	return out
}

var benchStamp = time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)

func BenchmarkEncode10k(b *testing.B) {
	events := benchExport(10_000)
	var size int64
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		w := &countingWriter{}
		if err := Encode(w, ExportCalendar{Stamp: benchStamp, Events: events}); err != nil {
			b.Fatal(err)
		}
		size = w.n
	}
	b.SetBytes(size)
}

// BenchmarkGoICALEncode10k builds go-ical's model of the same export,
// VTIMEZONEs included, and encodes it: what Encode does, done with go-ical.
func BenchmarkGoICALEncode10k(b *testing.B) {
	events := benchExport(10_000)
	var size int64
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		cal := goicalCalendar(events)
		w := &countingWriter{}
		if err := goical.NewEncoder(w).Encode(cal); err != nil {
			b.Fatal(err)
		}
		size = w.n
	}
	b.SetBytes(size)
}

// BenchmarkGoICALEncodeOnly10k encodes a go-ical model built beforehand.
func BenchmarkGoICALEncodeOnly10k(b *testing.B) {
	cal := goicalCalendar(benchExport(10_000))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := goical.NewEncoder(io.Discard).Encode(cal); err != nil {
			b.Fatal(err)
		}
	}
}

// goicalCalendar builds go-ical's model of an export.
func goicalCalendar(events []ExportEvent) *goical.Calendar {
	cal := goical.NewCalendar()
	cal.Props.SetText(goical.PropVersion, "2.0")
	cal.Props.SetText(goical.PropProductID, ProdID)
	cal.Props.SetText(goical.PropMethod, "PUBLISH")
	cal.Props.SetText(goical.PropCalendarScale, "GREGORIAN")
	for _, z := range exportZones(events) {
		tz := goical.NewComponent(goical.CompTimezone)
		tz.Props.SetText(goical.PropTimezoneID, z.name)
		for _, o := range vtimezoneFor(z.loc, z.from, z.to) {
			name := goical.CompTimezoneStandard
			if o.change.dst {
				name = goical.CompTimezoneDaylight
			}
			obs := goical.NewComponent(name)
			start := goical.NewProp(goical.PropDateTimeStart)
			start.Value = o.change.onset().Format(localLayout)
			obs.Props.Set(start)
			if o.rule != "" {
				rule := goical.NewProp(goical.PropRecurrenceRule)
				rule.Value = o.rule
				obs.Props.Set(rule)
			}
			from, to := goical.NewProp(goical.PropTimezoneOffsetFrom), goical.NewProp(goical.PropTimezoneOffsetTo)
			from.Value, to.Value = formatUTCOffset(o.change.from), formatUTCOffset(o.change.to)
			obs.Props.Set(from)
			obs.Props.Set(to)
			obs.Props.SetText(goical.PropTimezoneName, o.change.name)
			tz.Children = append(tz.Children, obs)
		}
		cal.Children = append(cal.Children, tz)
	}
	for i := range events {
		e := &events[i]
		ev := goical.NewEvent()
		ev.Props.SetText(goical.PropUID, e.UID)
		ev.Props.SetDateTime(goical.PropDateTimeStamp, benchStamp)
		seq := goical.NewProp(goical.PropSequence)
		seq.Value = strconv.Itoa(e.Sequence)
		ev.Props.Set(seq)
		ev.Props.SetDateTime(goical.PropDateTimeStart, e.Start)
		ev.Props.SetDateTime(goical.PropDateTimeEnd, e.End)
		if e.RRule != "" {
			rule := goical.NewProp(goical.PropRecurrenceRule)
			rule.Value = e.RRule
			ev.Props.Set(rule)
		}
		for _, t := range e.ExDates {
			p := goical.NewProp(goical.PropExceptionDates)
			p.SetDateTime(t)
			ev.Props.Add(p)
		}
		ev.Props.SetText(goical.PropSummary, e.Summary)
		ev.Props.SetText(goical.PropLocation, e.Location)
		ev.Props.SetText(goical.PropDescription, e.Description)
		ev.Props.SetText(goical.PropStatus, statusText(e.Status))
		ev.Props.SetText(goical.PropClass, classText(e.Class))
		ev.Props.SetText(goical.PropTransparency, "OPAQUE")
		org := goical.NewProp(goical.PropOrganizer)
		org.Params.Set(goical.ParamCommonName, e.Organizer.Name)
		org.Value = "mailto:" + e.Organizer.Address
		ev.Props.Set(org)
		for _, a := range e.Attendees {
			p := goical.NewProp(goical.PropAttendee)
			p.Params.Set(goical.ParamCommonName, a.Name)
			p.Params.Set(goical.ParamRole, a.Role)
			p.Params.Set(goical.ParamParticipationStatus, a.Status)
			p.Value = "mailto:" + a.Address
			ev.Props.Add(p)
		}
		cal.Children = append(cal.Children, ev.Component)
	}
	return cal
}

// countingWriter counts what is written to it.
type countingWriter struct{ n int64 }

func (w *countingWriter) Write(p []byte) (int, error) {
	w.n += int64(len(p))
	return len(p), nil
}
