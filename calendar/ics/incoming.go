package ics

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"anteroom/calendar"
	"anteroom/calendar/imports"
)

// UntitledTitle is the title of an item whose file gives none (SUMMARY is
// optional, RFC 5545 §3.6.1); both languages, as the file may go on to
// another office.
const UntitledTitle = "无标题 / Untitled"

// momentLength is how long an item that ends when it starts is booked for.
const momentLength = 15 * time.Minute

// ReadForImport reads an iCalendar file for import: every event as a
// imports.Incoming (PlanImport's input), the to-dos, and notes on what is
// not imported, converted as DecodeEach reads so the file's events are
// never held twice. Items whose zone has no IANA name take leaderZone's. name names
// the file in errors, which are *ParseError.
func ReadForImport(r io.Reader, name string, leaderZone *time.Location) ([]imports.Incoming, []imports.ImportTodo, []imports.Message, error) {
	return ReadForImportContext(context.Background(), r, name, leaderZone)
}

// ReadForImportContext is ReadForImport that gives up with ctx.Err() soon
// after ctx is done (the user pressed Cancel), between events.
func ReadForImportContext(ctx context.Context, r io.Reader, name string, leaderZone *time.Location) ([]imports.Incoming, []imports.ImportTodo, []imports.Message, error) {
	var items []imports.Incoming
	todos, notes, err := readForImport(ctx, r, name, leaderZone,
		func(n int) { items = make([]imports.Incoming, 0, n) },
		func(in imports.Incoming) { items = append(items, in) })
	if err != nil {
		return nil, nil, nil, err
	}
	return items, todos, notes, nil
}

// ReadForPlan is ReadForImportContext that reads each event straight into
// an item of the plan's slice, for imports.PlanImportItems: a large file's
// items are then held once, not once as read and again as planned.
func ReadForPlan(ctx context.Context, r io.Reader, name string, leaderZone *time.Location) ([]imports.ImportItem, []imports.ImportTodo, []imports.Message, error) {
	var items []imports.ImportItem
	todos, notes, err := readForImport(ctx, r, name, leaderZone,
		func(n int) { items = make([]imports.ImportItem, 0, n) },
		func(in imports.Incoming) { items = append(items, imports.ImportItem{Incoming: in}) })
	if err != nil {
		return nil, nil, nil, err
	}
	return items, todos, notes, nil
}

// ReadEach reads an iCalendar file for a streamed import: it hands each
// event to put, in file order, as soon as it is converted, and keeps none
// of them, so memory holds the file's pages being read and a few hundred
// events however many the file has. An error from put stops the reading
// and is returned as it is. The to-dos and notes are returned at the end.
func ReadEach(ctx context.Context, r io.Reader, name string, leaderZone *time.Location, put func(imports.Incoming) error) ([]imports.ImportTodo, []imports.Message, error) {
	var putErr error // written on the converter's goroutine, read after it has finished
	var stopped atomic.Bool
	todos, notes, err := readForImportStopping(ctx, r, name, leaderZone, nil, func(in imports.Incoming) {
		if putErr != nil {
			return
		}
		if putErr = put(in); putErr != nil {
			stopped.Store(true)
		}
	}, stopped.Load)
	if putErr != nil {
		return nil, nil, putErr
	}
	return todos, notes, err
}

// errPutStopped stops the decoder once put has failed; ReadEach returns
// put's error instead.
var errPutStopped = errors.New("ics: reading stopped")

// readForImport does the reading of ReadForImportContext: expect is told
// about how many events the file holds before the first is put.
func readForImport(ctx context.Context, r io.Reader, name string, leaderZone *time.Location, expect func(int), put func(imports.Incoming)) ([]imports.ImportTodo, []imports.Message, error) {
	return readForImportStopping(ctx, r, name, leaderZone, expect, put, func() bool { return false })
}

// readForImportStopping is readForImport that stops decoding soon after
// stop reports true; expect may be nil.
func readForImportStopping(ctx context.Context, r io.Reader, name string, leaderZone *time.Location, expect func(int), put func(imports.Incoming), stop func() bool) ([]imports.ImportTodo, []imports.Message, error) {
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	var data []byte
	mapped := false
	if f, ok := r.(*os.File); ok {
		if m, unmap, ok := mapFile(f, DefaultMaxSize); ok {
			// Nothing decoded may point into the mapping once it is gone:
			// the converter copies every string it keeps, and errors are
			// copied below. A file cut short under the mapping faults,
			// which becomes a panic that decodeSafely reports.
			defer unmap()
			defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
			data, mapped = m, true
			if testHookMapped != nil {
				testHookMapped(data)
			}
		}
	}
	if data == nil {
		var err error
		if data, err = readAll(r, name, 0); err != nil {
			return nil, nil, err
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	c := newConverter(leaderZone)
	// One allocation for the items: the count is a guess (a line may be
	// folded, a file lower case), append corrects it.
	if expect != nil {
		expect(bytes.Count(data, []byte("BEGIN:VEVENT")))
	}
	conv := c.startConverting(put, name, mapped)
	n := 0
	cal, err := decodeSafely(data, name, Options{Zone: leaderZone}, func(e *Event) error {
		if n++; n%64 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if stop() {
			return errPutStopped
		}
		conv.add(e)
		return nil
	})
	convErr := conv.finish() // before the mapping goes
	if err == nil {
		err = convErr
	}
	if cerr := ctx.Err(); cerr != nil {
		return nil, nil, cerr
	}
	if err != nil {
		var pe *ParseError
		if errors.As(err, &pe) {
			return nil, nil, pe.detached()
		}
		return nil, nil, err
	}
	todos, notes := c.rest(cal)
	return todos, notes, nil
}

// testHookMapped, set by tests, sees the bytes of each mapped file.
var testHookMapped func([]byte)

// converter maps one file's items, sharing the zone names they use.
type converter struct {
	zoneName string            // the leader's zone
	names    map[string]string // strings items share, copied once
}

func newConverter(leaderZone *time.Location) *converter {
	name := "UTC"
	if leaderZone != nil {
		name = leaderZone.String()
	}
	if name == "Local" {
		name = calendar.SystemZoneName() // time.Local cannot be stored
	}
	return &converter{zoneName: name, names: map[string]string{}}
}

// internedAtMost bounds the strings a converter keeps for sharing: a file
// whose every item has a description of its own would otherwise have
// them all kept here, twice over for an import that holds no items.
const internedAtMost = 4096

// intern returns a copy of s made once per file: a zone name, a METHOD, a
// place, a description (invitations carry the same boilerplate), which
// many items share and which must not hold on to the file's bytes. Past
// internedAtMost strings it starts afresh: those shared stay shared.
func (c *converter) intern(name string) string {
	if s, ok := c.names[name]; ok {
		return s
	}
	if len(c.names) >= internedAtMost {
		clear(c.names)
	}
	s := strings.Clone(name)
	c.names[s] = s
	return s
}

// incoming maps one event.
func (c *converter) incoming(e *Event) imports.Incoming {
	in := imports.Incoming{
		DTStamp: e.DTStamp,
		Method:  c.intern(e.Method),
		Line:    e.Line,
		Engagement: calendar.Engagement{
			UID:            strings.Clone(e.UID),
			Title:          strings.Clone(e.Summary),
			Location:       c.intern(e.Location),
			Notes:          c.intern(e.Description),
			Start:          e.Start,
			End:            e.End,
			ZoneName:       c.intern(e.ZoneName),
			AllDay:         e.AllDay,
			StartDay:       e.StartDay,
			EndDay:         e.EndDay,
			Status:         e.Status,
			Classification: e.Class,
			Source:         calendar.SourceImported,
			Sequence:       e.Sequence,
			RRule:          strings.Clone(e.RRule),
			RDates:         e.RDates,
			ExDates:        e.ExDates,
			RecurrenceID:   e.RecurrenceID,
		},
	}
	if e.Kind != "" { // written by Anteroom: its kind and organiser are the file's
		in.Engagement.Kind, in.Engagement.Organiser, in.KindGiven = e.Kind, c.intern(e.Organiser), true
	}
	if in.DTStamp.IsZero() {
		in.DTStamp = e.LastModified // orders versions as well when DTSTAMP is missing
	}
	en := &in.Engagement
	// Instants in UTC, as the store keeps them: a zone defined by the file
	// (VTIMEZONE) is a Location named by the file, which must not outlive
	// it. ZoneName says where the item was entered.
	en.Start, en.End, en.RecurrenceID, in.DTStamp = utc(en.Start), utc(en.End), utc(en.RecurrenceID), utc(in.DTStamp)
	for i := range en.RDates {
		en.RDates[i] = en.RDates[i].UTC()
	}
	for i := range en.ExDates {
		en.ExDates[i] = en.ExDates[i].UTC()
	}
	if en.Classification == "" && en.RecurrenceID.IsZero() {
		// No CLASS: the RFC's default is PUBLIC (§3.8.1.3); the office's
		// is internal, which other offices see only as limited. An
		// override without CLASS takes its series' (PlanImport).
		en.Classification = calendar.ClassInternal
	}
	if strings.TrimSpace(en.Title) == "" {
		en.Title = UntitledTitle
		in.Warnings = append(in.Warnings, message(Warning{Line: e.Line, Code: "import.title_missing"}))
	}
	if e.Fault != nil {
		f := message(*e.Fault)
		in.Fault = &f
	} else if !e.AllDay && !e.Start.IsZero() && !e.End.After(e.Start) {
		// A timed item without DTEND or DURATION ends when it starts (RFC
		// 5545 §3.6.1): a moment the calendar cannot hold. It gets the
		// shortest slot the office books.
		en.End = en.Start.Add(momentLength)
		in.Warnings = append(in.Warnings, message(Warning{Line: e.Line, Code: "import.no_length",
			Args: args("Minutes", int(momentLength/time.Minute))}))
	}
	if en.ZoneName == "" {
		en.ZoneName = c.zoneName
		if e.Recurring() && !e.AllDay && !repeatsAlike(e.Start, c.zoneName) {
			in.Warnings = append(in.Warnings, message(Warning{Line: e.Line, Code: "import.zone_series",
				Args: args("Zone", e.Start.Location().String(), "Fallback", c.zoneName)}))
		}
	}
	if e.ThisAndFuture {
		in.Warnings = append(in.Warnings, message(Warning{Line: e.Line, Code: "import.range_ignored"}))
	}
	for _, w := range e.Warnings {
		in.Warnings = append(in.Warnings, message(w))
	}
	return in
}

// repeatsAlike reports whether a series starting at t repeats at the same
// instants in the zone named name as in t's own zone: both give the same
// offsets over its first year.
func repeatsAlike(t time.Time, name string) bool {
	loc, ok := loadIANA(name)
	return ok && sameOffsets(t.Location(), loc, t, t.AddDate(1, 0, 0))
}

// rest maps the to-dos, and the notes on skipped components and on the
// whole file.
func (c *converter) rest(cal *Calendar) ([]imports.ImportTodo, []imports.Message) {
	var todos []imports.ImportTodo
	var notes []imports.Message
	for _, w := range cal.Warnings {
		notes = append(notes, message(w))
	}
	for _, n := range cal.Skipped {
		notes = append(notes, message(n.Reason))
	}
	for _, t := range cal.Todos {
		uid := strings.Clone(t.UID)
		if uid == "" {
			uid = todoUID(t)
		}
		title := strings.Clone(t.Summary)
		if strings.TrimSpace(title) == "" {
			title = UntitledTitle
		}
		todos = append(todos, imports.ImportTodo{UID: uid, Title: title, Due: utc(t.Due), Priority: t.Priority})
		for _, w := range t.Warnings {
			notes = append(notes, message(w))
		}
	}
	return todos, notes
}

// utc returns t in UTC; the zero time stays zero.
func utc(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return t.UTC()
}

// todoUID makes a stable UID for a to-do that has none, so importing the
// file again finds the same one.
func todoUID(t Todo) string {
	h := sha256.New()
	h.Write([]byte(t.Summary))
	h.Write([]byte{0})
	h.Write([]byte(strconv.FormatInt(t.Due.Unix(), 10)))
	return hex.EncodeToString(h.Sum(nil)[:16]) + "@import.anteroom"
}

// message turns a reader's warning into a translatable message; string
// arguments are copied, so the message does not hold the file's bytes.
func message(w Warning) imports.Message {
	m := imports.Message{Code: w.Code, English: english[w.Code], Line: w.Line}
	if len(w.Args) > 0 {
		m.Args = make(map[string]any, len(w.Args))
		for k, v := range w.Args {
			if s, ok := v.(string); ok {
				v = strings.Clone(s)
			}
			m.Args[k] = v
		}
	}
	return m
}
