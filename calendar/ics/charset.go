package ics

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// Charsets the reader knows. RFC 5545 §3.1.4 makes UTF-8 the default; the
// others are what older Chinese, Japanese and European clients write.
const (
	CharsetUTF8     = "UTF-8"
	CharsetGB18030  = "GB18030" // a superset of GBK and GB2312
	CharsetShiftJIS = "Shift_JIS"
	CharsetLatin1   = "windows-1252" // a superset of ISO-8859-1's printable characters
	CharsetUTF16    = "UTF-16"
)

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// charsetByName maps a charset label (as a MIME header or the caller
// writes it) to its decoder; ok is false for unknown labels. UTF-8 has a
// nil encoding.
func charsetByName(label string) (name string, enc encoding.Encoding, ok bool) {
	switch strings.ToUpper(strings.TrimSpace(label)) {
	case "UTF-8", "UTF8":
		return CharsetUTF8, nil, true
	case "GB18030", "GBK", "GB2312", "CP936", "EUC-CN":
		return CharsetGB18030, simplifiedchinese.GB18030, true
	case "SHIFT_JIS", "SHIFT-JIS", "SJIS", "CP932", "WINDOWS-31J", "MS_KANJI":
		return CharsetShiftJIS, japanese.ShiftJIS, true
	case "ISO-8859-1", "LATIN1", "LATIN-1", "WINDOWS-1252", "CP1252":
		return CharsetLatin1, charmap.Windows1252, true
	}
	return "", nil, false
}

// decodeUTF16 converts a buffer that starts with a UTF-16 byte-order mark
// to UTF-8. Folding and line ends survive: they are whole UTF-16 units.
func decodeUTF16(b []byte) ([]byte, bool) {
	if len(b) < 2 || !(b[0] == 0xFF && b[1] == 0xFE || b[0] == 0xFE && b[1] == 0xFF) {
		return b, false
	}
	out, err := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder().Bytes(b)
	if err != nil {
		return b, false
	}
	return out, true
}

// stripBOM removes a leading UTF-8 byte-order mark (RFC 5545 does not
// allow one; Windows tools write it).
func stripBOM(b []byte) []byte { return bytes.TrimPrefix(b, utf8BOM) }

// charsetGuess is the verdict on bytes that are not all valid UTF-8.
type charsetGuess struct {
	name string
	enc  encoding.Encoding // nil: UTF-8, invalid bytes replaced
}

// detectCharset guesses the encoding of sample, the non-ASCII lines of a
// file that is not valid UTF-8. It counts how the bytes fit each candidate:
//
//   - UTF-8 with stray bytes (a damaged file): at least as many valid
//     multi-byte sequences as invalid bytes, where GBK and Shift_JIS text
//     has few and Latin-1 text none;
//   - GB18030: every byte fits the GB18030 grammar and most pairs lie in
//     the GB2312 hanzi and punctuation rows, as real Chinese text does;
//   - Shift_JIS: every byte fits, and most characters are kana, kanji or
//     full-width punctuation rather than half-width katakana (which is what
//     Latin-1 or GBK text looks like when read as Shift_JIS);
//   - otherwise windows-1252, which maps every byte.
//
// Japanese text read as GBK also fits GBK's grammar; kana decide for
// Shift_JIS when both fit.
func detectCharset(sample []byte) charsetGuess {
	var validMB, invalid int
	for i := 0; i < len(sample); {
		c := sample[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(sample[i:])
		if r == utf8.RuneError && n <= 1 {
			invalid++
			i++
			continue
		}
		validMB++
		i += n
	}
	if validMB > 0 && invalid <= validMB {
		return charsetGuess{name: CharsetUTF8}
	}

	gb := scanGB18030(sample)
	sj := scanShiftJIS(sample)
	gbOK := gb.invalid == 0 && gb.total > 0 && gb.good*10 >= gb.total*8
	sjOK := sj.invalid == 0 && sj.total > 0 && sj.good*10 >= sj.total*8
	switch {
	case gbOK && sjOK && sj.kana > 0, sjOK && !gbOK:
		return charsetGuess{name: CharsetShiftJIS, enc: japanese.ShiftJIS}
	case gbOK:
		return charsetGuess{name: CharsetGB18030, enc: simplifiedchinese.GB18030}
	}
	return charsetGuess{name: CharsetLatin1, enc: charmap.Windows1252}
}

// fit counts how bytes fit a multi-byte encoding: total characters above
// ASCII, how many of them are the kind real text is made of, and bytes that
// break the encoding's grammar.
type fit struct {
	total, good, invalid, kana int
}

// scanGB18030 walks b by the GB18030 grammar: single bytes below 0x80,
// pairs with a lead 0x81–0xFE and a trail 0x40–0xFE (not 0x7F), and
// four-byte sequences lead, 0x30–0x39, 0x81–0xFE, 0x30–0x39.
func scanGB18030(b []byte) fit {
	var f fit
	for i := 0; i < len(b); {
		c := b[i]
		switch {
		case c < 0x80:
			i++
			continue
		case c == 0x80 || c == 0xFF || i+1 >= len(b):
			f.invalid++
			i++
			continue
		}
		t := b[i+1]
		switch {
		case t >= 0x40 && t <= 0xFE && t != 0x7F:
			f.total++
			// GB2312 rows: A1–A9 symbols and punctuation, B0–F7 hanzi.
			if t >= 0xA1 && (c >= 0xA1 && c <= 0xA9 || c >= 0xB0 && c <= 0xF7) {
				f.good++
			}
			i += 2
		case t >= 0x30 && t <= 0x39 && i+3 < len(b) && b[i+2] >= 0x81 && b[i+2] <= 0xFE && b[i+3] >= 0x30 && b[i+3] <= 0x39:
			f.total++
			i += 4
		default:
			f.invalid++
			i++
		}
	}
	return f
}

// scanShiftJIS walks b by the Shift_JIS grammar: single bytes below 0x80
// and half-width katakana 0xA1–0xDF, pairs with a lead 0x81–0x9F or
// 0xE0–0xFC and a trail 0x40–0x7E or 0x80–0xFC.
func scanShiftJIS(b []byte) fit {
	var f fit
	for i := 0; i < len(b); {
		c := b[i]
		switch {
		case c < 0x80:
			i++
			continue
		case c >= 0xA1 && c <= 0xDF:
			f.total++ // half-width katakana: rare in real text
			i++
			continue
		case !(c >= 0x81 && c <= 0x9F || c >= 0xE0 && c <= 0xFC) || i+1 >= len(b):
			f.invalid++
			i++
			continue
		}
		t := b[i+1]
		if !(t >= 0x40 && t <= 0x7E || t >= 0x80 && t <= 0xFC) {
			f.invalid++
			i++
			continue
		}
		f.total++
		switch {
		case c == 0x82 && t >= 0x9F || c == 0x83 && t <= 0x96: // hiragana, katakana
			f.kana++
			f.good++
		case c == 0x81 || c == 0x82: // punctuation, full-width letters and digits
			f.good++
		case c >= 0x88 && c <= 0x9F || c >= 0xE0 && c <= 0xEA: // JIS X 0208 kanji
			f.good++
		}
		i += 2
	}
	return f
}
