package ics

import (
	"fmt"
	"strings"
)

// param is one property parameter (RFC 5545 §3.2). Value is the text of
// all its values as written, without the quotes of a single quoted value
// and with RFC 6868 caret escapes decoded.
type param struct {
	name  string // upper case
	value string
}

// contentLine is one logical line split into its parts (RFC 5545 §3.1):
//
//	contentline = name *(";" param) ":" value CRLF
type contentLine struct {
	name   string // upper case
	params []param
	value  string
	// repaired says how a broken line was read: "" when it was not,
	// "import.line_without_value" or "import.value_in_quotes".
	repaired string
}

// param returns the value of the named parameter and whether it is present.
func (cl *contentLine) param(name string) (string, bool) {
	for _, p := range cl.params {
		if p.name == name {
			return p.value, true
		}
	}
	return "", false
}

// lineError is why a line is not a content line; the reader turns it into
// a *ParseError with the line number.
type lineError struct {
	code string
	kv   []any
}

// parseContentLine splits s, reusing params' storage. Beyond the RFC it
// accepts what real producers write:
//
//   - a DQUOTE inside an unquoted parameter value is kept as text
//     (iOS: X-ADDRESS=…\"A\"…);
//   - parameters that run to the end of the line leave an empty value
//     (ORGANIZER;CN=Sixt SE);
//   - a quoted parameter that swallowed the value is split at its last
//     colon (DTSTART;TZID="W. Europe Standard Time:20200609T090000");
//   - a parameter without "=" has an empty value.
//
// A line with no name, an empty parameter name (";;"), an unterminated
// quote, or a control character other than TAB is an error.
func parseContentLine(s string, params []param) (contentLine, *lineError) {
	cl := contentLine{params: params[:0]}
	if i := controlChar(s); i >= 0 {
		return cl, &lineError{"import.error.control_char", []any{"Char", fmt.Sprintf("U+%04X", s[i])}}
	}
	n := nameLen(s)
	if n == 0 {
		return cl, &lineError{"import.error.bad_name", []any{"Name", quoteShort(s)}}
	}
	cl.name = upper(s[:n])
	i := n
	for {
		if i == len(s) {
			return cl, &lineError{"import.error.no_colon", []any{"Name", cl.name}}
		}
		switch s[i] {
		case ':':
			cl.value = s[i+1:]
			return cl, nil
		case ';':
		default:
			if strings.IndexByte(s, ':') < 0 {
				return cl, &lineError{"import.error.no_colon", []any{"Name", quoteShort(s[:min(len(s), 40)])}}
			}
			return cl, &lineError{"import.error.bad_name", []any{"Name", quoteShort(s[:min(len(s), i+1)])}}
		}
		// A parameter.
		i++
		pn := nameLen(s[i:])
		if pn == 0 {
			return cl, &lineError{"import.error.bad_param", []any{"Name", cl.name, "Detail", "empty parameter name"}}
		}
		p := param{name: upper(s[i : i+pn])}
		i += pn
		if i == len(s) {
			cl.params = append(cl.params, p)
			cl.repaired = "import.line_without_value"
			return cl, nil
		}
		if s[i] != '=' {
			if s[i] != ';' && s[i] != ':' {
				return cl, &lineError{"import.error.bad_param", []any{"Name", cl.name, "Detail", fmt.Sprintf("%q after parameter %s", s[i], p.name)}}
			}
			cl.params = append(cl.params, p)
			continue
		}
		i++
		start, quoted := i, false
		for { // one value of a list
			if i < len(s) && s[i] == '"' {
				end := strings.IndexByte(s[i+1:], '"')
				if end < 0 {
					return cl, &lineError{"import.error.unterminated_quote", []any{"Name", cl.name}}
				}
				quoted = quoted || i == start
				i += end + 2
			} else {
				for i < len(s) && s[i] != ';' && s[i] != ':' && s[i] != ',' {
					i++
				}
			}
			if i < len(s) && s[i] == ',' {
				i++
				continue
			}
			if i < len(s) && s[i] != ';' && s[i] != ':' {
				// Text after a closing quote: take it as part of the value.
				for i < len(s) && s[i] != ';' && s[i] != ':' && s[i] != ',' {
					i++
				}
				if i < len(s) && s[i] == ',' {
					i++
					continue
				}
			}
			break
		}
		raw := s[start:i]
		if quoted && len(raw) >= 2 && raw[len(raw)-1] == '"' && strings.IndexByte(raw[1:len(raw)-1], '"') < 0 {
			raw = raw[1 : len(raw)-1]
		}
		if i == len(s) && quoted {
			// DTSTART;TZID="Zone:20200609T090000": the value went into the quotes.
			if c := strings.LastIndexByte(raw, ':'); c >= 0 {
				p.value = caretDecode(raw[:c])
				cl.params = append(cl.params, p)
				cl.value = raw[c+1:]
				cl.repaired = "import.value_in_quotes"
				return cl, nil
			}
		}
		p.value = caretDecode(raw)
		cl.params = append(cl.params, p)
		if i == len(s) {
			cl.repaired = "import.line_without_value"
			return cl, nil
		}
	}
}

// nameLen returns the length of the name at the start of s: letters,
// digits and "-" (RFC 5545 §3.1 iana-token, x-name), and "_" which some
// producers use.
func nameLen(s string) int {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '_') {
			return i
		}
	}
	return len(s)
}

// controlChar returns the index of the first control character other than
// HTAB in s, or -1 (RFC 5545 §3.1: CONTROL is not allowed in any value).
func controlChar(s string) int {
	i := 0
	// Eight bytes at a time: most lines have no byte below 0x20 or 0x7F.
	for ; i+8 <= len(s); i += 8 {
		w := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56 // one load
		const ones, highs = 0x0101010101010101, 0x8080808080808080
		below := (w - ones*0x20) &^ w & highs // some byte < 0x20
		del := w ^ ones*0x7F
		isDel := (del - ones) &^ del & highs // some byte == 0x7F
		if below|isDel != 0 {
			break
		}
	}
	for ; i < len(s); i++ {
		if c := s[i]; c < 0x20 && c != '\t' || c == 0x7F {
			return i
		}
	}
	return -1
}

// upper returns s in ASCII upper case, without allocating when it already is.
func upper(s string) string {
	for i := 0; i < len(s); i++ {
		if 'a' <= s[i] && s[i] <= 'z' {
			return strings.ToUpper(s)
		}
	}
	return s
}

// caretDecode undoes RFC 6868 parameter value encoding: ^n is a newline,
// ^^ a caret, ^' a double quote; any other caret stays.
func caretDecode(s string) string {
	if strings.IndexByte(s, '^') < 0 {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '^' && i+1 < len(s) {
			switch s[i+1] {
			case 'n', 'N':
				b.WriteByte('\n')
				i++
				continue
			case '^':
				b.WriteByte('^')
				i++
				continue
			case '\'':
				b.WriteByte('"')
				i++
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// quoteShort quotes s for a message, cut to 40 bytes at a character boundary.
func quoteShort(s string) string {
	if len(s) > 40 {
		cut := 40
		for cut > 0 && s[cut]&0xC0 == 0x80 {
			cut--
		}
		s = s[:cut] + "…"
	}
	return fmt.Sprintf("%q", s)
}
