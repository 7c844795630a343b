package desk

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"anteroom/calendar"
)

// The visits desk handles visit requests and briefing materials. Every
// change of state is one transaction that also writes the audit trail;
// files are copied into temporary files of the FileStore before the
// transaction, placed under their hashes inside it, and released again
// when it fails or when the last record using them goes. It books through
// booking's Service, bound to the desk's transaction, so a booking is
// checked and stored in that one transaction.

// Service is the visits and materials desk.
type Service struct {
	book  *calendar.Service
	store Store
	files *FileStore
}

// NewService returns the desk over store, booking through book and
// keeping attached files in filesDir, a folder of the app's data next to
// the database.
func NewService(book *calendar.Service, store Store, filesDir string) *Service {
	return &Service{book: book, store: store, files: NewFileStore(filesDir)}
}

// Booking returns the booking service the desk books through.
func (s *Service) Booking() *calendar.Service { return s.book }

// Files returns the store of attached files.
func (s *Service) Files() *FileStore { return s.files }

// InTx runs fn with a desk bound to one write transaction of the store,
// its booking service bound to the same one, committed when fn returns
// nil. Called on a bound desk, fn joins its transaction. fn must use
// only the desk it is given.
func (s *Service) InTx(ctx context.Context, fn func(tx *Service) error) error {
	return s.store.DeskTx(ctx, func(st Store) error { return fn(s.BoundTo(st)) })
}

// BoundTo returns a desk like s over st, a store in a transaction.
func (s *Service) BoundTo(st Store) *Service {
	return &Service{book: s.book.BoundTo(st), store: st, files: s.files}
}

// Stamp is the time a change is recorded at, to the second as stored.
func (s *Service) Stamp() time.Time { return s.book.Now().UTC().Truncate(time.Second) }

// audit adds a line to subject's trail.
func (s *Service) audit(ctx context.Context, subject Subject, who, from, to, note string) error {
	e := AuditEntry{Subject: subject, At: s.Stamp(), Who: who, From: from, To: to, Note: strings.TrimSpace(note)}
	if err := s.store.AddAudit(ctx, &e); err != nil {
		return fmt.Errorf("audit trail: %w", err)
	}
	return nil
}

// Audit returns the trail of a visit request or materials, oldest first.
func (s *Service) Audit(ctx context.Context, subject Subject) ([]AuditEntry, error) {
	return s.store.Audit(ctx, subject)
}

// CheckWho wants to know who takes a decision, for the trail.
func CheckWho(who string) error {
	return required("who", "validation.user_required", "say who records this", who)
}

// putFiles copies local files into temporary files of the FileStore, all
// or none: each is checked before the first is copied. attach places them
// under their hashes inside the transaction that records them; a failed
// change hands them to releaseFiles.
func (s *Service) putFiles(ctx context.Context, paths []string) ([]Attachment, error) {
	if len(paths) == 0 {
		return nil, nil
	}
	for _, p := range paths {
		if err := CheckLocalFile(p); err != nil {
			return nil, err
		}
	}
	out := make([]Attachment, 0, len(paths))
	for _, p := range paths {
		in, err := s.files.stage(p)
		if err != nil {
			return nil, errors.Join(err, s.releaseFiles(ctx, out))
		}
		a := in.att
		a.staged = in
		out = append(out, a)
	}
	return out, nil
}

// attach places the files putFiles staged under their hashes and links
// them to subject, stamped now. It runs inside the change's transaction,
// which holds the database's write lock: releaseFiles and SweepFiles,
// which take that lock too, cannot remove a file between its placing and
// the commit of its record.
func (s *Service) attach(ctx context.Context, subject Subject, atts []Attachment) error {
	now := s.Stamp()
	for i := range atts {
		if in := atts[i].staged; in != nil {
			err := in.place()
			in.discard()
			atts[i].staged = nil
			if err != nil {
				return fmt.Errorf("attach %s: %w", atts[i].Name, err)
			}
		}
		atts[i].Added = now
		if err := s.store.AddAttachment(ctx, subject, &atts[i]); err != nil {
			return fmt.Errorf("attach %s: %w", atts[i].Name, err)
		}
	}
	return nil
}

// releaseFiles removes the temporary copies of atts' files not yet placed,
// and from the FileStore those placed files no record uses any more. Call
// it after the change's transaction ended: it takes the write lock itself
// and decides inside it, so a file another process is recording stays.
func (s *Service) releaseFiles(ctx context.Context, atts []Attachment) error {
	hashes := make([]string, 0, len(atts))
	for i := range atts {
		if in := atts[i].staged; in != nil {
			in.discard() // never under its hash: nothing else to remove
			atts[i].staged = nil
			continue
		}
		hashes = append(hashes, atts[i].Hash)
	}
	if len(hashes) == 0 {
		return nil
	}
	slices.Sort(hashes)
	if _, err := s.removeUnused(ctx, slices.Compact(hashes)); err != nil {
		return fmt.Errorf("release attached files: %w", err)
	}
	return nil
}

// removeUnused removes those of the stored files with hashes that no
// record names, deciding under the write lock, and returns how many.
func (s *Service) removeUnused(ctx context.Context, hashes []string) (int, error) {
	n := 0
	err := s.InTx(ctx, func(tx *Service) error {
		var errs []error
		for _, h := range hashes {
			used, err := tx.store.FileInUse(ctx, h)
			if err == nil && !used {
				if err = s.files.Remove(h); err == nil {
					n++
				}
			}
			errs = append(errs, err)
		}
		return errors.Join(errs...)
	})
	return n, err
}

// SweepFiles removes what a process killed while attaching files left
// behind: temporary copies no live process holds, and stored files no
// record uses. It returns how many files it removed. Safe while other
// processes attach files: see attach.
func (s *Service) SweepFiles(ctx context.Context) (int, error) {
	n, err := s.files.SweepIncoming()
	if err != nil {
		return n, err
	}
	hashes, err := s.files.Hashes()
	if err != nil {
		return n, err
	}
	// Look without the lock first: most starts find nothing to remove and
	// need not wait for, or hold up, another instance's write.
	used, err := s.store.FilesInUse(ctx)
	if err != nil {
		return n, err
	}
	var unused []string
	for _, h := range hashes {
		if !used[h] {
			unused = append(unused, h)
		}
	}
	if len(unused) == 0 {
		return n, nil
	}
	removed, err := s.removeUnused(ctx, unused)
	return n + removed, err
}

// AttachFiles adds local files to a visit request or materials after the
// fact, noting their names in the trail.
func (s *Service) AttachFiles(ctx context.Context, subject Subject, paths []string, who string) ([]Attachment, error) {
	if err := CheckWho(who); err != nil {
		return nil, err
	}
	atts, err := s.putFiles(ctx, paths)
	if err != nil || len(atts) == 0 {
		return nil, err
	}
	err = s.InTx(ctx, func(tx *Service) error {
		state, err := tx.subjectState(ctx, subject)
		if err != nil {
			return err
		}
		if err := tx.attach(ctx, subject, atts); err != nil {
			return err
		}
		return tx.audit(ctx, subject, who, state, state, fileNote(atts))
	})
	if err != nil {
		return nil, errors.Join(err, s.releaseFiles(ctx, atts))
	}
	return atts, nil
}

// subjectState returns the state of the record subject names.
func (s *Service) subjectState(ctx context.Context, subject Subject) (string, error) {
	if subject.Material != 0 {
		m, err := s.store.Material(ctx, subject.Material)
		return string(m.State), err
	}
	r, err := s.store.VisitRequest(ctx, subject.Visit)
	return string(r.State), err
}

// fileNote lists files for the trail: "+ 汇报.pdf, + 附件.docx".
func fileNote(atts []Attachment) string {
	names := make([]string, len(atts))
	for i, a := range atts {
		names[i] = "+ " + a.Name
	}
	return strings.Join(names, ", ")
}
