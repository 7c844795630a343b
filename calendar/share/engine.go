package share

import (
	"context"
	"errors"
	"fmt"
	"time"

	"anteroom/calendar"
	"anteroom/calendar/imports"
	"anteroom/calendar/share/state"
	"anteroom/dav"
)

// Engine syncs the books linked to one account.
type Engine struct {
	store  Store
	client *dav.Client
	now    func() time.Time
	// progress hears how far a sync is (progress.go); nil for none.
	progress func(Progress)
}

// NewEngine returns an engine over store talking through client, which
// should be built WithDecoder(nil): the engine reads objects itself.
func NewEngine(store Store, client *dav.Client) *Engine {
	return &Engine{store: store, client: client, now: time.Now}
}

// SetClock replaces the clock, for tests.
func (e *Engine) SetClock(now func() time.Time) { e.now = now }

// Report says what one sync of one book did.
type Report struct {
	LeaderID      int64 `json:"leader_id"`
	PulledNew     int   `json:"pulled_new"`
	PulledUpdated int   `json:"pulled_updated"`
	PulledDeleted int   `json:"pulled_deleted"`
	PushedCreated int   `json:"pushed_created"`
	PushedUpdated int   `json:"pushed_updated"`
	PushedDeleted int   `json:"pushed_deleted"`
	Conflicts     int   `json:"conflicts"` // found by this sync
	// Unreadable lists the objects of the server this desk could not take,
	// with why (the reader's error, or the import's reason).
	Unreadable []Unreadable `json:"unreadable"`
}

// Unreadable is one object a sync left as it was on the server.
type Unreadable struct {
	Href   string           `json:"href"`
	Reason *imports.Message `json:"-"`
	Err    error            `json:"-"`
}

// Sync pulls what changed on the server into the leader's book, then
// pushes what changed here. An error leaves everything consistent: what
// was applied is recorded, the rest is done by the next sync.
func (e *Engine) Sync(ctx context.Context, book state.Book) (Report, error) {
	rep := Report{LeaderID: book.LeaderID}
	leader, err := e.store.Leader(ctx, book.LeaderID)
	if err != nil {
		return rep, err
	}
	if err := e.pull(ctx, book, leader, &rep); err != nil {
		return rep, err
	}
	if err := e.push(ctx, book, leader, &rep); err != nil {
		return rep, err
	}
	return rep, nil
}

// pull brings the server's changes since the stored token.
func (e *Engine) pull(ctx context.Context, book state.Book, leader calendar.Leader, rep *Report) error {
	changed, deleted, token, err := e.changes(ctx, book)
	if err != nil {
		return err
	}
	// What this desk wrote itself comes back in the listing: same ETag.
	fetch := make([]string, 0, len(changed))
	for _, it := range changed {
		si, ok, err := e.store.SyncItemByHref(ctx, book.LeaderID, it.Path)
		if err != nil {
			return err
		}
		if ok && it.ETag != "" && si.ETag == it.ETag {
			continue
		}
		fetch = append(fetch, it.Path)
	}
	e.report(PhasePull, 0, len(fetch))
	for lo := 0; lo < len(fetch); lo += dav.MultiGetBatch {
		objs, err := e.client.MultiGet(ctx, book.Calendar, fetch[lo:min(lo+dav.MultiGetBatch, len(fetch))])
		if err != nil {
			return err
		}
		var got []serverObject
		for _, o := range objs {
			if errors.Is(o.Err, dav.ErrNotFound) {
				deleted = append(deleted, o.Path)
				continue
			}
			if o.Err != nil {
				rep.Unreadable = append(rep.Unreadable, Unreadable{Href: o.Path, Err: o.Err})
				continue
			}
			got = append(got, serverObject{href: o.Path, etag: o.ETag, data: o.Data})
		}
		if err := e.take(ctx, book, leader, got, false, rep); err != nil {
			return err
		}
		e.report(PhasePull, min(lo+dav.MultiGetBatch, len(fetch)), len(fetch))
	}
	for _, href := range deleted {
		if err := e.takeDeletion(ctx, book, leader, href, rep); err != nil {
			return err
		}
	}
	return e.store.SaveSyncToken(ctx, book.LeaderID, token, e.now().UTC())
}

// changes lists what changed on the server: by sync token, or, when the
// token is refused or the server offers no sync-collection, by comparing
// every ETag with those stored.
func (e *Engine) changes(ctx context.Context, book state.Book) (changed []dav.Item, deleted []string, token string, err error) {
	token = book.Token
	full := token == ""
	ch, err := e.collect(ctx, book.Calendar, token)
	if errors.Is(err, dav.ErrInvalidSyncToken) {
		full = true
		ch, err = e.collect(ctx, book.Calendar, "")
	}
	if err != nil && !errors.Is(err, dav.ErrUnauthorized) && !errors.Is(err, dav.ErrUnreachable) && !errors.Is(err, dav.ErrNotFound) {
		// No sync-collection here: list the ETags.
		items, lerr := e.client.ListETags(ctx, book.Calendar)
		if lerr != nil {
			return nil, nil, "", lerr
		}
		ch, err, full = &dav.Changes{Changed: items}, nil, true
	}
	if err != nil {
		return nil, nil, "", err
	}
	if full {
		stored, err := e.store.SyncItems(ctx, book.LeaderID)
		if err != nil {
			return nil, nil, "", err
		}
		present := make(map[string]bool, len(ch.Changed))
		for _, it := range ch.Changed {
			present[it.Path] = true
		}
		for _, si := range stored {
			if !present[si.Href] {
				ch.Deleted = append(ch.Deleted, si.Href)
			}
		}
	}
	return ch.Changed, ch.Deleted, ch.Token, nil
}

// collect is SyncCollection followed to the end of a truncated answer.
func (e *Engine) collect(ctx context.Context, path, token string) (*dav.Changes, error) {
	all := &dav.Changes{}
	for {
		ch, err := e.client.SyncCollection(ctx, path, token)
		if err != nil {
			return nil, err
		}
		all.Changed = append(all.Changed, ch.Changed...)
		all.Deleted = append(all.Deleted, ch.Deleted...)
		all.Token = ch.Token
		if !ch.More || ch.Token == "" || ch.Token == token {
			return all, nil
		}
		token = ch.Token
	}
}

// serverObject is one object as the server sent it.
type serverObject struct {
	href, etag string
	data       []byte
}

// rootUID is the UID of the calendar object items were read from.
func rootUID(items []imports.Incoming) string {
	for _, in := range items {
		if in.Engagement.RecurrenceID.IsZero() {
			return in.Engagement.UID
		}
	}
	return items[0].Engagement.UID
}

// take applies server objects to the book: those changed here since the
// last sync become conflicts; the others are stored with their sync state
// in one transaction. resolving takes the server's version even of an
// item changed here (the user chose it).
func (e *Engine) take(ctx context.Context, book state.Book, leader calendar.Leader, objs []serverObject, resolving bool, rep *Report) error {
	loc, err := leader.Location()
	if err != nil {
		return err
	}
	type pending struct {
		obj    serverObject
		uid    string
		items  []imports.Incoming
		synced bool // the UID was synced before: the server's version is the truth
		known  bool // this desk holds the UID
	}
	var todo []pending
	for _, o := range objs {
		items, err := readObject(o.data, o.href, loc)
		if err != nil || len(items) == 0 {
			rep.Unreadable = append(rep.Unreadable, Unreadable{Href: o.href, Err: err})
			continue
		}
		uid := rootUID(items)
		si, synced, err := e.store.SyncItem(ctx, book.LeaderID, uid)
		if err != nil {
			return err
		}
		rev, err := e.store.LocalRev(ctx, uid)
		if err != nil {
			return err
		}
		_, open, err := e.store.OpenConflictOn(ctx, book.LeaderID, uid)
		if err != nil {
			return err
		}
		if !resolving && (open || synced && rev > si.Rev) {
			if err := e.conflict(ctx, book, leader, uid, o.href, string(o.data), o.etag, rep, !open); err != nil {
				return err
			}
			continue
		}
		rows, err := e.store.ObjectRows(ctx, uid)
		if err != nil {
			return err
		}
		todo = append(todo, pending{obj: o, uid: uid, items: items, synced: synced || resolving, known: len(rows) > 0})
	}
	if len(todo) == 0 {
		return nil
	}
	var items []imports.Incoming
	force := map[string]bool{}
	for _, p := range todo {
		items = append(items, p.items...)
		force[p.uid] = p.synced
	}
	return inTx(ctx, e.store, e.now, func(tx Store, svc *calendar.Service) error {
		imp := imports.NewService(svc, tx)
		plan, err := planFromServer(ctx, svc, imp, leader, items, force)
		if err != nil {
			return err
		}
		plan.By = "sync"
		if _, err := imp.ApplyImport(ctx, plan); err != nil {
			return err
		}
		taken := map[string]imports.ImportAction{}
		for _, it := range plan.Items {
			uid := it.Incoming.Engagement.UID
			if a, seen := taken[uid]; !seen || a == imports.ImportUnchanged || a == imports.ImportSkipped {
				taken[uid] = it.Action
			}
			if it.Action == imports.ImportSkipped && it.Reason != nil && it.Incoming.Engagement.RecurrenceID.IsZero() {
				rep.Unreadable = append(rep.Unreadable, Unreadable{Href: dav.ObjectPath(book.Calendar, uid), Reason: it.Reason})
			}
		}
		now := e.now().UTC()
		for _, p := range todo {
			dropped := 0
			if p.synced && taken[p.uid] != imports.ImportSkipped {
				if dropped, err = dropMissingOverrides(ctx, tx, svc, p.uid, p.items); err != nil {
					return err
				}
			}
			switch a := taken[p.uid]; {
			case a == imports.ImportSkipped:
				continue // not ours to keep (another leader's item): leave no state
			case a == imports.ImportNew && !p.known:
				rep.PulledNew++
			case a == imports.ImportNew, a == imports.ImportUpdated, a == imports.ImportCancelled, dropped > 0:
				rep.PulledUpdated++
			}
			rev, err := tx.LocalRev(ctx, p.uid)
			if err != nil {
				return err
			}
			if !p.synced && taken[p.uid] == imports.ImportUnchanged {
				rev = 0 // this desk's version was newer: the push sends it
			}
			if err := tx.PutSyncItem(ctx, state.Item{LeaderID: book.LeaderID, UID: p.uid, Href: p.obj.href, ETag: p.obj.etag, Rev: rev, At: now}); err != nil {
				return err
			}
		}
		return nil
	})
}

// planFromServer plans the import of what the server holds. For a UID
// synced before, the server's version is the truth whatever its SEQUENCE
// and DTSTAMP say (another desk's clock, a phone that keeps SEQUENCE):
// items the import rules would keep as older, or deleted here, are given a
// SEQUENCE just past the stored one and planned again.
func planFromServer(ctx context.Context, svc *calendar.Service, imp *imports.Service, leader calendar.Leader, items []imports.Incoming, force map[string]bool) (*imports.ImportPlan, error) {
	plan, err := imp.PlanImport(ctx, leader, "sync", items, nil, nil)
	if err != nil {
		return nil, err
	}
	again := false
	stamp := svc.Now().UTC().Truncate(time.Second)
	for i, it := range plan.Items {
		if !force[it.Incoming.Engagement.UID] || it.Reason == nil || it.Existing == nil {
			continue
		}
		switch it.Reason.Code {
		case "import.plan.older", "import.plan.same_version", "import.plan.deleted":
			// Past the stored SEQUENCE: the stored DTSTAMP may be ahead of
			// any clock (a file stamped in the future).
			items[i].Engagement.Sequence = max(items[i].Engagement.Sequence, it.Existing.Sequence+1)
			items[i].DTStamp = stamp
			again = true
		}
	}
	if !again {
		return plan, nil
	}
	return imp.PlanImport(ctx, leader, "sync", items, nil, nil)
}

// takeDeletion applies an object deleted on the server: the engagement is
// deleted here too, unless it changed here since the last sync (a
// conflict).
func (e *Engine) takeDeletion(ctx context.Context, book state.Book, leader calendar.Leader, href string, rep *Report) error {
	si, ok, err := e.store.SyncItemByHref(ctx, book.LeaderID, href)
	if err != nil || !ok {
		return err
	}
	rev, err := e.store.LocalRev(ctx, si.UID)
	if err != nil {
		return err
	}
	_, open, err := e.store.OpenConflictOn(ctx, book.LeaderID, si.UID)
	if err != nil {
		return err
	}
	if open || rev > si.Rev {
		return e.conflict(ctx, book, leader, si.UID, href, "", "", rep, !open)
	}
	return inTx(ctx, e.store, e.now, func(tx Store, svc *calendar.Service) error {
		n, err := deleteObject(ctx, tx, svc, si.UID)
		if err != nil {
			return err
		}
		if n > 0 {
			rep.PulledDeleted++
		}
		return tx.ForgetSyncItem(ctx, book.LeaderID, si.UID)
	})
}

// deleteObject deletes what this desk holds of uid (a series with its
// overrides) and says how many engagements it deleted.
func deleteObject(ctx context.Context, tx Store, svc *calendar.Service, uid string) (int, error) {
	rows, err := tx.ObjectRows(ctx, uid)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, r := range rows {
		if r.SeriesID != 0 && r.UID == uid && len(rows) > 1 {
			continue // goes with its series
		}
		if err := svc.Delete(ctx, r.ID); err != nil && !errors.Is(err, calendar.ErrNotFound) {
			return n, fmt.Errorf("delete %q: %w", r.Title, err)
		}
		n++
	}
	return n, nil
}

// conflict keeps both versions of uid: the server's (data, "" when it
// deleted it) and this desk's as it is now. counted says whether it is a
// new conflict rather than an open one brought up to date.
func (e *Engine) conflict(ctx context.Context, book state.Book, leader calendar.Leader, uid, href, server, etag string, rep *Report, counted bool) error {
	local, _, err := localObject(ctx, e.store, leader, uid, e.now())
	if err != nil {
		return err
	}
	c := state.Conflict{LeaderID: book.LeaderID, UID: uid, Href: href, Local: string(local), Server: server, ServerETag: etag, Found: e.now().UTC()}
	if err := e.store.SaveSyncConflict(ctx, &c); err != nil {
		return err
	}
	if counted {
		rep.Conflicts++
	}
	return nil
}
