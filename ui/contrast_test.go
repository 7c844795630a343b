package ui

import (
	"fmt"
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"anteroom/calendar"
)

// luminance is WCAG 2's relative luminance of an opaque colour.
func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// contrast is WCAG 2's contrast ratio of two opaque colours, 1 to 21.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}

// over composites c on the opaque colour under, as the screen shows it.
func over(c, under color.Color) color.Color {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	u := color.NRGBAModel.Convert(under).(color.NRGBA)
	a := float64(n.A) / 0xff
	mix := func(x, y uint8) uint8 { return uint8(math.Round(float64(x)*a + float64(y)*(1-a))) }
	return color.NRGBA{R: mix(n.R, u.R), G: mix(n.G, u.G), B: mix(n.B, u.B), A: 0xff}
}

// variantTheme shows th in one variant whatever the system says.
type variantTheme struct {
	fyne.Theme
	v fyne.ThemeVariant
}

func (t variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.v)
}

// Every text on a coloured fill the desk draws reaches WCAG AA (4.5:1) in
// the light and the dark variant: buttons of each importance, labels in
// an importance colour, and engagement blocks of every kind and status.
func TestEveryTextOnAFillReadsAtWCAGAA(t *testing.T) {
	a := test.NewTempApp(t)
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		name := map[fyne.ThemeVariant]string{theme.VariantLight: "light", theme.VariantDark: "dark"}[v]
		th := newReadableTheme()
		col := func(n fyne.ThemeColorName) color.Color { return th.Color(n, v) }
		type pair struct {
			what       string
			text, fill color.Color
		}
		var pairs []pair
		for _, b := range []struct{ text, fill fyne.ThemeColorName }{
			{theme.ColorNameForegroundOnPrimary, theme.ColorNamePrimary}, // High importance: New, Import
			{theme.ColorNameForegroundOnSuccess, theme.ColorNameSuccess}, // Success: Done
			{theme.ColorNameForegroundOnWarning, theme.ColorNameWarning}, // Warning: Save anyway
			{theme.ColorNameForegroundOnError, theme.ColorNameError},     // Danger: Delete
			{theme.ColorNameForeground, theme.ColorNameButton},           // Medium importance
		} {
			pairs = append(pairs, pair{"button " + string(b.fill), col(b.text), over(col(b.fill), col(theme.ColorNameBackground))})
		}
		for _, bg := range []fyne.ThemeColorName{theme.ColorNameBackground, theme.ColorNameOverlayBackground} {
			for _, fg := range []fyne.ThemeColorName{theme.ColorNameForeground, theme.ColorNamePrimary, theme.ColorNameSuccess, theme.ColorNameWarning, theme.ColorNameError} {
				pairs = append(pairs, pair{"label " + string(fg) + " on " + string(bg), col(fg), col(bg)})
			}
		}
		// The blocks read the current theme: show it in this variant.
		a.Settings().SetTheme(variantTheme{th, v})
		for _, k := range calendar.Kinds {
			for _, s := range calendar.Statuses {
				look := lookOf(calendar.Engagement{Kind: k, Status: s})
				fill := over(look.fill, col(theme.ColorNameBackground))
				pairs = append(pairs, pair{fmt.Sprintf("block %s %s", k, s), over(look.text, fill), fill})
			}
		}
		for _, p := range pairs {
			if c := contrast(p.text, p.fill); c < 4.5 {
				t.Errorf("%s: %s reads at %.2f:1, below 4.5:1 (text %v on %v)", name, p.what, c, p.text, p.fill)
			}
		}
	}
}

// The theme is Fyne's own elsewhere, so it follows the system's light or
// dark setting: the variant decides the background.
func TestThemeFollowsTheVariant(t *testing.T) {
	th := newReadableTheme()
	light, dark := th.Color(theme.ColorNameBackground, theme.VariantLight), th.Color(theme.ColorNameBackground, theme.VariantDark)
	if luminance(light) < 0.8 || luminance(dark) > 0.05 {
		t.Fatalf("background light %v, dark %v", light, dark)
	}
}
