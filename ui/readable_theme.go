package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// readableTheme is Fyne's default theme, which follows the system's light
// or dark setting, with the coloured fills dark enough (light variant) or
// light enough (dark variant) that the text on them reads at WCAG AA
// (4.5:1): Fyne's own white on its bright green is about 1.5:1, on its
// orange about 2.2:1. The same colours as text on the background reach
// 4.5:1 too.
type readableTheme struct{ fyne.Theme }

func newReadableTheme() fyne.Theme { return readableTheme{theme.DefaultTheme()} }

var (
	white = color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff}
	black = color.NRGBA{A: 0xff}

	// fills carries, per variant, each coloured fill and the text on it.
	fills = map[fyne.ThemeVariant]map[fyne.ThemeColorName]color.Color{
		theme.VariantLight: {
			theme.ColorNamePrimary: color.NRGBA{R: 0x15, G: 0x65, B: 0xc0, A: 0xff}, theme.ColorNameForegroundOnPrimary: white,
			theme.ColorNameSuccess: color.NRGBA{R: 0x2e, G: 0x7d, B: 0x32, A: 0xff}, theme.ColorNameForegroundOnSuccess: white,
			theme.ColorNameWarning: color.NRGBA{R: 0xb4, G: 0x53, B: 0x09, A: 0xff}, theme.ColorNameForegroundOnWarning: white,
			theme.ColorNameError: color.NRGBA{R: 0xc6, G: 0x28, B: 0x28, A: 0xff}, theme.ColorNameForegroundOnError: white,
		},
		theme.VariantDark: {
			theme.ColorNamePrimary: color.NRGBA{R: 0x64, G: 0xb5, B: 0xf6, A: 0xff}, theme.ColorNameForegroundOnPrimary: black,
			theme.ColorNameSuccess: color.NRGBA{R: 0x66, G: 0xbb, B: 0x6a, A: 0xff}, theme.ColorNameForegroundOnSuccess: black,
			theme.ColorNameWarning: color.NRGBA{R: 0xff, G: 0xa7, B: 0x26, A: 0xff}, theme.ColorNameForegroundOnWarning: black,
			theme.ColorNameError: color.NRGBA{R: 0xef, G: 0x53, B: 0x50, A: 0xff}, theme.ColorNameForegroundOnError: black,
		},
	}
)

func (t readableTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if c, ok := fills[v][n]; ok {
		return c
	}
	return t.Theme.Color(n, v)
}
