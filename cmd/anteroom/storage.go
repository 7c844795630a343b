package main

import (
	"context"
	"fmt"
	"io"

	"fyne.io/fyne/v2/lang"

	"anteroom/calendar"
	"anteroom/calendar/desk"
	"anteroom/calendar/followup"
	"anteroom/calendar/imports"
	"anteroom/calendar/review"
	"anteroom/data"
)

// services are the calendar's services over one database: booking, the
// visits and materials desk (keeping attached files beside the
// database) and the Friday review.
type services struct {
	booking *calendar.Service
	desk    *desk.Service
	review  *review.Service
	imports *imports.Service
	follow  *followup.Service
}

// newServices wires the services over db.
func newServices(db *data.DB) services {
	book := calendar.NewService(db)
	if l := ledgerFor(db); l != nil {
		book.SetConfirmer(l) // a linked book: bookings are confirmed with the other desks
	}
	dk := desk.NewService(book, db.Desk(), filesDir(db.Path()))
	return services{booking: book, desk: dk, review: review.NewService(book, dk, db.Review()),
		imports: imports.NewService(book, db), follow: followup.NewService(book, dk, db.Followup())}
}

// openStorage opens the database at dbPath and the services over it. It tells notes what the user should
// know: that the database is read-only, which permissions it narrowed,
// what an interrupted command left behind and it removed.
func openStorage(dbPath string, notes io.Writer) (*data.DB, services, error) {
	db, err := data.Open(dbPath)
	if err != nil {
		return nil, services{}, err
	}
	svcs := newServices(db)
	files := svcs.desk.Files()
	if db.ReadOnly() {
		fmt.Fprintln(notes, lang.L("{{.Path}} is read-only: showing it, but no change can be saved.", map[string]any{"Path": db.Path()}))
		return db, svcs, nil
	}
	changes := db.Narrowed()
	if c, err := db.TightenFolder(files.Dir()); err != nil {
		fmt.Fprintln(notes, lang.L("Could not make {{.Path}} private: {{.Error}}", map[string]any{"Path": files.Dir(), "Error": err}))
	} else if c != nil {
		changes = append(changes, *c)
	}
	for _, c := range changes {
		fmt.Fprintln(notes, lang.L("Made {{.Path}} private to you (permissions {{.From}} → {{.To}}).",
			map[string]any{"Path": c.Path, "From": fmt.Sprintf("%04o", c.From), "To": fmt.Sprintf("%04o", c.To)}))
	}
	// What a command killed while copying a file in left behind; safe
	// while other instances attach files.
	n, err := svcs.desk.SweepFiles(context.Background())
	if err != nil {
		fmt.Fprintln(notes, lang.L("Could not tidy the attached files in {{.Path}}: {{.Error}}", map[string]any{"Path": files.Dir(), "Error": err}))
	} else if n > 0 {
		fmt.Fprintln(notes, lang.L("Removed {{.Count}} unused files left in {{.Path}} by an interrupted command.", map[string]any{"Count": n, "Path": files.Dir()}))
	}
	return db, svcs, nil
}

// readOnlyMessage is the error of a change refused because the database
// is read-only, in the user's language; other errors are returned as they are.
func readOnlyMessage(err error, dbPath string) error {
	if err == nil || !data.IsReadOnly(err) {
		return err
	}
	return &exitError{code: 1, msg: lang.L("{{.Path}} is read-only: nothing was changed. Make the file writable to save changes.", map[string]any{"Path": dbPath})}
}
