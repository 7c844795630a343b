package main

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
)

// databasePath decides which database to open: the --db flag, then
// $ANTEROOM_DB, then anteroom.db in the user's data folder.
func databasePath(flagValue string) (string, error) {
	if flagValue != "" {
		return flagValue, nil
	}
	if env := os.Getenv("ANTEROOM_DB"); env != "" {
		return env, nil
	}
	dir, err := dataDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "anteroom.db"), nil
}

// dataDir is the per-user data folder: $XDG_DATA_HOME/anteroom or
// ~/.local/share/anteroom on Linux, the user config folder elsewhere.
func dataDir() (string, error) {
	if runtime.GOOS == "linux" || runtime.GOOS == "freebsd" || runtime.GOOS == "openbsd" {
		if xdg := os.Getenv("XDG_DATA_HOME"); filepath.IsAbs(xdg) {
			return filepath.Join(xdg, "anteroom"), nil
		}
		home, err := os.UserHomeDir()
		if err != nil {
			return "", errors.New("no home folder to keep the database in; pass --db or set ANTEROOM_DB")
		}
		return filepath.Join(home, ".local", "share", "anteroom"), nil
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", errors.New("no user folder to keep the database in; pass --db or set ANTEROOM_DB")
	}
	return filepath.Join(dir, "Anteroom"), nil
}
