package share

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"strings"
	"time"

	"anteroom/calendar"
	"anteroom/calendar/ics"
	"anteroom/calendar/imports"
)

// objectData is the calendar object of one UID: rows (a single engagement,
// or a series and its overrides) written by the exporter at full detail,
// without what belongs to a file rather than a stored object (METHOD is
// not allowed there, RFC 4791 §4.1; the calendar's name is the server's).
func objectData(rows []calendar.Engagement, leader calendar.Leader, now time.Time) ([]byte, error) {
	return objectAt(rows, leader, ics.PrivacyFull, now)
}

// objectAt is objectData redacted to privacy (a publication's level).
func objectAt(rows []calendar.Engagement, leader calendar.Leader, privacy ics.Privacy, now time.Time) ([]byte, error) {
	var buf bytes.Buffer
	if err := ics.ExportEngagements(&buf, rows, map[int64]calendar.Leader{leader.ID: leader}, privacy, now); err != nil {
		return nil, err
	}
	var out bytes.Buffer
	sc := bufio.NewScanner(&buf)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	dropping := false
	for sc.Scan() {
		line := sc.Text()
		if dropping && (strings.HasPrefix(line, " ") || strings.HasPrefix(line, "\t")) {
			continue
		}
		dropping = strings.HasPrefix(line, "METHOD:") || strings.HasPrefix(line, "X-WR-CALNAME")
		if !dropping {
			out.WriteString(line)
			out.WriteString("\r\n")
		}
	}
	return out.Bytes(), sc.Err()
}

// localObject is the object of uid as this desk holds it now, and the
// local revision it was read at; nil data when the UID holds nothing live
// here (deleted, or never stored).
func localObject(ctx context.Context, s Store, leader calendar.Leader, uid string, now time.Time) ([]byte, int64, error) {
	rev, err := s.LocalRev(ctx, uid) // first: a write after it is seen next time
	if err != nil {
		return nil, 0, err
	}
	rows, err := s.ObjectRows(ctx, uid)
	if err != nil {
		return nil, 0, err
	}
	if len(rows) == 0 {
		return nil, rev, nil
	}
	data, err := objectData(rows, leader, now)
	if err != nil {
		return nil, 0, fmt.Errorf("write %s for the server: %w", uid, err)
	}
	return data, rev, nil
}

// readObject reads what a server holds at path with the tolerant reader.
func readObject(data []byte, path string, loc *time.Location) ([]imports.Incoming, error) {
	items, _, _, err := ics.ReadForImport(bytes.NewReader(data), path, loc)
	return items, err
}
