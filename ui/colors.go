package ui

import (
	"image/color"

	"fyne.io/fyne/v2/theme"

	"anteroom/calendar"
)

// Kind colours are chosen to stay apart for colour-blind readers and to
// carry white text: blue meetings, orange visits, green activities, grey
// blocked time.
var kindColors = map[calendar.Kind]color.NRGBA{
	calendar.KindMeeting:  {R: 0x1f, G: 0x6f, B: 0xc5, A: 0xff},
	calendar.KindVisit:    {R: 0xb3, G: 0x59, B: 0x00, A: 0xff},
	calendar.KindActivity: {R: 0x28, G: 0x7a, B: 0x4c, A: 0xff},
	calendar.KindBlocked:  {R: 0x6b, G: 0x6b, B: 0x6b, A: 0xff},
}

var (
	colorOffHours  = color.NRGBA{R: 0x80, G: 0x80, B: 0x80, A: 0x22}
	colorGridLine  = color.NRGBA{R: 0x80, G: 0x80, B: 0x80, A: 0x40}
	colorNowLine   = color.NRGBA{R: 0xe0, G: 0x20, B: 0x20, A: 0xff}
	colorToday     = color.NRGBA{R: 0x1f, G: 0x6f, B: 0xc5, A: 0x14}
	colorBlockText = color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff}
	colorCancelled = color.NRGBA{R: 0x80, G: 0x80, B: 0x80, A: 0x30}
)

// blockLook is how a block is drawn for its engagement's status:
// confirmed ones solid with white text; tentative ones pale with a border
// in the kind's colour and the theme's text; cancelled ones a faint grey,
// struck through.
type blockLook struct {
	fill, stroke, text color.Color
	strokeWidth        float32
	struck             bool
}

func lookOf(e calendar.Engagement) blockLook {
	c, ok := kindColors[e.Kind]
	if !ok {
		c = kindColors[calendar.KindMeeting]
	}
	switch e.Status {
	case calendar.StatusTentative:
		// Opaque, so a cancelled item beneath does not show through.
		pale := blend(c, theme.Color(theme.ColorNameBackground), 0.25)
		return blockLook{fill: pale, stroke: c, strokeWidth: 2, text: theme.Color(theme.ColorNameForeground)}
	case calendar.StatusCancelled:
		edge := c
		edge.A = 0x90
		return blockLook{fill: colorCancelled, stroke: edge, strokeWidth: 1, text: theme.Color(theme.ColorNameForeground), struck: true}
	}
	return blockLook{fill: c, text: colorBlockText}
}

// blend mixes share of c into the opaque colour over.
func blend(c color.NRGBA, over color.Color, share float32) color.NRGBA {
	r, g, b, _ := over.RGBA()
	mix := func(a uint8, b uint32) uint8 { return uint8(float32(a)*share + float32(b>>8)*(1-share)) }
	return color.NRGBA{R: mix(c.R, r), G: mix(c.G, g), B: mix(c.B, b), A: 0xff}
}

// blockColor returns the fill of an engagement block: tentative ones are
// paler, cancelled ones faint, so the state reads at a glance.
func blockColor(e calendar.Engagement) color.NRGBA {
	c, ok := kindColors[e.Kind]
	if !ok {
		c = kindColors[calendar.KindMeeting]
	}
	switch e.Status {
	case calendar.StatusTentative:
		c.A = 0xa0
	case calendar.StatusCancelled:
		c.A = 0x50
	}
	return c
}
