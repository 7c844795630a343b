package dav_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-ical"

	"anteroom/dav"
)

func TestMultiGetReturnsCalendarsETagsAndMissingOnes(t *testing.T) {
	f := setUp(t)
	want := map[string]string{} // path → etag
	var ps []string
	for _, uid := range []string{"m-1", "m-2", "会议-3"} {
		p, etag := f.create(t, uid, "title "+uid)
		want[p] = etag
		ps = append(ps, p)
	}
	missing := dav.ObjectPath(f.cal, "never-made")
	objs, err := f.c.MultiGet(f.ctx, f.cal, append(ps, missing))
	if err != nil {
		t.Fatal(err)
	}
	if len(objs) != 4 {
		t.Fatalf("got %d objects, want 4", len(objs))
	}
	for _, o := range objs {
		if o.Path == missing {
			if !errors.Is(o.Err, dav.ErrNotFound) || o.Calendar != nil {
				t.Errorf("missing object: err %v", o.Err)
			}
			continue
		}
		if o.ETag != want[o.Path] {
			t.Errorf("%s: ETag %q, want %q", o.Path, o.ETag, want[o.Path])
		}
		if s := summaryOf(t, &o); !strings.HasPrefix(s, "title ") {
			t.Errorf("%s: summary %q", o.Path, s)
		}
	}
}

// A typical event from an iPhone, with its own VTIMEZONE, written straight
// to the server as the phone would, then read back through both paths.
const iosEvent = "BEGIN:VCALENDAR\r\n" +
	"VERSION:2.0\r\n" +
	"PRODID:-//Apple Inc.//iOS 17.4//EN\r\n" +
	"CALSCALE:GREGORIAN\r\n" +
	"BEGIN:VTIMEZONE\r\n" +
	"TZID:Asia/Shanghai\r\n" +
	"BEGIN:STANDARD\r\n" +
	"TZOFFSETFROM:+0900\r\n" +
	"RRULE:FREQ=YEARLY;UNTIL=19910914T170000Z;BYMONTH=9;BYDAY=3SU\r\n" +
	"DTSTART:19890917T020000\r\n" +
	"TZNAME:GMT+8\r\n" +
	"TZOFFSETTO:+0800\r\n" +
	"END:STANDARD\r\n" +
	"BEGIN:DAYLIGHT\r\n" +
	"TZOFFSETFROM:+0800\r\n" +
	"DTSTART:19910414T020000\r\n" +
	"TZNAME:GMT+8\r\n" +
	"TZOFFSETTO:+0900\r\n" +
	"RDATE:19910414T020000\r\n" +
	"END:DAYLIGHT\r\n" +
	"END:VTIMEZONE\r\n" +
	"BEGIN:VEVENT\r\n" +
	"CREATED:20240301T012233Z\r\n" +
	"DTEND;TZID=Asia/Shanghai:20240304T113000\r\n" +
	"DTSTAMP:20240301T012240Z\r\n" +
	"DTSTART;TZID=Asia/Shanghai:20240304T100000\r\n" +
	"LAST-MODIFIED:20240301T012240Z\r\n" +
	"LOCATION:第一会议室\\, 三楼\r\n" +
	"SEQUENCE:0\r\n" +
	"SUMMARY:与王局长会面\r\n" +
	"TRANSP:OPAQUE\r\n" +
	"UID:9F1A3C52-7E3B-4D0B-A2C1-5B1E3E0D7A10\r\n" +
	"X-APPLE-TRAVEL-ADVISORY-BEHAVIOR:AUTOMATIC\r\n" +
	"BEGIN:VALARM\r\n" +
	"ACTION:DISPLAY\r\n" +
	"DESCRIPTION:Reminder\r\n" +
	"TRIGGER:-PT15M\r\n" +
	"UID:1D2E3F40-1111-2222-3333-444455556666\r\n" +
	"X-WR-ALARMUID:1D2E3F40-1111-2222-3333-444455556666\r\n" +
	"END:VALARM\r\n" +
	"END:VEVENT\r\n" +
	"END:VCALENDAR\r\n"

func TestPhoneEventWithItsOwnTimezoneReadsBack(t *testing.T) {
	f := setUp(t)
	path := f.cal + "9F1A3C52-7E3B-4D0B-A2C1-5B1E3E0D7A10.ics"
	etag, err := f.c.Put(f.ctx, path, []byte(iosEvent), dav.IfNoneMatch)
	if err != nil {
		t.Fatal(err)
	}
	got, err := f.c.Get(f.ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	viaReport, err := f.c.MultiGet(f.ctx, f.cal, []string{path})
	if err != nil || len(viaReport) != 1 {
		t.Fatalf("multiget: %v %v", viaReport, err)
	}
	for _, o := range []*dav.Object{got, &viaReport[0]} {
		if o.ETag != etag {
			t.Errorf("ETag %q, PUT gave %q", o.ETag, etag)
		}
		if o.Err != nil {
			t.Fatalf("decode: %v\n%s", o.Err, o.Data)
		}
		var zones, events int
		for _, child := range o.Calendar.Children {
			switch child.Name {
			case ical.CompTimezone:
				zones++
			case ical.CompEvent:
				events++
			}
		}
		if zones != 1 || events != 1 {
			t.Errorf("read back %d VTIMEZONE, %d VEVENT, want 1 and 1", zones, events)
		}
		ev := o.Calendar.Events()[0]
		start, err := ev.DateTimeStart(nil)
		if err != nil {
			t.Fatal(err)
		}
		if want := time.Date(2024, 3, 4, 2, 0, 0, 0, time.UTC); !start.Equal(want) {
			t.Errorf("start %v, want %v", start, want)
		}
		if s, _ := ev.Props.Text(ical.PropSummary); s != "与王局长会面" {
			t.Errorf("summary %q", s)
		}
		if loc := ev.Props.Get(ical.PropLocation); loc == nil || loc.Value != `第一会议室\, 三楼` && loc.Value != "第一会议室, 三楼" {
			t.Errorf("location %+v", loc)
		}
		if len(ev.Children) != 1 || ev.Children[0].Name != ical.CompAlarm {
			t.Errorf("alarm lost: %+v", ev.Children)
		}
	}
}

// go-ical panics on some malformed lines; the default decoder reports them.
func TestDecodeICSTurnsPanicsIntoErrors(t *testing.T) {
	odd := strings.Replace(iosEvent, "SUMMARY:", "X-FEISHU-NOTE;X-P=\"a\"b:c\r\nSUMMARY:", 1)
	cal, err := dav.DecodeICS([]byte(odd))
	if err == nil || cal != nil {
		t.Fatalf("DecodeICS = %v, %v; want an error", cal, err)
	}
}

// The decoder is a hook: a more tolerant reader gets every object's bytes,
// and a decoding failure costs that object only, not the batch.
func TestDecoderHookGetsTheRawBytes(t *testing.T) {
	f := setUp(t)
	path := f.cal + "phone.ics"
	if _, err := f.c.Put(f.ctx, path, []byte(iosEvent), dav.IfNoneMatch); err != nil {
		t.Fatal(err)
	}
	other, _ := f.create(t, "plain-1", "plain")
	refused := errors.New("refused by the test decoder")
	picky, err := dav.New(f.srv.URL, "desk", "desk-secret", dav.WithDecoder(func(data []byte) (*ical.Calendar, error) {
		if strings.Contains(string(data), "Apple") {
			return nil, refused
		}
		return dav.DecodeICS(data)
	}))
	if err != nil {
		t.Fatal(err)
	}
	got, err := picky.Get(f.ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if !errors.Is(got.Err, refused) || got.Calendar != nil || !strings.Contains(string(got.Data), "与王局长会面") {
		t.Errorf("Get: err %v, calendar %v, data %q", got.Err, got.Calendar, got.Data)
	}
	objs, err := picky.MultiGet(f.ctx, f.cal, []string{path, other})
	if err != nil || len(objs) != 2 {
		t.Fatal(objs, err)
	}
	for _, o := range objs {
		if o.Path == other && (o.Err != nil || summaryOf(t, &o) != "plain") {
			t.Errorf("the good object suffered from the bad one: %v", o.Err)
		}
		if o.Path == path && !errors.Is(o.Err, refused) {
			t.Errorf("the refused object: %v", o.Err)
		}
	}

	raw, err := dav.New(f.srv.URL, "desk", "desk-secret", dav.WithDecoder(nil))
	if err != nil {
		t.Fatal(err)
	}
	objs, err = raw.MultiGet(f.ctx, f.cal, []string{path})
	if err != nil || len(objs) != 1 {
		t.Fatal(objs, err)
	}
	if objs[0].Calendar != nil || objs[0].Err != nil || !strings.Contains(string(objs[0].Data), "BEGIN:VTIMEZONE") {
		t.Errorf("WithDecoder(nil): calendar %v err %v, data %q", objs[0].Calendar, objs[0].Err, objs[0].Data)
	}
}
