package followup

import (
	"strconv"
	"strings"
)

// ChineseNumeral writes n (1–99) as minutes number their decisions:
// 一, 二, … 十, 十一, … 二十, 二十一. Larger numbers stay in digits.
func ChineseNumeral(n int) string {
	digits := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n <= 0 || n >= 100:
		return strconv.Itoa(n)
	case n < 10:
		return digits[n]
	case n < 20:
		return "十" + digits[n%10]
	default:
		return digits[n/10] + "十" + digits[n%10]
	}
}

// SplitNames reads a list of names or units typed with any of the usual
// separators: "安监处、办公室", "A, B", one per line.
func SplitNames(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return strings.ContainsRune(",，、;；\n", r)
	})
}
