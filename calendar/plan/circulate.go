package plan

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"anteroom/calendar"
	"anteroom/calendar/ics"
	"anteroom/internal/atomicfile"
)

// Circulated says what Circulate wrote.
type Circulated struct {
	HTML, ICS string // the files' paths
	Rows      int    // rows of the printed plan
	Events    int    // items of the .ics: engagements, series, overrides
}

// FileBase is the name both circulated files share before their
// extension: plan-2026-W49. It is ASCII, so it survives any mail system
// and file share.
func FileBase(w calendar.Week) string { return "plan-" + w.String() }

// Circulate writes into dir what other offices get of week w for the
// leaders with these IDs, in one action: the printable plan as
// FileBase(w).html (WritePlan) and the week's engagements as
// FileBase(w).ics at the privacy level asked for (ics.ExportEngagements;
// confidential items show as busy below full). The plan shows no more
// than the .ics: at a level that hides every title (busy) its rows show
// only times and leaders. Both files are complete before either takes its
// place; a failure leaves no half-written file.
func Circulate(ctx context.Context, svc *calendar.Service, leaderIDs []int64, w calendar.Week, privacy ics.Privacy, dir string, tr Translator) (Circulated, error) {
	p, err := Build(ctx, svc, leaderIDs, w)
	if err != nil {
		return Circulated{}, err
	}
	loc, err := p.Leaders[0].Location()
	if err != nil {
		return Circulated{}, err
	}
	ids := make([]int64, len(p.Leaders))
	byID := make(map[int64]calendar.Leader, len(p.Leaders))
	for i, l := range p.Leaders {
		ids[i], byID[l.ID] = l.ID, l
	}
	items, err := svc.ExportItems(ctx, ids, w.Monday(), w.Sunday())
	if err != nil {
		return Circulated{}, err
	}
	now := svc.Now()
	out := Circulated{HTML: filepath.Join(dir, FileBase(w)+".html"), ICS: filepath.Join(dir, FileBase(w)+".ics"),
		Rows: p.Rows(), Events: len(items)}
	err = writeTogether(map[string]func(io.Writer) error{
		out.HTML: func(f io.Writer) error { return writeHTML(f, p, tr, now, loc, hidesTitles(privacy)) },
		out.ICS:  func(f io.Writer) error { return ics.ExportEngagements(f, items, byID, privacy, now) },
	})
	if err != nil {
		return Circulated{}, fmt.Errorf("circulate %s into %s: %w", w, dir, err)
	}
	return out, nil
}

// WritePlan writes the plan of week w for the leaders with these IDs to
// path (WriteHTML), through a temporary file renamed into place.
func WritePlan(ctx context.Context, svc *calendar.Service, leaderIDs []int64, w calendar.Week, path string, tr Translator) (WeekPlan, error) {
	p, err := Build(ctx, svc, leaderIDs, w)
	if err != nil {
		return p, err
	}
	return p, WriteFile(path, p, tr, svc.Now())
}

// WriteFile writes p to path (WriteHTML), through a temporary file renamed
// into place, said to be prepared at now in its first leader's zone.
func WriteFile(path string, p WeekPlan, tr Translator, now time.Time) error {
	loc, err := p.Leaders[0].Location()
	if err != nil {
		return err
	}
	return writeTogether(map[string]func(io.Writer) error{
		path: func(f io.Writer) error { return WriteHTML(f, p, tr, now, loc) },
	})
}

// writeTogether writes each file through a temporary file in its folder,
// and renames them into place only once all are written: a failure on
// the way leaves none of them half-written, and old versions as they were.
func writeTogether(files map[string]func(io.Writer) error) (err error) {
	temps := map[string]string{}
	defer func() {
		for _, tmp := range temps {
			os.Remove(tmp) // gone already when renamed
		}
	}()
	for path, write := range files {
		// Files for other offices: readable by whoever the folder lets read.
		tmp, err := atomicfile.WriteTemp(path, 0o644, write)
		if err != nil {
			return err
		}
		temps[path] = tmp
	}
	var errs []error
	for path, tmp := range temps {
		errs = append(errs, os.Rename(tmp, path))
	}
	return errors.Join(errs...)
}

// hidesTitles reports whether an export at level shows no item's title,
// not even a public one's.
func hidesTitles(level ics.Privacy) bool {
	return ics.Effective(level, calendar.ClassPublic) == ics.PrivacyBusy
}
