package imports

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"anteroom/calendar"
)

// PlanImport works out what importing one file's items and to-dos into
// leader's calendar would do, without changing anything. file names the
// file in the plan; notes are what the reader said about the file.
//
// The rules, from RFC 5545 and RFC 5546 (iTIP):
//
//   - An item is identified by UID and RECURRENCE-ID (RFC 5545 §3.8.4.4,
//     RFC 5546 §2.1.5), across leaders: an item already in another
//     leader's calendar is skipped.
//   - A version with a higher SEQUENCE, or the same SEQUENCE and a later
//     DTSTAMP, replaces the stored one (RFC 5546 §2.1.4–2.1.5); an older
//     or the same version leaves it unchanged, so importing a file again
//     changes nothing. A newer version whose content is what is stored is
//     unchanged too. The stored version is the one last imported or, for
//     an item made here, its own SEQUENCE.
//   - An update replaces title, place, notes, times, status and
//     recurrence; it keeps the kind and source set here and never lowers
//     the classification. An item made here or edited since its import is
//     still updated by UID (it came from, or went out as, that invitation),
//     with a Reason saying so: nothing is overwritten silently.
//   - METHOD:CANCEL (RFC 5546 §3.2.5) or STATUS:CANCELLED (RFC 5545
//     §3.8.1.11) marks the stored item cancelled: kept, not deleted, and
//     its slot freed; cancelling a series cancels its overrides. A CANCEL
//     of an item not in the calendar is skipped; a published cancelled
//     item is added as cancelled; a cancelled occurrence of a known series
//     becomes a cancelled override.
//   - METHOD:REPLY, COUNTER, REFRESH and DECLINECOUNTER answer an
//     invitation (RFC 5546 §3.2.3, §3.2.6–3.2.8) and ADD extends a series
//     kept elsewhere (§3.2.4): skipped.
//   - An item deleted here stays deleted unless a newer version arrives,
//     which brings it back (it was sent again after the deletion).
//   - An override (RECURRENCE-ID) belongs to the series with its UID, in
//     the file or stored. Without one (an invitation to one occurrence)
//     it is kept as a single engagement whose UID is OccurrenceKey, so a
//     later import of the series finds it and turns it into the override.
//   - When a file holds several versions of one item, the newest counts
//     and the others are skipped.
//
// New and updated items are checked against the calendar by the conflict
// engine (Findings); see checkPlan for which times.
func (s *Service) PlanImport(ctx context.Context, leader calendar.Leader, file string, items []Incoming, todos []ImportTodo, notes []Message) (*ImportPlan, error) {
	planned := make([]ImportItem, len(items))
	for i := range items {
		planned[i].Incoming = items[i]
	}
	return s.PlanImportItems(ctx, leader, file, planned, todos, notes)
}

// PlanImportItems is PlanImport for items read straight into the plan's
// slice (ics.ReadForPlan), each holding only its Incoming: the plan takes
// the slice as its Items instead of copying it, so a large file's items
// are held once.
func (s *Service) PlanImportItems(ctx context.Context, leader calendar.Leader, file string, items []ImportItem, todos []ImportTodo, notes []Message) (*ImportPlan, error) {
	loc, err := leader.Location()
	if err != nil {
		return nil, err
	}
	imp := s.store
	// Counted before anything is read: a change committed after this is
	// seen by ApplyImport, which checks the plan again.
	changes, err := imp.ChangeCount(ctx)
	if err != nil {
		return nil, fmt.Errorf("plan import of %s: %w", file, err)
	}
	plan := &ImportPlan{File: file, LeaderID: leader.ID, Todos: todos, Notes: notes, Items: items, changes: changes}
	for i := range items {
		items[i] = ImportItem{Incoming: items[i].Incoming} // nothing but what was read
		normalizeIncoming(&items[i].Incoming, leader, loc)
	}
	all := make([]int, len(plan.Items))
	for i := range all {
		all[i] = i
	}
	stored, err := lookupStored(ctx, imp, plan.Items, all)
	if err != nil {
		return nil, fmt.Errorf("plan import of %s: %w", file, err)
	}
	p := &planner{s: s, ctx: ctx, leader: leader, loc: loc, now: s.book.Now().UTC().Truncate(time.Second), stored: stored, items: plan.Items}
	p.markDuplicates()
	if err := p.decideAll(all); err != nil {
		return nil, fmt.Errorf("plan import of %s: %w", file, err)
	}
	if err := refuseNewForArchived(leader, plan.Items, all); err != nil {
		return nil, fmt.Errorf("plan import of %s: %w", file, err)
	}
	if err := s.checkPlan(ctx, leader, loc, plan); err != nil {
		return nil, fmt.Errorf("plan import of %s: %w", file, err)
	}
	return plan, nil
}

// normalizeIncoming gives an incoming item the leader, the defaults of a
// new engagement and the leader's zone where the file gave none. An
// override keeps no recurrence of its own.
func normalizeIncoming(in *Incoming, leader calendar.Leader, loc *time.Location) {
	e := &in.Engagement
	e.ID, e.SeriesID, e.LeaderID = 0, 0, leader.ID
	e.Source = calendar.SourceImported
	if e.Kind == "" {
		e.Kind = calendar.KindMeeting
	}
	if e.Status == "" {
		e.Status = calendar.StatusConfirmed
	}
	if e.Classification == "" && e.RecurrenceID.IsZero() {
		e.Classification = calendar.ClassInternal // an override's waits for its series (decide)
	}
	if e.ZoneName == "" {
		e.ZoneName = leader.ZoneName
	}
	in.Method = strings.ToUpper(strings.TrimSpace(in.Method))
	if !e.RecurrenceID.IsZero() {
		e.RRule, e.RDates, e.ExDates = "", nil, nil
	}
	e.RRule = calendar.NormalizeRRule(e.RRule)
	e.Anchor(loc)
}

// lookupStored finds the stored rows of the items at idx and of the
// series their overrides belong to, by ItemKey.String.
func lookupStored(ctx context.Context, imp Store, items []ImportItem, idx []int) (map[string]*StoredItem, error) {
	keys := make([]ItemKey, 0, len(idx))
	for _, i := range idx {
		k := items[i].Incoming.Key()
		keys = append(keys, k)
		if !k.RecurrenceID.IsZero() {
			keys = append(keys, ItemKey{UID: k.UID})
		}
	}
	return storedByKey(ctx, imp, keys)
}

// storedByKey finds the stored rows of keys, by ItemKey.String.
func storedByKey(ctx context.Context, imp Store, keys []ItemKey) (map[string]*StoredItem, error) {
	if len(keys) == 0 {
		return map[string]*StoredItem{}, nil
	}
	found, err := imp.ItemsByKey(ctx, keys)
	if err != nil {
		return nil, err
	}
	out := make(map[string]*StoredItem, len(found))
	for i := range found {
		s := &found[i]
		out[ItemKey{UID: s.Engagement.UID, RecurrenceID: s.Engagement.RecurrenceID}.String()] = s
	}
	return out, nil
}

// pendingSeries stands for the ID of a series the same import creates,
// until ApplyImport has stored it.
const pendingSeries = -1

// planner decides what happens to each item of a plan.
type planner struct {
	s      *Service
	ctx    context.Context
	leader calendar.Leader
	loc    *time.Location
	now    time.Time
	stored map[string]*StoredItem
	items  []ImportItem
	mu     sync.Mutex       // guards names: items are decided in parallel
	names  map[int64]string // other leaders' names, for reasons
	// stillSeries holds the UIDs of the file's series that an earlier
	// batch of a streamed import stored as rows that do not repeat (a
	// series cancelling a single item): the file's overrides belong to
	// them all the same, as they do in a plan of the whole file.
	stillSeries map[string]bool
}

// markDuplicates skips every version of an item but the newest when the
// file has several (RFC 5546 §2.1.5 orders them); of equal versions the
// last in the file counts.
func (p *planner) markDuplicates() {
	type key struct { // ItemKey, cheaper to hash than its String
		uid      string
		override bool
		rid      int64
	}
	keyOf := func(in *Incoming) key {
		rid := in.Engagement.RecurrenceID
		return key{uid: in.Engagement.UID, override: !rid.IsZero(), rid: rid.Unix()}
	}
	newest := make(map[key]int, len(p.items))
	for i := range p.items {
		k := keyOf(&p.items[i].Incoming)
		j, ok := newest[k]
		if !ok || compareIncoming(p.items[i].Incoming, p.items[j].Incoming) >= 0 {
			newest[k] = i
		}
	}
	if len(newest) == len(p.items) {
		return
	}
	for i := range p.items {
		it := &p.items[i]
		if w := newest[keyOf(&it.Incoming)]; w != i {
			p.skip(it, importMsg("import.plan.duplicate", "Other", p.items[w].Incoming.Line))
		}
	}
}

// compareIncoming orders two versions of one item.
func compareIncoming(a, b Incoming) int {
	return compareVersion(a.Engagement.Sequence, a.DTStamp, b.Engagement.Sequence, b.DTStamp)
}

// compareVersion orders versions of one item by SEQUENCE, then DTSTAMP
// (RFC 5546 §2.1.5).
func compareVersion(seqA int, stampA time.Time, seqB int, stampB time.Time) int {
	switch {
	case seqA != seqB:
		if seqA < seqB {
			return -1
		}
		return 1
	case stampA.After(stampB):
		return 1
	case stampA.Before(stampB):
		return -1
	}
	return 0
}

// storedVersion is the organizer's version a stored row holds: the one
// last imported, or for a row never imported its own SEQUENCE.
func storedVersion(st *StoredItem) (int, time.Time) {
	if !st.Version.At.IsZero() {
		return st.Version.Sequence, st.Version.DTStamp
	}
	return st.Engagement.Sequence, time.Time{}
}

// decideAll decides the items at idx that are not skipped yet: whole
// items and series first, then overrides, which need to know whether
// their series will be there. Items are decided in parallel: each touches
// only its own item.
func (p *planner) decideAll(idx []int) error {
	pass := func(overrides bool, series map[string]*ImportItem) error {
		return calendar.InParallel(len(idx), func(lo, hi int) error {
			for _, i := range idx[lo:hi] {
				it := &p.items[i]
				if it.Action == ImportSkipped || it.Incoming.Engagement.RecurrenceID.IsZero() == overrides {
					continue
				}
				var s *calendar.Engagement
				if overrides {
					s = p.seriesFor(it.Incoming.Engagement.UID, series)
				}
				if err := p.decide(it, s); err != nil {
					return err
				}
			}
			return nil
		})
	}
	if err := pass(false, nil); err != nil {
		return err
	}
	series := map[string]*ImportItem{} // UID → the file's series of that UID
	for _, i := range idx {
		it := &p.items[i]
		if it.Action != ImportSkipped && it.Incoming.Engagement.RecurrenceID.IsZero() && it.Incoming.Engagement.IsSeries() {
			series[it.Incoming.Engagement.UID] = it
		}
	}
	return pass(true, series)
}

// seriesFor returns the series an override of uid belongs to: the file's,
// as it will be stored (with ID pendingSeries when new), or the leader's
// stored one; nil when there is neither.
func (p *planner) seriesFor(uid string, inFile map[string]*ImportItem) *calendar.Engagement {
	if it := inFile[uid]; it != nil && it.row != nil {
		m := *it.row
		if m.ID == 0 {
			m.ID = pendingSeries
		}
		return &m
	}
	if st := p.stored[uid]; st != nil && !st.Deleted && st.Engagement.LeaderID == p.leader.ID && (st.Engagement.IsSeries() || p.stillSeries[uid]) {
		m := st.Engagement
		return &m
	}
	return nil
}

// skip marks it skipped for reason; a skipped item is never selected.
func (p *planner) skip(it *ImportItem, reason *Message) {
	it.Action, it.Reason, it.Selected = ImportSkipped, reason, false
	it.row = nil
}

// set records what happens to it and selects what changes the calendar.
func (p *planner) set(it *ImportItem, a ImportAction, reason *Message, row *calendar.Engagement) {
	it.Action, it.Reason, it.row = a, reason, row
	it.Selected = a == ImportNew || a == ImportUpdated || a == ImportCancelled
}

// decide works out the action, reason and row of one item; series is the
// series an override belongs to, nil for anything else or when there is
// none (see PlanImport for the rules).
func (p *planner) decide(it *ImportItem, series *calendar.Engagement) error {
	in := it.Incoming
	it.Reason, it.Findings = nil, nil
	if in.Fault != nil {
		p.skip(it, in.Fault)
		return nil
	}
	switch in.Method {
	case "REPLY", "COUNTER", "REFRESH", "DECLINECOUNTER":
		p.skip(it, importMsg("import.plan.method", "Method", in.Method))
		return nil
	case "ADD":
		p.skip(it, importMsg("import.plan.method_add"))
		return nil
	}
	key := in.Key()
	override := !key.RecurrenceID.IsZero()
	incoming := in.Engagement
	var note *Message
	if override {
		if series != nil {
			incoming.SeriesID = series.ID
			incoming.Classification = calendar.InheritClass(series.Classification, incoming.Classification)
			fillCancelledTimes(&incoming, *series, p.loc)
		} else {
			// Kept as a single engagement under the occurrence's key.
			incoming.UID, incoming.RecurrenceID = key.String(), time.Time{}
			note = importMsg("import.plan.series_missing")
			if incoming.Classification == "" {
				incoming.Classification = calendar.ClassInternal
			}
		}
	}
	st := p.stored[key.String()]
	it.stored, it.Existing = st, nil
	if st != nil {
		e := st.Engagement
		it.Existing = &e
		if e.LeaderID != p.leader.ID {
			name, err := p.leaderName(e.LeaderID)
			if err != nil {
				return err
			}
			p.skip(it, importMsg("import.plan.other_leader", "Leader", name))
			return nil
		}
	}
	cancel := in.Method == "CANCEL" || incoming.Status == calendar.StatusCancelled
	if cancel {
		incoming.Status = calendar.StatusCancelled
	}
	switch {
	case st == nil:
		if in.Method == "CANCEL" && (!override || series == nil) {
			p.skip(it, importMsg("import.plan.cancel_unknown"))
			return nil
		}
		row := &it.Incoming.Engagement // most items of a large file: no copy
		if override || cancel {
			row = new(calendar.Engagement)
			*row = incoming
		}
		row.ID, row.Created, row.Updated = 0, p.now, p.now
		action := ImportNew
		if cancel && override {
			action = ImportCancelled // a cancelled occurrence of a known series
		}
		p.setValid(it, action, note, row)
		return nil
	case st.Deleted:
		seq, stamp := storedVersion(st)
		if cancel || compareVersion(incoming.Sequence, in.DTStamp, seq, stamp) <= 0 {
			p.skip(it, importMsg("import.plan.deleted"))
			return nil
		}
		row := p.merge(st.Engagement, incoming, in.KindGiven)
		p.setValid(it, ImportUpdated, importMsg("import.plan.revived"), &row)
		return nil
	}
	seq, stamp := storedVersion(st)
	cmp := compareVersion(incoming.Sequence, in.DTStamp, seq, stamp)
	switch {
	case cmp < 0:
		p.set(it, ImportUnchanged, importMsg("import.plan.older", "Sequence", incoming.Sequence, "Stored", seq), nil)
		return nil
	case cancel && st.Engagement.Cancelled():
		p.set(it, ImportUnchanged, importMsg("import.plan.already_cancel"), nil)
		return nil
	case cancel:
		row := st.Engagement
		row.Status = calendar.StatusCancelled
		row.Sequence = max(incoming.Sequence, st.Engagement.Sequence+1)
		row.Updated = p.now
		p.set(it, ImportCancelled, nil, &row)
		return nil
	case cmp == 0:
		p.set(it, ImportUnchanged, importMsg("import.plan.same_version", "Sequence", incoming.Sequence), nil)
		return nil
	}
	row := p.merge(st.Engagement, incoming, in.KindGiven)
	if !importDiffers(st.Engagement, row) {
		p.set(it, ImportUnchanged, importMsg("import.plan.no_change"), nil)
		return nil
	}
	if editedHere(st) {
		note = importMsg("import.plan.edited_here")
	}
	p.setValid(it, ImportUpdated, note, &row)
	return nil
}

// setValid sets the action when row can be saved, and skips the item with
// the first problem otherwise. It fills in what saving fills in: the
// all-day anchor and the end of a series.
func (p *planner) setValid(it *ImportItem, a ImportAction, reason *Message, row *calendar.Engagement) {
	calendar.ApplyDefaults(row)
	row.RRule = calendar.NormalizeRRule(row.RRule)
	check := *row
	if check.SeriesID == pendingSeries {
		check.SeriesID = 1 // any series will do for Validate
	}
	if check.LeaderID == 0 {
		check.LeaderID = 1 // so will any leader: a dry run on an empty calendar imagines one
	}
	if err := check.Validate(); err != nil {
		var ve *calendar.ValidationError
		if errors.As(err, &ve) && len(ve.Problems) > 0 {
			msg := problemMsg(ve.Problems[0])
			if c := ve.Problems[0].Code; c == "validation.rrule_too_frequent" || c == "validation.rrule_too_costly" {
				// A rule that cannot be expanded within the calendar's
				// bounds is refused, not dropped quietly: the series
				// would be lost.
				it.Incoming.Fault = msg
			}
			p.skip(it, msg)
		} else {
			p.skip(it, importMsg("import.plan.invalid", "Detail", err.Error()))
		}
		return
	}
	row.Anchor(p.loc)
	if err := calendar.SetSeriesEnd(row, p.loc); err != nil {
		it.Incoming.Fault = &Message{Code: "validation.rrule_too_costly", English: "the repeat rule cannot be expanded safely"}
		p.skip(it, it.Incoming.Fault)
		return
	}
	p.set(it, a, reason, row)
}

// merge returns stored updated with what incoming says: title, place,
// notes, times, status and recurrence. The kind and source set here stay
// (the kind and organiser are the file's when kindGiven: Anteroom wrote
// it), and the classification never becomes less strict than stored. SEQUENCE
// becomes the organizer's, or grows past the stored one when what
// attendees see changed (RFC 5545 §3.8.7.4).
func (p *planner) merge(stored, incoming calendar.Engagement, kindGiven bool) calendar.Engagement {
	e := stored
	if kindGiven {
		e.Kind, e.Organiser = incoming.Kind, incoming.Organiser
	}
	e.UID = incoming.UID
	e.Title, e.Location, e.Notes = incoming.Title, incoming.Location, incoming.Notes
	e.Start, e.End, e.ZoneName = incoming.Start, incoming.End, incoming.ZoneName
	e.AllDay, e.StartDay, e.EndDay = incoming.AllDay, incoming.StartDay, incoming.EndDay
	e.RRule, e.RDates, e.ExDates = incoming.RRule, incoming.RDates, incoming.ExDates
	e.SeriesID, e.RecurrenceID = incoming.SeriesID, incoming.RecurrenceID
	e.Status = incoming.Status
	e.Classification = calendar.StricterClass(stored.Classification, incoming.Classification)
	e.Sequence = max(incoming.Sequence, stored.Sequence)
	if calendar.SignificantChange(stored, e) && e.Sequence == stored.Sequence {
		e.Sequence++
	}
	e.Updated = p.now
	return e
}

// importDiffers reports whether an update changes anything stored.
func importDiffers(a, b calendar.Engagement) bool {
	return calendar.SignificantChange(a, b) || a.UID != b.UID || a.Notes != b.Notes ||
		a.Classification != b.Classification || a.ZoneName != b.ZoneName || a.Kind != b.Kind || a.Organiser != b.Organiser ||
		a.StartDay != b.StartDay || a.EndDay != b.EndDay ||
		a.SeriesID != b.SeriesID || !a.RecurrenceID.Equal(b.RecurrenceID)
}

// editedHere reports whether a stored item was made here, or changed here
// after an import last wrote it.
func editedHere(st *StoredItem) bool {
	return st.Engagement.Source != calendar.SourceImported || st.Version.At.IsZero() ||
		st.Engagement.Updated.After(st.Version.At)
}

// fillCancelledTimes gives an override read without DTSTART (a CANCEL may
// omit it, RFC 5546 §3.2.5) the times the series gives its occurrence.
func fillCancelledTimes(e *calendar.Engagement, series calendar.Engagement, loc *time.Location) {
	if !e.Start.IsZero() || e.RecurrenceID.IsZero() {
		return
	}
	e.AllDay, e.ZoneName = series.AllDay, series.ZoneName
	if series.AllDay {
		e.StartDay = calendar.DateOf(e.RecurrenceID.In(loc))
		e.EndDay = e.StartDay.AddDays(max(1, calendar.DaysBetween(series.StartDay, series.EndDay)))
		e.Anchor(loc)
		return
	}
	e.Start, e.End = e.RecurrenceID, e.RecurrenceID.Add(series.End.Sub(series.Start))
}

// leaderName names another leader for a reason.
func (p *planner) leaderName(id int64) (string, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if n, ok := p.names[id]; ok {
		return n, nil
	}
	l, err := p.s.store.Leader(p.ctx, id)
	if errors.Is(err, calendar.ErrNotFound) {
		l.Name = "#" + strconv.FormatInt(id, 10)
	} else if err != nil {
		return "", err
	}
	if p.names == nil {
		p.names = map[int64]string{}
	}
	p.names[id] = l.Name
	return l.Name, nil
}
