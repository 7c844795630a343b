package share

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Secrets keeps account passwords out of the database: in the desktop's
// secret store (the Secret Service, through secret-tool) when one runs,
// else in a file only its owner may read, next to the database.
type Secrets struct {
	File string // e.g. anteroom.db.secrets: JSON, one entry per account
}

// Where a password was kept.
const (
	InSecretStore = "secret-store"
	InFile        = "file"
)

// SecretsFor is the store beside the database at dbPath.
func SecretsFor(dbPath string) Secrets { return Secrets{File: dbPath + ".secrets"} }

// secretKey names an account's password.
func secretKey(url, user string) string { return user + " @ " + url }

// desktop reports whether a desktop secret store can be asked: secret-tool
// is installed and a session bus runs. ANTEROOM_SECRETS=file says no.
func desktop() (string, bool) {
	if os.Getenv("ANTEROOM_SECRETS") == "file" || os.Getenv("DBUS_SESSION_BUS_ADDRESS") == "" {
		return "", false
	}
	tool, err := exec.LookPath("secret-tool")
	return tool, err == nil
}

// Set keeps the password of user at url and says where: InSecretStore or
// InFile.
func (s Secrets) Set(url, user, password string) (string, error) {
	key := secretKey(url, user)
	if tool, ok := desktop(); ok {
		cmd := exec.Command(tool, "store", "--label=Anteroom: "+key, "application", "anteroom", "account", key)
		cmd.Stdin = strings.NewReader(password)
		if err := cmd.Run(); err == nil {
			_ = s.edit(func(m map[string]string) { delete(m, key) })
			return InSecretStore, nil
		}
	}
	return InFile, s.edit(func(m map[string]string) { m[key] = password })
}

// Get returns the password of user at url; fs.ErrNotExist when none is kept.
func (s Secrets) Get(url, user string) (string, error) {
	key := secretKey(url, user)
	m, err := s.read()
	if err != nil {
		return "", err
	}
	if p, ok := m[key]; ok {
		return p, nil
	}
	if tool, ok := desktop(); ok {
		out, err := exec.Command(tool, "lookup", "application", "anteroom", "account", key).Output()
		if err == nil && len(out) > 0 {
			return string(bytes.TrimSuffix(out, []byte("\n"))), nil
		}
	}
	return "", fmt.Errorf("password of %s: %w", key, fs.ErrNotExist)
}

// Delete forgets the password of user at url, wherever it is kept.
func (s Secrets) Delete(url, user string) error {
	key := secretKey(url, user)
	if tool, ok := desktop(); ok {
		_ = exec.Command(tool, "clear", "application", "anteroom", "account", key).Run()
	}
	return s.edit(func(m map[string]string) { delete(m, key) })
}

func (s Secrets) read() (map[string]string, error) {
	m := map[string]string{}
	b, err := os.ReadFile(s.File)
	if errors.Is(err, fs.ErrNotExist) {
		return m, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", s.File, err)
	}
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("read %s: %w", s.File, err)
	}
	return m, nil
}

// edit changes the file's entries, writing a new 0600 file over the old one.
func (s Secrets) edit(change func(map[string]string)) error {
	m, err := s.read()
	if err != nil {
		return err
	}
	change(m)
	if len(m) == 0 {
		if err := os.Remove(s.File); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		return nil
	}
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(s.File), filepath.Base(s.File)+".*")
	if err != nil {
		return fmt.Errorf("write %s: %w", s.File, err)
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return err
	}
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), s.File); err != nil {
		return fmt.Errorf("write %s: %w", s.File, err)
	}
	return nil
}
