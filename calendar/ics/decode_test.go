package ics_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"anteroom/calendar"
	"anteroom/calendar/ics"
)

// vcal wraps content lines in a VCALENDAR, joined with CRLF.
func vcal(lines ...string) string {
	return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n" + strings.Join(lines, "\r\n") + "\r\nEND:VCALENDAR\r\n"
}

// vevent wraps properties in a VEVENT with a UID.
func vevent(props ...string) string {
	return "BEGIN:VEVENT\r\nUID:u1\r\n" + strings.Join(props, "\r\n") + "\r\nEND:VEVENT"
}

func decode(t *testing.T, src string) *ics.Calendar {
	t.Helper()
	cal, err := ics.Decode(strings.NewReader(src), "test.ics", ics.Options{Zone: shanghai})
	if err != nil {
		t.Fatal(err)
	}
	return cal
}

func onlyEvent(t *testing.T, src string) ics.Event {
	t.Helper()
	cal := decode(t, src)
	if len(cal.Events) != 1 {
		t.Fatalf("%d events", len(cal.Events))
	}
	return cal.Events[0]
}

func warningCodes(ws []ics.Warning) []string {
	var out []string
	for _, w := range ws {
		out = append(out, w.Code)
	}
	return out
}

// decodeCases are small files and what they must give; their sources also
// seed FuzzDecode.
var decodeCases = []struct {
	name  string
	src   string
	check func(t *testing.T, e ics.Event)
}{
	{"floating time, no X-WR-TIMEZONE: the leader's zone", vcal(vevent("DTSTART:20261005T090000", "DTEND:20261005T100000")),
		func(t *testing.T, e ics.Event) {
			sameInstant(t, "start", e.Start, "2026-10-05T01:00:00Z")
			if e.ZoneName != "Asia/Shanghai" || !hasWarning(e, "import.zone_floating") {
				t.Errorf("zone %s warnings %v", e.ZoneName, e.Warnings)
			}
		}},
	{"floating time read in X-WR-TIMEZONE", "BEGIN:VCALENDAR\r\nX-WR-TIMEZONE:Europe/Berlin\r\n" + vevent("DTSTART:20260705T090000") + "\r\nEND:VCALENDAR\r\n",
		func(t *testing.T, e ics.Event) {
			sameInstant(t, "start", e.Start, "2026-07-05T07:00:00Z")
			if e.ZoneName != "Europe/Berlin" || !hasWarning(e, "import.zone_floating") {
				t.Errorf("zone %s warnings %v", e.ZoneName, e.Warnings)
			}
		}},
	{"unknown zone falls back with a warning", vcal(vevent("DTSTART;TZID=Mars/Olympus:20261005T090000")),
		func(t *testing.T, e ics.Event) {
			sameInstant(t, "start", e.Start, "2026-10-05T01:00:00Z")
			if !hasWarning(e, "import.zone_unknown") {
				t.Errorf("warnings %v", e.Warnings)
			}
		}},
	{"Outlook display name without VTIMEZONE", vcal(vevent(`DTSTART;TZID="(UTC+09:00) Osaka, Sapporo, Tokyo":20261005T090000`, "DURATION:PT1H")),
		func(t *testing.T, e ics.Event) {
			sameInstant(t, "start", e.Start, "2026-10-05T00:00:00Z")
			sameInstant(t, "end", e.End, "2026-10-05T01:00:00Z")
			if e.ZoneName != "Asia/Tokyo" || len(e.Warnings) > 0 {
				t.Errorf("zone %s warnings %v", e.ZoneName, e.Warnings)
			}
		}},
	{"DATE without VALUE=DATE is all-day, one day long", vcal(vevent("DTSTART:20261001")),
		func(t *testing.T, e ics.Event) {
			if !e.AllDay || e.StartDay != calendar.NewDate(2026, 10, 1) || e.EndDay != calendar.NewDate(2026, 10, 2) {
				t.Errorf("all-day %v %s–%s", e.AllDay, e.StartDay, e.EndDay)
			}
			sameInstant(t, "start at the leader's midnight", e.Start, "2026-09-30T16:00:00Z")
		}},
	{"all-day DURATION", vcal(vevent("DTSTART;VALUE=DATE:20261001", "DURATION:P7D")),
		func(t *testing.T, e ics.Event) {
			if e.EndDay != calendar.NewDate(2026, 10, 8) {
				t.Errorf("end day %s", e.EndDay)
			}
		}},
	{"DURATION P1D across spring forward: wall clock", vcal(vevent("DTSTART;TZID=America/New_York:20260307T120000", "DURATION:P1D")),
		func(t *testing.T, e ics.Event) {
			sameInstant(t, "end", e.End, "2026-03-08T16:00:00Z") // 12:00 EDT, 23 hours later
		}},
	{"DURATION PT24H across spring forward: exact", vcal(vevent("DTSTART;TZID=America/New_York:20260307T120000", "DURATION:PT24H")),
		func(t *testing.T, e ics.Event) {
			sameInstant(t, "end", e.End, "2026-03-08T17:00:00Z") // 13:00 EDT
		}},
	{"local UNTIL becomes UTC", vcal(vevent("DTSTART;TZID=Asia/Shanghai:20261005T090000", "RRULE:FREQ=WEEKLY;UNTIL=20261026T090000;BYDAY=MO")),
		func(t *testing.T, e ics.Event) {
			if e.RRule != "FREQ=WEEKLY;UNTIL=20261026T010000Z;BYDAY=MO" {
				t.Errorf("rrule %q", e.RRule)
			}
		}},
	{"RDATE periods, EXDATE lists, each in its TZID", vcal(vevent("DTSTART;TZID=Asia/Shanghai:20261005T090000", "DURATION:PT1H",
		"RDATE;VALUE=PERIOD;TZID=Europe/Berlin:20261010T090000/PT1H,20261011T090000/20261011T100000",
		"EXDATE;TZID=Asia/Tokyo:20261012T100000,20261019T100000", "EXDATE:20261026T010000Z", "RRULE:FREQ=WEEKLY")),
		func(t *testing.T, e ics.Event) {
			if len(e.RDates) != 2 || len(e.ExDates) != 3 {
				t.Fatalf("rdates %v exdates %v", e.RDates, e.ExDates)
			}
			sameInstant(t, "RDATE", e.RDates[1], "2026-10-11T07:00:00Z")
			sameInstant(t, "EXDATE", e.ExDates[1], "2026-10-19T01:00:00Z")
			sameInstant(t, "EXDATE", e.ExDates[2], "2026-10-26T01:00:00Z")
		}},
	{"override of a series from this one on", vcal(vevent("RECURRENCE-ID;RANGE=THISANDFUTURE;TZID=Asia/Shanghai:20261012T090000", "DTSTART;TZID=Asia/Shanghai:20261012T100000")),
		func(t *testing.T, e ics.Event) {
			sameInstant(t, "RECURRENCE-ID", e.RecurrenceID, "2026-10-12T01:00:00Z")
			if !e.ThisAndFuture {
				t.Error("RANGE lost")
			}
		}},
	{"text: unescaped comma kept, escapes undone", vcal(vevent("DTSTART:20261005T010000Z", "SUMMARY:周例会, 第一会议室", `LOCATION:三楼\, 东侧\; 会议室`, `DESCRIPTION:第一行\n第二行\\`)),
		func(t *testing.T, e ics.Event) {
			if e.Summary != "周例会, 第一会议室" || e.Location != "三楼, 东侧; 会议室" || e.Description != "第一行\n第二行\\" {
				t.Errorf("%q %q %q", e.Summary, e.Location, e.Description)
			}
		}},
	{"status, class, transparency, sequence, people", vcal(vevent("DTSTART:20261005T010000Z", "STATUS:CANCELLED", "CLASS:CONFIDENTIAL", "TRANSP:TRANSPARENT", "SEQUENCE:3",
		"ORGANIZER;CN=\"王秘书\":MAILTO:wang@example.cn", "ATTENDEE;CN=李局长;ROLE=CHAIR;PARTSTAT=ACCEPTED:mailto:li@example.cn")),
		func(t *testing.T, e ics.Event) {
			if e.Status != calendar.StatusCancelled || e.Class != calendar.ClassConfidential || !e.Transparent || e.Sequence != 3 {
				t.Errorf("%q %q %v %d", e.Status, e.Class, e.Transparent, e.Sequence)
			}
			if e.Organizer.Name != "王秘书" || e.Organizer.Address != "wang@example.cn" || len(e.Attendees) != 1 || e.Attendees[0].Role != "CHAIR" {
				t.Errorf("%+v %+v", e.Organizer, e.Attendees)
			}
		}},
	{"a zone known only from the file, with the leader's offsets", vcal("BEGIN:VTIMEZONE", "TZID:Customized Time Zone", "BEGIN:STANDARD", "DTSTART:16010101T000000",
		"TZOFFSETFROM:+0800", "TZOFFSETTO:+0800", "END:STANDARD", "END:VTIMEZONE", vevent(`DTSTART;TZID="Customized Time Zone":20261005T090000`)),
		func(t *testing.T, e ics.Event) {
			sameInstant(t, "start", e.Start, "2026-10-05T01:00:00Z")
			if e.ZoneName != "Asia/Shanghai" || len(e.Warnings) > 0 {
				t.Errorf("zone %s warnings %v", e.ZoneName, e.Warnings)
			}
		}},
	{"no UID: a stable one is derived", vcal("BEGIN:VEVENT", "DTSTART:20261005T010000Z", "SUMMARY:x", "END:VEVENT"),
		func(t *testing.T, e ics.Event) {
			if !strings.HasSuffix(e.UID, "@import.anteroom") || !hasWarning(e, "import.uid_missing") {
				t.Errorf("uid %q warnings %v", e.UID, e.Warnings)
			}
		}},
	{"end before start", vcal(vevent("DTSTART:20261005T010000Z", "DTEND:20261005T000000Z")),
		func(t *testing.T, e ics.Event) {
			if e.Fault == nil || e.Fault.Code != "import.needs_time" || e.Fault.Line != 7 {
				t.Errorf("fault %+v, want import.needs_time on the DTEND line", e.Fault)
			}
		}},
	{"all-day series with a date-time UNTIL", vcal(vevent("DTSTART;VALUE=DATE:20261001", "RRULE:FREQ=WEEKLY;UNTIL=20261029T160000Z")),
		func(t *testing.T, e ics.Event) {
			if e.RRule != "FREQ=WEEKLY;UNTIL=20261030" || !hasWarning(e, "import.until_type") {
				t.Errorf("rrule %q warnings %v", e.RRule, e.Warnings)
			}
		}},
	{"lunar recurrence kept and reported", vcal(vevent("DTSTART;VALUE=DATE:20260219", "RRULE:RSCALE=CHINESE;FREQ=YEARLY")),
		func(t *testing.T, e ics.Event) {
			if e.RRule != "FREQ=YEARLY;RSCALE=CHINESE" || !hasWarning(e, "import.rrule_rscale") {
				t.Errorf("rrule %q warnings %v", e.RRule, e.Warnings)
			}
		}},
}

func TestDecode(t *testing.T) {
	for _, c := range decodeCases {
		t.Run(c.name, func(t *testing.T) { c.check(t, onlyEvent(t, c.src)) })
	}
}

func TestDecodeComponents(t *testing.T) {
	cal := decode(t, "\uFEFF"+vcal("METHOD:REQUEST", "X-WR-CALNAME:局长日程",
		"BEGIN:VTODO", "UID:t1", "SUMMARY:审阅汇报材料", "DUE;VALUE=DATE:20261009", "PRIORITY:1", "STATUS:NEEDS-ACTION", "END:VTODO",
		"BEGIN:VFREEBUSY", "UID:f1", "DTSTART:2006717T080000Z", "END:VFREEBUSY",
		"BEGIN:VJOURNAL", "UID:j1", "SUMMARY:日志", "END:VJOURNAL",
		"BEGIN:X-VENDOR", "BEGIN:VEVENT", "END:VEVENT", "END:X-VENDOR",
		vevent("DTSTART:20261005T010000Z", "BEGIN:VALARM", "TRIGGER:-PT15M", "DESCRIPTION:提醒", "DURATION:PT5M", "END:VALARM", "SUMMARY:会"))+
		"\r\nX-COMMENT: junk after the calendar\r\n<html>\r\n")
	if cal.Method != "REQUEST" || cal.XWRCalName != "局长日程" {
		t.Errorf("method %q name %q", cal.Method, cal.XWRCalName)
	}
	if len(cal.Todos) != 1 || cal.Todos[0].Summary != "审阅汇报材料" || cal.Todos[0].Priority != 1 || cal.Todos[0].DueDay != calendar.NewDate(2026, 10, 9) {
		t.Errorf("todos %+v", cal.Todos)
	}
	var skipped []string
	for _, n := range cal.Skipped {
		skipped = append(skipped, n.Component)
	}
	if strings.Join(skipped, ",") != "VFREEBUSY,VJOURNAL,X-VENDOR" {
		t.Errorf("skipped %v", skipped)
	}
	if len(cal.Events) != 1 || cal.Events[0].Description != "" || cal.Events[0].Summary != "会" || !cal.Events[0].End.Equal(cal.Events[0].Start) {
		t.Errorf("VALARM properties leaked into the event: %+v", cal.Events)
	}
	if codes := warningCodes(cal.Warnings); len(codes) != 1 || codes[0] != "import.junk_ignored" {
		t.Errorf("file warnings %v", codes)
	}
}

// TestDecodeCharsets reads the same calendar written in each encoding
// the reader knows.
func TestDecodeCharsets(t *testing.T) {
	const summary = "市委常委会：研究部署防汛工作"
	src := vcal(vevent("DTSTART:20261005T010000Z", "SUMMARY:"+summary, "LOCATION:第一会议室"))
	encode := func(enc encoding.Encoding, s string) string {
		b, err := enc.NewEncoder().String(s)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	cases := []struct {
		name, data, charset, hint string
		want                      string
	}{
		{"UTF-8 with BOM", "\uFEFF" + src, ics.CharsetUTF8, "", summary},
		{"GBK", encode(simplifiedchinese.GBK, src), ics.CharsetGB18030, "", summary},
		{"GB18030 with a four-byte character", encode(simplifiedchinese.GB18030, strings.Replace(src, "第一", "第一𠀀", 1)), ics.CharsetGB18030, "", summary},
		{"UTF-16 with BOM", encode(unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), src), ics.CharsetUTF16, "", summary},
		{"GBK named by the caller", encode(simplifiedchinese.GBK, src), ics.CharsetGB18030, "gbk", summary},
	}
	jp := "会議：東京で打ち合わせをします"
	cases = append(cases, struct{ name, data, charset, hint, want string }{"Shift_JIS",
		encode(japanese.ShiftJIS, vcal(vevent("DTSTART:20261005T010000Z", "SUMMARY:"+jp))), ics.CharsetShiftJIS, "", jp})
	fr := "Réunion à Genève, salle Müller"
	cases = append(cases, struct{ name, data, charset, hint, want string }{"Latin-1",
		encode(charmap.ISO8859_1, vcal(vevent("DTSTART:20261005T010000Z", "SUMMARY:"+fr))), ics.CharsetLatin1, "", fr})
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cal, err := ics.Decode(strings.NewReader(c.data), "x.ics", ics.Options{Zone: shanghai, Charset: c.hint})
			if err != nil {
				t.Fatal(err)
			}
			if cal.Charset != c.charset || len(cal.Events) != 1 || cal.Events[0].Summary != c.want {
				t.Errorf("charset %s events %+v", cal.Charset, cal.Events)
			}
		})
	}
	// A GBK text folded inside a two-byte character joins before decoding.
	gbk := []byte(encode(simplifiedchinese.GBK, src))
	i := bytes.Index(gbk, []byte("SUMMARY:")) + len("SUMMARY:") + 1
	folded := string(gbk[:i]) + "\r\n " + string(gbk[i:])
	if e := onlyEvent(t, folded); e.Summary != summary {
		t.Errorf("folded GBK summary %q", e.Summary)
	}
}

func TestDecodeErrors(t *testing.T) {
	cases := []struct {
		name string
		src  string
		line int
		code string
	}{
		{"empty", "", 0, "import.error.not_icalendar"},
		{"not a calendar", "BEGIN:VCARD\r\nFN:x\r\nEND:VCARD\r\n", 0, "import.error.not_icalendar"},
		{"truncated", "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20261005T010000Z\r\n", 3, "import.error.unclosed"},
		{"END does not match", vcal("BEGIN:VEVENT", "END:VTODO"), 5, "import.error.end_mismatch"},
		{"VEVENT in VEVENT", vcal("BEGIN:VEVENT", "BEGIN:VEVENT"), 5, "import.error.nesting"},
		{"bad DTSTART", vcal(vevent("DTSTART:20260230T090000")), 6, "import.error.bad_value"},
		{"bad RRULE", vcal(vevent("DTSTART:20261005T010000Z", "RRULE:FREQ=SOMETIMES")), 7, "import.error.bad_rrule"},
		{"bad offset", vcal("BEGIN:VTIMEZONE", "TZID:x", "BEGIN:STANDARD", "TZOFFSETTO:+5744"), 7, "import.error.bad_offset"},
		{"stray line", vcal("X"), 4, "import.error.no_colon"},
		{"control character", vcal(vevent("SUMMARY:a\x01b")), 6, "import.error.control_char"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ics.Decode(strings.NewReader(c.src), "bad.ics", ics.Options{})
			var pe *ics.ParseError
			if !errors.As(err, &pe) || !errors.Is(err, ics.ErrMalformed) {
				t.Fatalf("error %v", err)
			}
			if pe.File != "bad.ics" || pe.Line != c.line || pe.Key != c.code {
				t.Errorf("got %s line %d %s, want line %d %s", pe.File, pe.Line, pe.Key, c.line, c.code)
			}
			if !strings.HasPrefix(err.Error(), "bad.ics") {
				t.Errorf("message %q does not name the file", err)
			}
		})
	}
	_, err := ics.Decode(strings.NewReader(vcal(vevent("DTSTART:20261005T010000Z"))), "big.ics", ics.Options{MaxSize: 10})
	var pe *ics.ParseError
	if !errors.As(err, &pe) || pe.Key != "import.error.too_large" {
		t.Errorf("size limit: %v", err)
	}
}

func TestDecodeKeepsTimesInTheirZone(t *testing.T) {
	e := onlyEvent(t, vcal(vevent("DTSTART;TZID=Europe/Berlin:20261005T090000")))
	if e.Start.Location().String() != "Europe/Berlin" {
		t.Errorf("location %v", e.Start.Location())
	}
	if got := e.Start.Format(time.DateTime); got != "2026-10-05 09:00:00" {
		t.Errorf("wall clock %s", got)
	}
}
