package imports

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync/atomic"
	"time"

	"anteroom/calendar"
)

// ItemReader reads one file's items in file order, handing each to put;
// every call reads the file anew. It returns the file's to-dos and notes,
// and an error from put as it is.
type ItemReader func(ctx context.Context, put func(Incoming) error) ([]ImportTodo, []Message, error)

// StreamWatcher hears what a streamed import decides about each item.
type StreamWatcher interface {
	// Restart forgets every item heard: the import starts over.
	Restart()
	// Item is one item, decided and checked, and its place in the file (0
	// for the first). Items come in file order, but for those held back
	// to the end (versions of one item, overrides whose series may come
	// later). it is reused once Item returns.
	Item(ord int, it *ImportItem)
}

// CommittedViewer is a Store that can open a second view of the calendar
// as last committed: a streamed import checks its items against the
// calendar as it was before its own writes, as PlanImport does.
type CommittedViewer interface {
	CommittedView(ctx context.Context) (view calendar.Store, close func() error, err error)
}

// BulkStore is a Store whose WriteImported calls within one transaction
// can be made one bulk load, as one call with every row would be: a
// streamed import writes a batch at a time. finish(ok) ends the load, ok
// when every row is in; it must be called on every path.
type BulkStore interface {
	BeginBulkImport(ctx context.Context) (finish func(ok bool) error)
}

// ErrNeedsFix says a streamed import refused a file with items that need
// fixing (ImportItem.NeedsFix); the watcher heard each. Nothing was stored.
var ErrNeedsFix = errors.New("import: items need fixing")

// ErrCannotStream says the store cannot stream an import (it is no
// CommittedViewer): use PlanImport and ApplyImport.
var ErrCannotStream = errors.New("import: the store cannot stream an import")

// StreamOptions tune ImportStream.
type StreamOptions struct {
	By           string // who imports, as ImportPlan.By
	RefuseFaults bool   // refuse the whole file when an item needs fixing, instead of skipping it
}

// streamBatch is how many items a streamed import plans, checks and
// stores at a time: large enough that a batch's queries and bulk insert
// cost little each, small enough that its items are a few megabytes.
var streamBatch = 4096

// errRestart stops an import that read an identity twice without
// expecting to: it starts over knowing which identities repeat.
var errRestart = errors.New("import: an identity repeats")

// ImportStream imports one file as PlanImport and ApplyImport together
// would, by the same rules and in one transaction (all of it or, on any
// error, none), without holding the file's items: it plans, checks and
// stores streamBatch items at a time as read reads them, and keeps only
// an eight-byte hash of each identity read. Versions of one item (their
// hashes repeat: then the file is read a second time, for the hashes
// alone, and a third to import) and overrides whose series may come later
// in the file are held back and decided at the end, with each other.
// Items are checked against the calendar as committed before the import,
// never against each other, as PlanImport checks them. It returns what it
// did and the file's notes; w hears each item.
func (s *Service) ImportStream(ctx context.Context, leader calendar.Leader, file string, read ItemReader, w StreamWatcher, opt StreamOptions) (ImportResult, []Message, error) {
	cv, ok := s.store.(CommittedViewer)
	if !ok {
		return ImportResult{}, nil, ErrCannotStream
	}
	view, closeView, err := cv.CommittedView(ctx)
	if err != nil {
		return ImportResult{}, nil, fmt.Errorf("import %s: %w", file, err)
	}
	defer closeView()
	st := &streamImport{s: s, checker: &Service{book: s.book.BoundTo(view), store: s.store}, leaderID: leader.ID,
		file: file, read: read, w: w, opt: opt, hash: newKeyHasher()}
	res, notes, err := st.attempt(ctx, nil)
	if !errors.Is(err, errRestart) {
		return res, notes, err
	}
	repeated, err := st.repeatedKeys(ctx)
	if err != nil {
		return ImportResult{}, nil, err
	}
	w.Restart()
	return st.attempt(ctx, repeated)
}

// streamImport is one file's streamed import.
type streamImport struct {
	s        *Service
	checker  *Service // checks against the committed calendar
	leaderID int64
	file     string
	read     ItemReader
	w        StreamWatcher
	opt      StreamOptions
	hash     keyHasher
}

// repeatedKeys reads the file for the hashes of its identities and
// returns those that occur more than once.
func (st *streamImport) repeatedKeys(ctx context.Context) (map[keyHash]bool, error) {
	var all []keyHash
	_, _, err := st.read(ctx, func(in Incoming) error {
		all = append(all, st.hash.of(in.Engagement.UID, in.Engagement.RecurrenceID))
		return nil
	})
	if err != nil {
		return nil, err
	}
	slices.Sort(all)
	repeated := map[keyHash]bool{}
	for i := 1; i < len(all); i++ {
		if all[i] == all[i-1] {
			repeated[all[i]] = true
		}
	}
	return repeated, nil
}

// attempt imports the file in one transaction. repeated holds the hashes
// that occur more than once in the file; nil when not known yet, and then
// a hash read twice stops the attempt with errRestart.
func (st *streamImport) attempt(ctx context.Context, repeated map[keyHash]bool) (ImportResult, []Message, error) {
	var res ImportResult
	var notes []Message
	err := st.s.store.ImportTx(context.WithoutCancel(ctx), func(tx Store) error {
		res, notes = ImportResult{}, nil
		b, err := st.begin(ctx, tx, &res)
		if err != nil {
			return fmt.Errorf("import %s: %w", st.file, err)
		}
		if bs, ok := tx.(BulkStore); ok {
			b.endBulk = bs.BeginBulkImport(ctx)
			defer func() {
				if b.endBulk != nil {
					b.endBulk(false) // an error is on its way: the transaction rolls back
				}
			}()
		}
		var seen keySet
		ord := 0
		b.startWriter()
		todos, fileNotes, err := st.read(ctx, func(in Incoming) error {
			if b.failed.Load() {
				return errWriterFailed
			}
			normalizeIncoming(&in, b.leader, b.loc)
			k := in.Key()
			h := st.hash.of(k.UID, k.RecurrenceID)
			if seen.add(h) && repeated == nil {
				return errRestart
			}
			hold := repeated[h]
			if !k.RecurrenceID.IsZero() {
				series := st.hash.of(k.UID, time.Time{})
				hold = hold || repeated[series] || !seen.has(series)
			}
			b.add(in, ord, hold)
			ord++
			if len(b.cur.items) == streamBatch {
				b.queue <- b.cur
				b.cur = <-b.free
			}
			return nil
		})
		if werr := b.stopWriter(); werr != nil {
			return werr
		}
		if err != nil {
			return err
		}
		if err := b.finish(todos); err != nil {
			return err
		}
		notes = fileNotes
		if b.faulty && st.opt.RefuseFaults {
			return ErrNeedsFix
		}
		return ctx.Err()
	})
	if err != nil {
		return ImportResult{}, nil, err
	}
	return res, notes, nil
}

// streamTx is a streamed import under way in its transaction.
type streamTx struct {
	st      *streamImport
	ctx     context.Context
	in      *Service // bound to the transaction
	tx      Store
	leader  calendar.Leader
	loc     *time.Location
	now     time.Time
	hadRows bool // the calendar had engagements before: every item's stored row is looked up
	res     *ImportResult

	cur, held *itemBatch // the batch being read, and the items held back

	// A batch is planned and stored on a goroutine of its own while the
	// next is read: reading is a third of the work, on the other core.
	queue  chan *itemBatch // batches to store, in order
	free   chan *itemBatch // batches stored, for reuse
	stored chan struct{}   // closed when the writer has finished
	werr   error           // the writer's error, read once stored is closed
	failed atomic.Bool     // werr is set: stop reading

	faulty       bool                // an item needs fixing
	cancelled    []int64             // series this import cancelled, in order
	cancelledSet map[int64]bool      // the same
	rewritten    map[int64]bool      // overrides of those series this import wrote
	stillSeries  map[string]bool     // see planner.stillSeries
	endBulk      func(ok bool) error // ends the store's bulk load; nil when none or ended
}

func (st *streamImport) begin(ctx context.Context, tx Store, res *ImportResult) (*streamTx, error) {
	leader, err := tx.Leader(ctx, st.leaderID)
	if err != nil {
		return nil, err
	}
	loc, err := leader.Location()
	if err != nil {
		return nil, err
	}
	changes, err := tx.ChangeCount(ctx)
	if err != nil {
		return nil, err
	}
	in := &Service{book: st.s.book.BoundTo(tx), store: tx}
	return &streamTx{st: st, ctx: ctx, in: in, tx: tx, leader: leader, loc: loc, now: in.book.Now().UTC().Truncate(time.Second),
		hadRows: changes != 0, res: res, held: &itemBatch{},
		cancelledSet: map[int64]bool{}, rewritten: map[int64]bool{}, stillSeries: map[string]bool{}}, nil
}

// itemBatch is items read, and their places in the file.
type itemBatch struct {
	items []ImportItem
	ords  []int
}

func newItemBatch() *itemBatch {
	return &itemBatch{items: make([]ImportItem, 0, streamBatch), ords: make([]int, 0, streamBatch)}
}

// errWriterFailed stops the reading once the writer has failed; the
// writer's error is returned instead.
var errWriterFailed = errors.New("import: storing failed")

// startWriter starts the goroutine that plans and stores each batch
// queued, in order.
func (b *streamTx) startWriter() {
	b.cur = newItemBatch()
	b.queue, b.free, b.stored = make(chan *itemBatch, 1), make(chan *itemBatch, 2), make(chan struct{})
	b.free <- newItemBatch()
	b.free <- newItemBatch()
	go func() {
		defer close(b.stored)
		defer func() {
			if p := recover(); p != nil { // a bug: the import fails instead of the process
				b.werr = fmt.Errorf("import %s: %v", b.st.file, p)
				b.failed.Store(true)
				for batch := range b.queue {
					b.free <- batch
				}
			}
		}()
		for batch := range b.queue {
			if b.werr == nil {
				if b.werr = b.flush(batch, false); b.werr != nil {
					b.failed.Store(true)
				}
			}
			b.free <- batch
		}
	}()
}

// stopWriter waits for the writer to store what is queued and returns
// its error.
func (b *streamTx) stopWriter() error {
	close(b.queue)
	<-b.stored
	return b.werr
}

// add queues one item read, or holds it back to the end.
func (b *streamTx) add(in Incoming, ord int, hold bool) {
	q := b.cur
	if hold {
		q = b.held
	}
	q.items, q.ords = append(q.items, ImportItem{Incoming: in}), append(q.ords, ord)
}

// finish stores the last batch and the items held back, cancels what the
// cancelled series had, and keeps the to-dos.
func (b *streamTx) finish(todos []ImportTodo) error {
	if err := b.flush(b.cur, false); err != nil {
		return err
	}
	if err := b.flush(b.held, true); err != nil {
		return err
	}
	if b.faulty && b.st.opt.RefuseFaults {
		return nil // rolled back
	}
	if b.endBulk != nil {
		end := b.endBulk
		b.endBulk = nil
		if err := end(true); err != nil {
			return fmt.Errorf("import %s: %w", b.st.file, err)
		}
	}
	if err := b.cancelOverrides(); err != nil {
		return fmt.Errorf("import %s: %w", b.st.file, err)
	}
	if len(todos) > 0 {
		n, err := b.tx.SaveTodos(b.ctx, b.leader.ID, todos, b.now)
		if err != nil {
			return fmt.Errorf("import %s: %w", b.st.file, err)
		}
		b.res.Todos = n
	}
	return nil
}

// flush plans, checks and stores a batch, and empties it. held says they
// are the items held back: versions of one item are told apart here, and
// every stored row they match is looked up.
func (b *streamTx) flush(q *itemBatch, held bool) error {
	if len(q.items) == 0 {
		return nil
	}
	if err := b.planAndStore(q, held); err != nil {
		return fmt.Errorf("import %s: %w", b.st.file, err)
	}
	clear(q.items)
	q.items, q.ords = q.items[:0], q.ords[:0]
	return nil
}

func (b *streamTx) planAndStore(q *itemBatch, held bool) error {
	items := q.items
	keys := make([]ItemKey, 0, len(items))
	for i := range items {
		k := items[i].Incoming.Key()
		// Into an empty calendar, only rows this import wrote can match,
		// and only the series of an override can be among them.
		if held || b.hadRows {
			keys = append(keys, k)
		}
		if !k.RecurrenceID.IsZero() {
			keys = append(keys, ItemKey{UID: k.UID})
		}
	}
	stored, err := storedByKey(b.ctx, b.tx, keys)
	if err != nil {
		return err
	}
	p := &planner{s: b.in, ctx: b.ctx, leader: b.leader, loc: b.loc, now: b.now, stored: stored, items: items, stillSeries: b.stillSeries}
	if held {
		p.markDuplicates()
	}
	all := make([]int, len(items))
	for i := range all {
		all[i] = i
	}
	if err := p.decideAll(all); err != nil {
		return err
	}
	if err := refuseNewForArchived(b.leader, items, all); err != nil {
		return err
	}
	plan := &ImportPlan{File: b.st.file, LeaderID: b.leader.ID, Items: items, By: b.st.opt.By}
	if err := b.st.checker.checkPlan(b.ctx, b.leader, b.loc, plan); err != nil {
		return err
	}
	for i := range items {
		b.st.w.Item(q.ords[i], &items[i])
		b.faulty = b.faulty || items[i].NeedsFix()
	}
	if b.faulty && b.st.opt.RefuseFaults {
		return nil // nothing will be stored: read on, for every item to fix
	}
	var todo []int
	for i := range items {
		it := &items[i]
		switch {
		case it.Action == ImportUnchanged:
			b.res.Unchanged++
		case !it.Selected || it.Action == ImportSkipped:
			b.res.Skipped++
		default:
			todo = append(todo, i)
		}
	}
	if err := b.write(p, todo); err != nil {
		return err
	}
	return b.in.logImportOverrides(b.ctx, plan, todo, b.now)
}

// write stores the items at todo as applyImport does: whole items and
// series first, so that overrides can name their series.
func (b *streamTx) write(p *planner, todo []int) error {
	written := map[string]int64{} // UID → ID of a series this batch wrote
	rows := make([]ImportedRow, 0, len(todo))
	for pass := 0; pass < 2; pass++ {
		rows = p.passRows(rows[:0], todo, pass == 1, written, b.res, func(it *ImportItem) {
			if it.Incoming.Engagement.RecurrenceID.IsZero() && it.Incoming.Engagement.IsSeries() && !it.row.IsSeries() {
				b.stillSeries[it.row.UID] = true
			}
		})
		if err := b.tx.WriteImported(b.ctx, rows); err != nil {
			return err
		}
		for _, r := range rows {
			e := r.Engagement
			switch {
			case pass == 0 && e.IsSeries():
				written[e.UID] = e.ID
				if e.Cancelled() && !b.cancelledSet[e.ID] {
					b.cancelled, b.cancelledSet[e.ID] = append(b.cancelled, e.ID), true
				}
			case pass == 1 && b.cancelledSet[e.SeriesID]:
				b.rewritten[e.ID] = true
			}
		}
	}
	return nil
}

// cancelOverrides cancels the live overrides of the series the file
// cancelled, as applyImport does before it writes the file's overrides:
// those the file wrote keep what it says.
func (b *streamTx) cancelOverrides() error {
	for _, id := range b.cancelled {
		ovs, err := b.tx.SeriesOverrides(b.ctx, id)
		if err != nil {
			return err
		}
		for _, o := range ovs {
			if o.Cancelled() || b.rewritten[o.ID] {
				continue
			}
			o.Status, o.Sequence, o.Updated = calendar.StatusCancelled, o.Sequence+1, b.now
			if err := b.tx.UpdateEngagement(b.ctx, &o); err != nil {
				return fmt.Errorf("cancel override of %v: %w", o.RecurrenceID, err)
			}
		}
	}
	return nil
}
