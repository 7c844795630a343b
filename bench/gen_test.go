package bench

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// The generated calendar: eight events a day ending on lastDay, Chinese
// titles and notes folded at 75 octets, one event in ten a weekly series
// (bounded by UNTIL or COUNT, one in a hundred of them open-ended) with an
// EXDATE and an override of its third occurrence, which counts as one of
// the day's events.
const (
	perDay = 8
	tzid   = "Asia/Shanghai"
)

// lastDay is the last day of every generated history: the week the
// commands are asked about lies at its end.
var lastDay = time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC)

var genTitles = []string{"周一例会", "会见华东电力公司总经理一行", "县委常委会", "调研城南工业园区", "防汛工作专题会", "安全生产工作会议", "全民义务植树活动", "听取财政预算执行情况汇报"}

const genNotes = "各部门汇报本周重点工作，请提前十分钟到场；会议材料已于周五下发，如有修改请于会前报办公室。议题：一、传达上级会议精神；二、研究部署下一阶段重点工作；三、其他事项。"

// firstDay is the first day of an n-event history.
func firstDay(n int) time.Time { return lastDay.AddDate(0, 0, -(n-1)/perDay) }

// generate writes an n-event calendar to w; uidPrefix keeps the UIDs of
// two files apart.
func generate(w io.Writer, n int, uidPrefix string) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	line := func(s string) {
		// fold at 75 octets without cutting a UTF-8 sequence (RFC 5545 §3.1)
		for len(s) > 75 {
			cut := 75
			for cut > 0 && s[cut]&0xC0 == 0x80 {
				cut--
			}
			bw.WriteString(s[:cut])
			bw.WriteString("\r\n ")
			s = s[cut:]
		}
		bw.WriteString(s)
		bw.WriteString("\r\n")
	}
	const layout = "20060102T150405"
	line("BEGIN:VCALENDAR")
	line("VERSION:2.0")
	line("PRODID:-//Anteroom bench//whole process//ZH")
	first := firstDay(n)
	for i := 0; i < n; i++ {
		day := first.AddDate(0, 0, i/perDay)
		slot := i % perDay
		start := day.Add(time.Duration(8+slot) * time.Hour)
		end := start.Add(45 * time.Minute)
		uid := uidPrefix + strconv.Itoa(i)
		override := i%10 == 1 && i >= 1
		if override { // the override of the series one before
			uid = uidPrefix + strconv.Itoa(i-1)
		}
		line("BEGIN:VEVENT")
		line("UID:" + uid + "@bench.example.cn")
		line("DTSTAMP:20260101T080000Z")
		line("SEQUENCE:" + strconv.Itoa(i%3))
		if override {
			series := start.Add(-time.Hour)
			rid := series.AddDate(0, 0, 14)
			line("RECURRENCE-ID;TZID=" + tzid + ":" + rid.Format(layout))
			start, end = rid.Add(30*time.Minute), rid.Add(90*time.Minute)
		}
		line("DTSTART;TZID=" + tzid + ":" + start.Format(layout))
		line("DTEND;TZID=" + tzid + ":" + end.Format(layout))
		if i%10 == 0 {
			switch {
			case i%1000 == 0:
				line("RRULE:FREQ=WEEKLY")
			case i%20 == 0:
				line("RRULE:FREQ=WEEKLY;COUNT=12")
			default:
				line("RRULE:FREQ=WEEKLY;UNTIL=" + start.AddDate(0, 3, 0).UTC().Format("20060102T150405Z"))
			}
			line("EXDATE;TZID=" + tzid + ":" + start.AddDate(0, 0, 7).Format(layout))
		}
		line("SUMMARY:" + genTitles[i%len(genTitles)] + fmt.Sprintf("（第%d次）", i))
		line("LOCATION:第" + strconv.Itoa(1+i%5) + "会议室\\, 行政中心三楼")
		line("DESCRIPTION:" + strings.ReplaceAll(genNotes, ",", "\\,"))
		line("CLASS:" + []string{"PUBLIC", "PRIVATE", "CONFIDENTIAL"}[i%3])
		line("STATUS:CONFIRMED")
		line("END:VEVENT")
	}
	line("END:VCALENDAR")
	return bw.Flush()
}

// generateTiny writes an n-event calendar of the smallest events a file
// may hold, UID and DTSTART alone (no title, no end: each gets the
// import's warnings), one an hour ending on lastDay: the file whose size
// says least about what importing it holds per event.
func generateTiny(w io.Writer, n int, uidPrefix string) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	bw.WriteString("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Anteroom bench//tiny//EN\r\n")
	start := lastDay.Add(time.Duration(-n) * time.Hour)
	for i := 0; i < n; i++ {
		bw.WriteString("BEGIN:VEVENT\r\nUID:")
		bw.WriteString(uidPrefix)
		bw.WriteString(strconv.Itoa(i))
		bw.WriteString("\r\nDTSTART:")
		bw.WriteString(start.Add(time.Duration(i) * time.Hour).Format("20060102T150405Z"))
		bw.WriteString("\r\nEND:VEVENT\r\n")
	}
	bw.WriteString("END:VCALENDAR\r\n")
	return bw.Flush()
}
