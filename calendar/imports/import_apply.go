package imports

import (
	"context"
	"fmt"
	"path/filepath"
	"time"

	"anteroom/calendar"
)

// ApplyImport stores the selected items of plan, and its to-dos, in one
// transaction: all of them or, on any error, none. Items the user
// unticked count as skipped; unchanged items as unchanged.
//
// The calendar may have changed since the plan was made (another window,
// another instance): an item whose stored row is no longer what the plan
// saw is decided again, by the same rules, inside the transaction. An
// override whose series is not stored after all (the series was
// unticked) is kept as a single engagement, as PlanImport describes.
func (s *Service) ApplyImport(ctx context.Context, plan *ImportPlan) (ImportResult, error) {
	var res ImportResult
	var created []*calendar.Engagement
	// The transaction ends when applyImport returns, not when ctx is
	// done: database/sql would roll it back from another goroutine, behind
	// the back of a store that has set its connection up for a large
	// import and must set it back (package data does). Statements still
	// stop when ctx is done, and a done ctx commits nothing.
	err := s.store.ImportTx(context.WithoutCancel(ctx), func(st Store) error {
		res, created = ImportResult{}, created[:0]
		in := &Service{book: s.book.BoundTo(st), store: st}
		if err := in.applyImport(ctx, plan, &res, &created); err != nil {
			return err
		}
		return ctx.Err()
	})
	if err != nil {
		// Rolled back: the rows the plan holds were not created after all.
		for _, e := range created {
			e.ID = 0
		}
		return ImportResult{}, fmt.Errorf("import %s: %w", plan.File, err)
	}
	return res, nil
}

// applyImport does ApplyImport's work on a Service bound to its
// transaction, and adds the rows it creates to created.
func (s *Service) applyImport(ctx context.Context, plan *ImportPlan, res *ImportResult, created *[]*calendar.Engagement) error {
	imp := s.store
	leader, err := s.store.Leader(ctx, plan.LeaderID)
	if err != nil {
		return err
	}
	loc, err := leader.Location()
	if err != nil {
		return err
	}
	var todo []int
	for i := range plan.Items {
		it := &plan.Items[i]
		switch {
		case it.Action == ImportUnchanged:
			res.Unchanged++
		case !it.Selected || it.Action == ImportSkipped:
			res.Skipped++
		default:
			todo = append(todo, i)
		}
	}
	now := s.book.Now().UTC().Truncate(time.Second)
	stored, err := lookupStored(ctx, imp, plan.Items, todo)
	if err != nil {
		return err
	}
	p := &planner{s: s, ctx: ctx, leader: leader, loc: loc, now: now, stored: stored, items: plan.Items}
	var stale []int
	for _, i := range todo {
		if !sameStored(plan.Items[i].stored, stored[plan.Items[i].Incoming.Key().String()]) {
			stale = append(stale, i)
		}
	}
	if len(stale) > 0 {
		if err := p.decideAll(stale); err != nil {
			return err
		}
	}
	if err := refuseNewForArchived(leader, plan.Items, todo); err != nil {
		return err
	}
	// The plan's clashes were found against the calendar as it was; when
	// anything was written since (another window, another process), they
	// are found again here, where no one else can write.
	changes, err := imp.ChangeCount(ctx)
	if err != nil {
		return err
	}
	if changes != plan.changes || len(stale) > 0 {
		for i := range plan.Items {
			plan.Items[i].Findings = nil
		}
		if err := s.checkPlan(ctx, leader, loc, plan); err != nil {
			return err
		}
		found := make([][]calendar.Finding, len(plan.Items))
		for i := range plan.Items {
			found[i] = plan.Items[i].Findings
		}
		if err := s.book.NameOthers(ctx, found...); err != nil { // a caller reads these next
			return err
		}
	}

	// Whole items and series first, so that overrides can name their
	// series.
	written := map[string]int64{} // UID → ID of a series this import wrote
	rows := make([]ImportedRow, 0, len(todo))
	for pass := 0; pass < 2; pass++ {
		rows = p.passRows(rows[:0], todo, pass == 1, written, res, func(it *ImportItem) {
			if it.row.ID == 0 {
				*created = append(*created, it.row)
			}
		})
		if err := imp.WriteImported(ctx, rows); err != nil {
			return err
		}
		if pass == 1 {
			break
		}
		var cancelled []calendar.Engagement
		for _, r := range rows {
			if r.Engagement.IsSeries() {
				written[r.Engagement.UID] = r.Engagement.ID
				if r.Engagement.Cancelled() {
					cancelled = append(cancelled, *r.Engagement)
				}
			}
		}
		if err := s.cancelOverrides(ctx, cancelled, now); err != nil {
			return err
		}
	}
	if err := s.logImportOverrides(ctx, plan, todo, now); err != nil {
		return err
	}
	if len(plan.Todos) > 0 {
		n, err := imp.SaveTodos(ctx, leader.ID, plan.Todos, now)
		if err != nil {
			return err
		}
		res.Todos = n
	}
	return nil
}

// ImportReasonPrefix begins the reason an import records for what it
// booked over the rules; the file's name follows.
const ImportReasonPrefix = "import "

// logImportOverrides records, for each item of the plan stored over a
// blocking finding, that the import booked it: the user saw the clash in
// the preview (or the command line's count) and imported it anyway.
func (s *Service) logImportOverrides(ctx context.Context, plan *ImportPlan, todo []int, now time.Time) error {
	who := plan.By
	if who == "" {
		who = "import"
	}
	for _, i := range todo {
		it := &plan.Items[i]
		if !it.Selected || it.row == nil || it.row.ID == 0 || !calendar.Blocking(it.Findings) {
			continue
		}
		rec := calendar.OverrideRecord{LeaderID: it.row.LeaderID, EngagementUID: it.row.UID, Title: it.row.Title, Start: it.row.Start,
			At: now, Who: who, Reason: ImportReasonPrefix + filepath.Base(plan.File), Rules: calendar.BlockingRules(it.Findings)}
		if err := s.book.LogOverride(ctx, &rec); err != nil {
			return err
		}
	}
	return nil
}

// passRows appends to rows what one pass writes of the items at todo:
// the whole items and series, or the overrides. It counts each item of
// the pass in res, links each override to its series (written holds
// those the import wrote) and shows each row added to also.
func (p *planner) passRows(rows []ImportedRow, todo []int, overrides bool, written map[string]int64, res *ImportResult, also func(*ImportItem)) []ImportedRow {
	for _, i := range todo {
		it := &p.items[i]
		override := !it.Incoming.Engagement.RecurrenceID.IsZero()
		if override != overrides {
			continue
		}
		res.add(it.Action)
		if !it.Selected || it.row == nil {
			continue // decided again: skipped or unchanged
		}
		if override {
			p.link(it.row, it.Incoming, written)
		}
		also(it)
		rows = append(rows, ImportedRow{Engagement: it.row,
			Version: ImportVersion{Sequence: it.Incoming.Engagement.Sequence, DTStamp: it.Incoming.DTStamp, At: p.now}})
	}
	return rows
}

// link ties an override to its series: the one this import wrote, or the
// stored one; without either it becomes a single engagement under its
// occurrence key (see PlanImport).
func (p *planner) link(row *calendar.Engagement, in Incoming, written map[string]int64) {
	uid, rid := in.Engagement.UID, in.Engagement.RecurrenceID
	id := written[uid]
	if st := p.stored[uid]; id == 0 && st != nil && !st.Deleted && st.Engagement.LeaderID == p.leader.ID && st.Engagement.IsSeries() {
		id = st.Engagement.ID
	}
	if id != 0 {
		row.UID, row.SeriesID, row.RecurrenceID = uid, id, rid
		return
	}
	row.UID, row.SeriesID, row.RecurrenceID = OccurrenceKey(uid, rid), 0, time.Time{}
}

// cancelOverrides cancels the live overrides of the series a file
// cancelled: cancelling a series cancels every occurrence (RFC 5546
// §3.2.5).
func (s *Service) cancelOverrides(ctx context.Context, series []calendar.Engagement, now time.Time) error {
	for _, m := range series {
		ovs, err := s.store.SeriesOverrides(ctx, m.ID)
		if err != nil {
			return err
		}
		for _, o := range ovs {
			if o.Cancelled() {
				continue
			}
			o.Status, o.Sequence, o.Updated = calendar.StatusCancelled, o.Sequence+1, now
			if err := s.store.UpdateEngagement(ctx, &o); err != nil {
				return fmt.Errorf("cancel override of %v: %w", o.RecurrenceID, err)
			}
		}
	}
	return nil
}

// sameStored reports whether a stored row is still what a plan saw.
func sameStored(a, b *StoredItem) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Engagement.ID == b.Engagement.ID && a.Deleted == b.Deleted &&
		a.Engagement.Updated.Equal(b.Engagement.Updated) && a.Engagement.Sequence == b.Engagement.Sequence &&
		a.Version.Sequence == b.Version.Sequence && a.Version.DTStamp.Equal(b.Version.DTStamp) && a.Version.At.Equal(b.Version.At)
}
