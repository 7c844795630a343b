package main

import (
	"cmp"
	"context"
	"errors"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"

	"anteroom/calendar"
	"anteroom/calendar/ics"
	"anteroom/calendar/imports"
	"anteroom/internal/userfile"
)

// streamImports says whether importOne streams what it stores; tests
// turn it off to compare with planning the whole file first.
var streamImports = true

// importStreamed imports one file (not a dry run) without holding its
// items (imports.Service.ImportStream), and says what importOne would.
// ok is false when the store cannot stream: importOne then plans and
// applies as before.
func importStreamed(ctx context.Context, svc *imports.Service, leader calendar.Leader, path string, zone *time.Location, skipBad, details bool) (out importFile, ok bool) {
	out = importFile{File: path, Warnings: []string{}, Details: []string{}}
	read := func(ctx context.Context, put func(imports.Incoming) error) ([]imports.ImportTodo, []imports.Message, error) {
		f, err := userfile.Open(path)
		if err != nil {
			return nil, nil, err
		}
		defer f.Close()
		return ics.ReadEach(ctx, f, path, zone, put)
	}
	heard := &importHeard{path: path, details: details}
	res, notes, err := svc.ImportStream(ctx, leader, path, read, heard, imports.StreamOptions{By: cliUser(), RefuseFaults: !skipBad})
	switch {
	case errors.Is(err, imports.ErrCannotStream):
		return out, false
	case errors.Is(err, imports.ErrNeedsFix):
		out.Error = strings.Join(append(heard.fixLines(), lang.L("{{.File}}: nothing was imported; fix the items above, or import the rest with --skip-bad",
			map[string]any{"File": path})), "\n")
		return out, true
	case err != nil:
		out.Error = importErrorText(path, err, details)
		return out, true
	}
	out.OK = true
	out.New, out.Updated, out.Unchanged = res.New, res.Updated, res.Unchanged
	out.Cancelled, out.Skipped, out.Todos = res.Cancelled, res.Skipped, res.Todos
	out.Conflicts = heard.conflicts
	for i, n := range notes {
		heard.warnings.add(warningAt{item: -1, sub: i}, importWarning{msg: n})
	}
	kept, omitted := heard.warnings.summary()
	fillWarnings(&out, kept, omitted)
	return out, true
}

// importHeard keeps what a streamed import's output needs of each item:
// clashes counted, the first few warnings of each kind, and the items
// that need fixing.
type importHeard struct {
	path      string
	details   bool
	conflicts int
	warnings  warningsInOrder
	faults    []itemFault
}

// itemFault is what needingFix says of one item, and where it is.
type itemFault struct {
	ord   int
	lines []string
}

func (h *importHeard) Restart() {
	*h = importHeard{path: h.path, details: h.details}
}

func (h *importHeard) Item(ord int, it *imports.ImportItem) {
	if len(it.Findings) > 0 && it.Selected {
		h.conflicts++
	}
	sub := 0
	for _, w := range it.Incoming.Warnings {
		h.warnings.add(warningAt{item: ord, sub: sub}, importWarning{msg: w})
		sub++
	}
	if it.Action == imports.ImportSkipped && it.Reason != nil {
		r := *it.Reason
		r.Line = it.Incoming.Line
		h.warnings.add(warningAt{item: ord, sub: sub}, importWarning{msg: r, skipped: it.Incoming.Engagement.Title, isSkip: true})
	}
	if it.NeedsFix() {
		h.faults = append(h.faults, itemFault{ord: ord, lines: fixLines(h.path, it, h.details)})
	}
}

// fixLines returns the lines of the items to fix, in file order.
func (h *importHeard) fixLines() []string {
	slices.SortStableFunc(h.faults, func(a, b itemFault) int { return cmp.Compare(a.ord, b.ord) })
	var out []string
	for _, f := range h.faults {
		out = append(out, f.lines...)
	}
	return out
}

// warningAt orders warnings as importOne lists them: the file's notes
// (item -1), then each item's in file order.
type warningAt struct{ item, sub int }

func (a warningAt) compare(b warningAt) int {
	return cmp.Or(cmp.Compare(a.item, b.item), cmp.Compare(a.sub, b.sub))
}

// warningsInOrder sums up warnings heard in any order as calendar.Summarize
// sums up the same warnings listed in order, keeping only the first
// warningsOfAKind+1 of each kind: a file with a warning on every item
// costs a few, not one an item.
type warningsInOrder struct {
	kinds map[string]*firstOfKind
}

// firstOfKind is the count of one kind and its earliest warnings, in order.
type firstOfKind struct {
	count int
	first []placedWarning
}

type placedWarning struct {
	at warningAt
	w  importWarning
}

func (s *warningsInOrder) add(at warningAt, w importWarning) {
	if s.kinds == nil {
		s.kinds = map[string]*firstOfKind{}
	}
	k := s.kinds[w.kind()]
	if k == nil {
		k = &firstOfKind{}
		s.kinds[w.kind()] = k
	}
	k.count++
	i, _ := slices.BinarySearchFunc(k.first, at, func(p placedWarning, at warningAt) int { return p.at.compare(at) })
	if i > warningsOfAKind {
		return
	}
	k.first = slices.Insert(k.first, i, placedWarning{at, w})
	if len(k.first) > warningsOfAKind+1 {
		k.first = k.first[:warningsOfAKind+1]
	}
}

// summary returns what calendar.Summarize would for the warnings in order.
func (s *warningsInOrder) summary() ([]importWarning, []calendar.Omitted[importWarning]) {
	var kept, firstOmitted []placedWarning
	counts := map[warningAt]int{}
	for _, k := range s.kinds {
		n := min(len(k.first), warningsOfAKind)
		kept = append(kept, k.first[:n]...)
		if k.count > warningsOfAKind {
			like := k.first[warningsOfAKind]
			firstOmitted = append(firstOmitted, like)
			counts[like.at] = k.count - warningsOfAKind
		}
	}
	byPlace := func(a, b placedWarning) int { return a.at.compare(b.at) }
	slices.SortFunc(kept, byPlace)
	slices.SortFunc(firstOmitted, byPlace)
	var ws []importWarning
	for _, p := range kept {
		ws = append(ws, p.w)
	}
	var omitted []calendar.Omitted[importWarning]
	for _, p := range firstOmitted {
		omitted = append(omitted, calendar.Omitted[importWarning]{Like: p.w, Count: counts[p.at]})
	}
	return ws, omitted
}
