package ui

import (
	"errors"
	"io"
	"os"

	"fyne.io/fyne/v2"

	"anteroom/internal/atomicfile"
)

// saveFile writes what write writes into the file a save dialog chose.
// The dialog has made that file already, empty (one it replaces is
// emptied then), and hands it open: a local file is closed at once and
// written as the command line writes its files, through a temporary file
// renamed over it once whole. A failed save (a full disk, a write that
// stops half-way) so never leaves half an .ics or page for someone to
// send on; the empty file the dialog made is taken away again.
func saveFile(w fyne.URIWriteCloser, write func(io.Writer) error) error {
	u := w.URI()
	if u.Scheme() != "file" {
		return errors.Join(write(w), w.Close())
	}
	if err := w.Close(); err != nil {
		return err
	}
	err := atomicfile.Write(u.Path(), 0o644, write)
	if err != nil {
		if fi, serr := os.Stat(u.Path()); serr == nil && fi.Mode().IsRegular() && fi.Size() == 0 {
			os.Remove(u.Path())
		}
	}
	return err
}
