package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// minLastColumn is the narrowest the last column gets; below it the table
// scrolls sideways rather than show only an ellipsis.
const minLastColumn float32 = 80

// fillLastColumn holds table so that its last column takes the width the
// others leave, its text ellipsized, and the table needs no sideways
// scrolling on a small screen; on a wide one the column shows more.
func fillLastColumn[T any](table *widget.Table, cols []tableCol[T]) *fyne.Container {
	widths := make([]float32, len(cols))
	for i, c := range cols {
		widths[i] = c.width
	}
	return container.New(&lastColumnLayout{table: table, widths: widths}, table)
}

type lastColumnLayout struct {
	table  *widget.Table
	widths []float32 // every column's width as set; the last one's is its least
	last   float32   // the last column's width now
}

func (l *lastColumnLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if n := len(l.widths); n > 0 {
		w := lastColumnWidth(l.widths, size.Width, theme.Padding())
		if w != l.last {
			l.last = w
			l.table.SetColumnWidth(n-1, w)
		}
	}
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (l *lastColumnLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	return l.table.MinSize()
}

// lastColumnWidth is what is left of width for the last of the columns
// widths, each column followed by a padding, and at least its own width
// or minLastColumn, whichever is less.
func lastColumnWidth(widths []float32, width, padding float32) float32 {
	rest := width - padding*float32(len(widths))
	for _, w := range widths[:len(widths)-1] {
		rest -= w
	}
	return max(rest, min(widths[len(widths)-1], minLastColumn))
}

// fitColumn is the width a column needs to show its header, with the sort
// arrow, and each of texts whole in the UI's language and theme; at least
// least. The words of states and priorities are longer in English than in
// Chinese.
func fitColumn(least float32, header string, texts ...string) float32 {
	h := &widget.Button{Text: header, Icon: theme.Icon(theme.IconNameArrowDropUp), IconPlacement: widget.ButtonIconTrailingText}
	w := max(least, h.MinSize().Width)
	for _, t := range texts {
		w = max(w, (&widget.Label{Text: t}).MinSize().Width)
	}
	return w
}
