package ui

import "testing"

// Files a second start hands to the running window open its import
// preview, as if chosen from File → Import.
func TestHandedFilesOpenTheImportPreview(t *testing.T) {
	d := newDesk(t)
	path := writeTemp(t, "invite.ics", invite)
	done := make(chan struct{})
	go func() { // the hand-over arrives on the socket's goroutine
		d.m.openHandedFiles([]string{path})
		close(done)
	}()
	<-done
	if d.m.importer == nil || d.m.importer.preview == nil || len(d.m.importer.preview.plan.Items) != 2 {
		t.Fatal("the handed file is not previewed for import")
	}
}
