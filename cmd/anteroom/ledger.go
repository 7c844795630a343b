package main

import (
	"context"
	"crypto/sha1"
	"encoding/hex"
	"os"
	"path/filepath"

	"anteroom/calendar/share"
	"anteroom/data"
)

// thisDesk names the desk of the database at dbPath in the books'
// ledgers: an id stable for this file on this computer, and the
// computer's name for people.
func thisDesk(dbPath string) share.Desk {
	host, err := os.Hostname()
	if err != nil || host == "" {
		host = "anteroom"
	}
	abs, err := filepath.Abs(dbPath)
	if err != nil {
		abs = dbPath
	}
	sum := sha1.Sum([]byte(host + "\x00" + abs))
	return share.Desk{ID: hex.EncodeToString(sum[:6]), Name: host}
}

// ledgerFor is the ledger that confirms bookings with the other desks,
// or nil when no book of db is linked to a server: then bookings are
// only checked here.
func ledgerFor(db *data.DB) *share.Ledger {
	books, err := db.Sync().SyncBooks(context.Background())
	if err != nil || len(books) == 0 {
		return nil // an unreadable sync state shows when syncing
	}
	return share.NewLedger(thisDesk(db.Path()), share.SecretsFor(db.Path()), data.LedgerView)
}
