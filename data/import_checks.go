package data

import "strings"

// checkExpressions returns the expressions of the CHECK constraints of a
// CREATE TABLE statement as sqlite_schema holds it, comments blanked; ok
// is false when the statement cannot be read (a parenthesis missing).
func checkExpressions(create string) (exprs []string, ok bool) {
	s := sqlScanner{src: create}
	for s.pos < len(s.src) {
		if !strings.EqualFold(s.word(), "CHECK") {
			continue
		}
		s.space()
		if s.pos >= len(s.src) || s.src[s.pos] != '(' {
			return nil, false
		}
		s.pos++
		expr, ok := s.parenthesized()
		if !ok {
			return nil, false
		}
		exprs = append(exprs, expr)
	}
	return exprs, true
}

// sqlScanner steps through SQL text a token at a time, enough to find
// the CHECK constraints of a table: quoted strings and names and comments
// are passed over whole.
type sqlScanner struct {
	src string
	pos int
}

// word passes over the next token and returns it when it is a keyword or
// a bare name, "" otherwise.
func (s *sqlScanner) word() string {
	if s.comment() {
		return ""
	}
	from := s.pos
	s.token()
	if w := s.src[from:s.pos]; nameByte(w[0]) {
		return w
	}
	return ""
}

// token passes over one token: a quoted string or name, a bare word, or a
// single other byte.
func (s *sqlScanner) token() {
	switch c := s.src[s.pos]; {
	case c == '\'' || c == '"' || c == '`':
		s.quoted(c)
	case c == '[':
		if end := strings.IndexByte(s.src[s.pos:], ']'); end >= 0 {
			s.pos += end + 1
		} else {
			s.pos = len(s.src)
		}
	case nameByte(c):
		for s.pos < len(s.src) && nameByte(s.src[s.pos]) {
			s.pos++
		}
	default:
		s.pos++
	}
}

// quoted passes over text quoted by q, in which qq stands for q.
func (s *sqlScanner) quoted(q byte) {
	for s.pos++; s.pos < len(s.src); s.pos++ {
		if s.src[s.pos] != q {
			continue
		}
		if s.pos+1 < len(s.src) && s.src[s.pos+1] == q {
			s.pos++
			continue
		}
		s.pos++
		return
	}
}

// comment passes over a comment starting here, if one does.
func (s *sqlScanner) comment() bool {
	rest := s.src[s.pos:]
	switch {
	case strings.HasPrefix(rest, "--"):
		if end := strings.IndexByte(rest, '\n'); end >= 0 {
			s.pos += end + 1
		} else {
			s.pos = len(s.src)
		}
	case strings.HasPrefix(rest, "/*"):
		if end := strings.Index(rest[2:], "*/"); end >= 0 {
			s.pos += 2 + end + 2
		} else {
			s.pos = len(s.src)
		}
	default:
		return false
	}
	return true
}

// parenthesized returns the text up to the parenthesis that closes one
// just passed over, comments blanked, and passes over that too.
func (s *sqlScanner) parenthesized() (string, bool) {
	var text strings.Builder
	for depth := 1; s.pos < len(s.src); {
		if s.comment() {
			text.WriteByte(' ')
			continue
		}
		from := s.pos
		s.token()
		switch s.src[from] {
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				return strings.TrimSpace(text.String()), true
			}
		}
		text.WriteString(s.src[from:s.pos])
	}
	return "", false
}

// space passes over white space and comments.
func (s *sqlScanner) space() {
	for s.pos < len(s.src) {
		if c := s.src[s.pos]; c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' {
			s.pos++
		} else if !s.comment() {
			return
		}
	}
}

// nameByte reports whether c may be part of a bare word in SQLite.
func nameByte(c byte) bool {
	return c == '_' || c == '$' || c >= 0x80 || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}
