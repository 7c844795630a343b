package imports

import (
	"strconv"
	"time"

	"anteroom/calendar"
)

// Incoming is one item read from an iCalendar file, mapped to the domain
// as the importer needs it (package ics makes it). Engagement holds what
// the file says: title, location, notes (DESCRIPTION), times, zone, status,
// classification (internal when the file gives no CLASS), Source imported,
// UID, SEQUENCE and the recurrence fields; RecurrenceID is set for an
// override of one occurrence (RFC 5545 §3.8.4.4). Its LeaderID, Kind and ID
// are the importer's to decide.
type Incoming struct {
	Engagement calendar.Engagement
	DTStamp    time.Time // DTSTAMP (RFC 5545 §3.8.7.2), UTC; zero when the file has none
	Method     string    // METHOD of the enclosing VCALENDAR (RFC 5546 §1.4): PUBLISH, REQUEST, CANCEL, REPLY…; "" when none
	Line       int       // line of BEGIN:VEVENT in the file
	Warnings   []Message // what the reader guessed or dropped
	// KindGiven says the file gave Engagement's Kind and Organiser
	// (Anteroom's own X- properties): an update takes them too.
	KindGiven bool
	// Fault is what keeps the item from being imported as read (an end
	// before its start): the plan skips it, the preview marks it as
	// needing a fix, the CLI refuses the file unless told to skip it.
	// Nil when none.
	Fault *Message
}

// Key returns the item's identity: UID and RECURRENCE-ID (RFC 5545
// §3.8.4.4).
func (in Incoming) Key() ItemKey {
	return ItemKey{UID: in.Engagement.UID, RecurrenceID: in.Engagement.RecurrenceID}
}

// ItemKey is what identifies an item across files and calendars: its UID
// and, for an override of one occurrence of a series, the RECURRENCE-ID
// (RFC 5545 §3.8.4.4, RFC 5546 §2.1.5).
type ItemKey struct {
	UID          string
	RecurrenceID time.Time // zero for a single item or a whole series
}

// String returns the key as the store keeps it: the UID, followed for an
// override by "#" and the RECURRENCE-ID in UTC (see OccurrenceKey).
func (k ItemKey) String() string {
	if k.RecurrenceID.IsZero() {
		return k.UID
	}
	return OccurrenceKey(k.UID, k.RecurrenceID)
}

// OccurrenceKey names one occurrence of the series uid, the one the rule
// starts at recurrenceID: "UID#20261123T010000Z". The store keeps an
// override under this key, since it shares the series' UID; an override
// imported without its series is kept as a single engagement with this
// as its UID.
func OccurrenceKey(uid string, recurrenceID time.Time) string {
	return uid + "#" + recurrenceID.UTC().Format("20060102T150405Z")
}

// Message is a translatable text about an import: Code is the message key
// the UI and CLI translate, English the English template whose {{.Name}}
// placeholders Args fill (as lang.X takes them), Line the line of the file
// it concerns (0 for the file as a whole).
type Message struct {
	Code    string
	English string
	Args    map[string]any
	Line    int
}

// Text returns the message in English, its placeholders filled.
func (m Message) Text() string { return calendar.Fill(m.English, m.Args) }

// String returns the English text preceded by "line N: " when the message
// names a line.
func (m Message) String() string {
	if m.Line > 0 {
		return "line " + strconv.Itoa(m.Line) + ": " + m.Text()
	}
	return m.Text()
}

// ImportAction is what importing an item does to the calendar.
type ImportAction string

// The actions an import plan lists.
const (
	ImportNew       ImportAction = "new"       // not in the calendar yet: added
	ImportUpdated   ImportAction = "updated"   // a newer version of a stored item: replaces it
	ImportUnchanged ImportAction = "unchanged" // the stored item is as new or newer: nothing to do
	ImportCancelled ImportAction = "cancelled" // marks a stored item (or occurrence) cancelled
	ImportSkipped   ImportAction = "skipped"   // not imported; Reason says why
)

// ImportActions lists every action in display order.
var ImportActions = []ImportAction{ImportNew, ImportUpdated, ImportCancelled, ImportUnchanged, ImportSkipped}

// ImportItem is one item of an import plan: what importing it does, why,
// the stored item it matches, and what the booking rules say about it.
type ImportItem struct {
	Action   ImportAction
	Reason   *Message             // why skipped or unchanged, or a caveat (edited here, a series not found)
	Incoming Incoming             // as read, with the leader, kind and defaults the importer chose
	Existing *calendar.Engagement // the stored item with the same UID and RECURRENCE-ID, deleted or not; nil when none
	Findings []calendar.Finding   // the conflict engine on the incoming times; none for skipped, unchanged and cancelled items
	Selected bool                 // imported by ApplyImport; true by default for new, updated and cancelled items

	row    *calendar.Engagement // what ApplyImport writes, worked out by the plan; nil when nothing
	stored *StoredItem          // the stored row the plan saw; nil when none
}

// NeedsFix reports whether the item cannot be imported as the file has
// it (see Incoming.Fault).
func (it ImportItem) NeedsFix() bool { return it.Incoming.Fault != nil }

// ImportTodo is a VTODO kept from an import (RFC 5545 §3.6.2): listed, not
// placed in the calendar.
type ImportTodo struct {
	UID      string
	Title    string
	Due      time.Time // zero when none; a DATE is midnight in the leader's zone
	Priority int       // 1 highest … 9 lowest, 0 undefined (RFC 5545 §3.8.1.9)
}

// ImportPlan is what importing one file would change, for the user to look
// at and trim before anything is stored (see Service.PlanImport).
type ImportPlan struct {
	File     string
	LeaderID int64
	Items    []ImportItem
	Todos    []ImportTodo
	Notes    []Message // components not imported (VFREEBUSY, unknown ones), warnings about the whole file
	// By is who imports; the override log names them for each item
	// stored over a blocking finding. Empty means "import".
	By string

	changes int64 // the store's ChangeCount when the plan was checked
}

// Counts returns how many items the plan has of each action, as planned
// (selected or not).
func (p *ImportPlan) Counts() map[ImportAction]int {
	c := make(map[ImportAction]int, len(ImportActions))
	for _, it := range p.Items {
		c[it.Action]++
	}
	return c
}

// ImportResult says what ApplyImport did: items added, updated, found
// unchanged, cancelled, skipped (unselected items included), and to-dos
// kept or changed.
type ImportResult struct {
	New, Updated, Unchanged, Cancelled, Skipped, Todos int
}

// add counts one item.
func (r *ImportResult) add(a ImportAction) {
	switch a {
	case ImportNew:
		r.New++
	case ImportUpdated:
		r.Updated++
	case ImportUnchanged:
		r.Unchanged++
	case ImportCancelled:
		r.Cancelled++
	default:
		r.Skipped++
	}
}
