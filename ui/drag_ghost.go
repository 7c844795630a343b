package ui

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"anteroom/calendar"
)

// colorDragGhost fills the box where a dragged block would land.
var colorDragGhost = color.NRGBA{R: 0x1f, G: 0x6f, B: 0xc5, A: 0x30}

// dragGhost shows, while a block is dragged, where it would land and what
// the booking rules say of that time: an outlined box at the proposed
// time and beside it a tip with the times and the findings. A time grid
// adds its objects on top and places it.
type dragGhost struct {
	box   *canvas.Rectangle
	tipBg *canvas.Rectangle
	tip   *paragraph
}

func newDragGhost() *dragGhost {
	gh := &dragGhost{box: canvas.NewRectangle(colorDragGhost), tipBg: canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground)),
		tip: newParagraph("").look(widget.MediumImportance, theme.SizeNameCaptionText, fyne.TextStyle{})}
	gh.box.StrokeWidth, gh.box.CornerRadius = 2, 3
	gh.tipBg.StrokeWidth, gh.tipBg.CornerRadius = 1, 4
	gh.hide()
	return gh
}

func (gh *dragGhost) objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{gh.box, gh.tipBg, gh.tip}
}

// dragTipText is the tip's text: the proposed times, then each finding.
func dragTipText(fs []calendar.Finding) string {
	lines := []string{}
	for _, f := range fs {
		lines = append(lines, lang.L("{{.Rule}}: {{.Message}}", map[string]any{"Rule": ruleLabel(f.Rule), "Message": findingText(f)}))
	}
	if len(fs) == 0 {
		lines = append(lines, lang.L("No conflicts"))
	}
	return strings.Join(lines, "\n")
}

// show sets what the ghost says and how it looks: red when a finding
// blocks the booking, amber for warnings.
func (gh *dragGhost) show(when string, fs []calendar.Finding) {
	gh.tip.SetText(when + "\n" + dragTipText(fs))
	stroke := theme.Color(theme.ColorNameSuccess)
	gh.tip.Importance = widget.MediumImportance
	switch {
	case calendar.Blocking(fs):
		stroke, gh.tip.Importance = theme.Color(theme.ColorNameError), widget.DangerImportance
	case len(fs) > 0:
		stroke, gh.tip.Importance = theme.Color(theme.ColorNameWarning), widget.WarningImportance
	}
	gh.box.StrokeColor, gh.tipBg.StrokeColor = stroke, stroke
	gh.tipBg.FillColor = theme.Color(theme.ColorNameOverlayBackground)
	gh.box.Hidden, gh.tipBg.Hidden, gh.tip.Hidden = false, false, false
	gh.tip.Refresh()
}

func (gh *dragGhost) hide() {
	gh.box.Hidden, gh.tipBg.Hidden, gh.tip.Hidden = true, true, true
}

// visible reports whether a drag is being shown.
func (gh *dragGhost) visible() bool { return !gh.box.Hidden }

// place puts the box at pos/size and the tip beside it, inside area.
func (gh *dragGhost) place(pos fyne.Position, size, area fyne.Size) {
	gh.box.Move(pos)
	gh.box.Resize(size)
	w := min(max(size.Width*2, 240), area.Width)
	h := gh.tip.MinSize().Height
	gh.tip.Resize(fyne.NewSize(w, h)) // wrapping needs the width first
	h = gh.tip.MinSize().Height
	x := pos.X + size.Width + 4
	if x+w > area.Width {
		x = max(pos.X-w-4, 0)
	}
	y := min(max(pos.Y, 0), max(area.Height-h, 0))
	gh.tipBg.Move(fyne.NewPos(x, y))
	gh.tipBg.Resize(fyne.NewSize(w, h))
	gh.tip.Move(fyne.NewPos(x, y))
	gh.tip.Resize(fyne.NewSize(w, h))
	canvas.Refresh(gh.box)
	canvas.Refresh(gh.tipBg)
}
