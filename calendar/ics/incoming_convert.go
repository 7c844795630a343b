package ics

import (
	"fmt"
	"runtime/debug"

	"anteroom/calendar/imports"
)

// eventsPerBatch is how many events the decoder hands the converter at a
// time: enough that passing them costs nothing next to converting them.
const eventsPerBatch = 256

// convertBehind converts the events of a file on a goroutine of its own
// while the decoder reads on: the decoder works through the file on one
// core, and converting its events (copying their strings out of the
// file, UTC times, warnings) is a tenth of reading them, which another
// core can take. Events are converted in the order they are added.
type convertBehind struct {
	c       *converter
	put     func(imports.Incoming) // keeps each item, in order
	batch   []*Event
	ready   chan []*Event // batches to convert
	free    chan []*Event // batches converted, for reuse
	done    chan struct{} // closed when the goroutine has finished
	name    string        // the file, for errors
	mapped  bool          // the events point into a mapped file
	failure error         // a panic of the goroutine, set before done closes
}

// startConverting starts converting the events of the file name into
// items, which it hands to put. mapped says whether the file's bytes are
// mapped: reading them may then fault, should the file shrink under the
// mapping, and that must become an error rather than a crash.
func (c *converter) startConverting(put func(imports.Incoming), name string, mapped bool) *convertBehind {
	b := &convertBehind{c: c, put: put, name: name, mapped: mapped,
		ready: make(chan []*Event, 2), free: make(chan []*Event, 3), done: make(chan struct{})}
	for range cap(b.free) - 1 {
		b.free <- make([]*Event, 0, eventsPerBatch)
	}
	b.batch = make([]*Event, 0, eventsPerBatch)
	go b.run()
	return b
}

// add queues e for converting; the decoder must leave it alone.
func (b *convertBehind) add(e *Event) {
	if b.batch = append(b.batch, e); len(b.batch) == eventsPerBatch {
		b.ready <- b.batch
		b.batch = (<-b.free)[:0]
	}
}

// finish converts what is queued and returns nil, or the panic of the
// converter as a *ParseError matching ErrInternal. Call it once, before
// the events' bytes go away, whatever happened to the decoding.
func (b *convertBehind) finish() error {
	if len(b.batch) > 0 {
		b.ready <- b.batch
	}
	close(b.ready)
	<-b.done
	return b.failure
}

// run converts batches until there are no more.
func (b *convertBehind) run() {
	defer close(b.done)
	defer func() {
		if p := recover(); p != nil {
			a := args("Detail", fmt.Sprint(p))
			b.failure = &ParseError{File: b.name, Key: "import.error.internal", Reason: render("import.error.internal", a),
				Params: a, Err: ErrInternal, Stack: debug.Stack()}
			for batch := range b.ready { // let the decoder finish
				b.free <- batch
			}
		}
	}()
	if b.mapped {
		defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	}
	for batch := range b.ready {
		for i, e := range batch {
			b.put(b.c.incoming(e))
			batch[i] = nil
		}
		b.free <- batch
	}
}
