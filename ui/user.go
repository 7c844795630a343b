package ui

import (
	"os"
	"os/user"
)

// systemUserName names whoever is logged in, for the override log: the
// full name when the system has one, else the login.
func systemUserName() string {
	if u, err := user.Current(); err == nil {
		if u.Name != "" {
			return u.Name
		}
		return u.Username
	}
	if n := os.Getenv("USER"); n != "" {
		return n
	}
	return "?"
}
