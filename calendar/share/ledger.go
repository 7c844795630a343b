package share

import (
	"net/url"
	"strings"
	"time"

	"anteroom/calendar"
)

// The booking ledger of a leader's book: one small VJOURNAL object on the
// server that lists the future timed bookings of every desk, so that a
// desk that has not pulled yet still sees another desk's fresh booking.
// Each desk changes it with dav.Client.SwapData (If-Match, retried on
// 412): the write that wins is the booking's linearization point.
//
// It lives in a calendar of its own beside the book (the book's path with
// "-ledger"), made for VJOURNAL only: phones show event calendars, so
// they never show it, the book's sync token does not move when it
// changes, and the server's cost of a write stays that of a tiny
// calendar.

// LedgerEntry is one booking in the ledger.
type LedgerEntry struct {
	Key        string    // the engagement's UID, or UID#RECURRENCE-ID for one occurrence
	Start, End time.Time // instants
	Desk       string    // the id of the desk that booked it
	DeskName   string    // its name, for people
	Title      string
}

const (
	ledgerProp   = "X-ANTEROOM-BOOKING"
	ledgerObject = "ledger.ics"
	ledgerUID    = "anteroom-booking-ledger"
	ledgerStamp  = "20060102T150405Z"
)

// LedgerPath is where the ledger of the book in calendarPath lives, and
// the calendar that holds it.
func LedgerPath(calendarPath string) (object, collection string) {
	collection = strings.TrimSuffix(calendarPath, "/") + "-ledger/"
	return collection + ledgerObject, collection
}

// LedgerKey is how the ledger names e: its UID, and for one occurrence of
// a series the start the rule gave it.
func LedgerKey(e calendar.Engagement) string {
	if e.IsOccurrence() {
		return e.UID + "#" + e.RecurrenceID.UTC().Format(ledgerStamp)
	}
	return e.UID
}

// inLedger reports whether e belongs in the ledger: a timed booking that
// holds its slot and has not ended. Series are left to each desk's own
// check (their occurrences reach the others by sync).
func inLedger(e calendar.Engagement, now time.Time) bool {
	return !e.AllDay && !e.Cancelled() && (!e.IsSeries() || e.IsOccurrence()) && e.End.After(now)
}

// pruned drops the entries whose end has passed.
func pruned(entries []LedgerEntry, now time.Time) []LedgerEntry {
	out := entries[:0:0]
	for _, x := range entries {
		if x.End.After(now) {
			out = append(out, x)
		}
	}
	return out
}

// encodeLedger writes the ledger object.
func encodeLedger(entries []LedgerEntry, now time.Time) []byte {
	var b strings.Builder
	line := func(s string) {
		// Fold at 75 octets (RFC 5545 §3.1), never inside a UTF-8 sequence.
		for len(s) > 75 {
			cut := 75
			for cut > 0 && s[cut]&0xC0 == 0x80 {
				cut--
			}
			b.WriteString(s[:cut] + "\r\n")
			s = " " + s[cut:]
		}
		b.WriteString(s + "\r\n")
	}
	line("BEGIN:VCALENDAR")
	line("VERSION:2.0")
	line("PRODID:-//Anteroom//booking ledger//EN")
	line("BEGIN:VJOURNAL")
	line("UID:" + ledgerUID)
	line("DTSTAMP:" + now.UTC().Format(ledgerStamp))
	line("SUMMARY:Anteroom booking ledger")
	for _, x := range entries {
		line(ledgerProp + ":" + joinFields([]string{x.Key, x.Start.UTC().Format(ledgerStamp), x.End.UTC().Format(ledgerStamp), x.Desk, x.DeskName, x.Title}))
	}
	line("END:VJOURNAL")
	line("END:VCALENDAR")
	return []byte(b.String())
}

// decodeLedger reads the entries of a ledger object; lines it cannot read
// are skipped (a ledger is rebuilt by the desks' next bookings and syncs).
func decodeLedger(data []byte) []LedgerEntry {
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	text = strings.NewReplacer("\n ", "", "\n\t", "").Replace(text)
	var out []LedgerEntry
	for _, l := range strings.Split(text, "\n") {
		name, value, ok := strings.Cut(l, ":")
		if !ok || !strings.EqualFold(name, ledgerProp) {
			continue
		}
		f := splitFields(value)
		if len(f) != 6 || f[0] == "" {
			continue
		}
		start, err1 := time.Parse(ledgerStamp, f[1])
		end, err2 := time.Parse(ledgerStamp, f[2])
		if err1 != nil || err2 != nil {
			continue
		}
		out = append(out, LedgerEntry{Key: f[0], Start: start, End: end, Desk: f[3], DeskName: f[4], Title: f[5]})
	}
	return out
}

// The fields of an entry are URL-escaped and joined with "/": servers
// re-serialise the object and escape an X- property's semicolons and
// commas as TEXT (RFC 5545 §3.3.11), so those cannot separate fields.
func joinFields(fields []string) string {
	for i, f := range fields {
		fields[i] = url.QueryEscape(f)
	}
	return strings.Join(fields, "/")
}

// splitFields reads what joinFields wrote, after undoing any TEXT
// escaping a server added.
func splitFields(v string) []string {
	v = strings.NewReplacer(`\;`, ";", `\,`, ",", `\\`, `\`).Replace(v)
	parts := strings.Split(v, "/")
	for i, p := range parts {
		u, err := url.QueryUnescape(p)
		if err != nil {
			return nil
		}
		parts[i] = u
	}
	return parts
}
