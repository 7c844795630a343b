package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// sortTable is a table of records whose header buttons sort it by their
// column; tapping the sorted column again reverses the order.
type sortTable[T any] struct {
	*widget.Table
	cols     []tableCol[T]
	rows     []T
	sortCol  int
	desc     bool
	onSelect func(T)
}

// tableCol is one column: its header, width, cell text and order.
type tableCol[T any] struct {
	title      string
	width      float32
	text       func(T) string
	compare    func(a, b T) int
	importance func(T) widget.Importance // nil: medium
}

func newSortTable[T any](cols []tableCol[T], onSelect func(T)) *sortTable[T] {
	s := &sortTable[T]{cols: cols, onSelect: onSelect}
	s.Table = &widget.Table{
		Length: func() (int, int) { return len(s.rows), len(s.cols) },
		CreateCell: func() fyne.CanvasObject {
			return &widget.Label{Truncation: fyne.TextTruncateEllipsis}
		},
		UpdateCell:    s.updateCell,
		ShowHeaderRow: true,
		CreateHeader: func() fyne.CanvasObject {
			return &widget.Button{Alignment: widget.ButtonAlignLeading, Importance: widget.LowImportance, IconPlacement: widget.ButtonIconTrailingText}
		},
		UpdateHeader: s.updateHeader,
		OnSelected: func(id widget.TableCellID) {
			if id.Row >= 0 && id.Row < len(s.rows) && s.onSelect != nil {
				s.onSelect(s.rows[id.Row])
			}
		},
	}
	s.Table.ExtendBaseWidget(s.Table)
	for i, c := range cols {
		s.Table.SetColumnWidth(i, c.width)
	}
	return s
}

func (s *sortTable[T]) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	if id.Row >= len(s.rows) || id.Col >= len(s.cols) {
		l.SetText("")
		return
	}
	c, r := s.cols[id.Col], s.rows[id.Row]
	l.Importance = widget.MediumImportance
	if c.importance != nil {
		l.Importance = c.importance(r)
	}
	l.SetText(c.text(r))
}

func (s *sortTable[T]) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	b := o.(*widget.Button)
	if id.Col < 0 || id.Col >= len(s.cols) {
		b.SetText("")
		return
	}
	b.Text, b.Icon = s.cols[id.Col].title, nil
	if id.Col == s.sortCol {
		b.Icon = theme.Icon(theme.IconNameArrowDropUp)
		if s.desc {
			b.Icon = theme.Icon(theme.IconNameArrowDropDown)
		}
	}
	col := id.Col
	b.OnTapped = func() { s.sortBy(col) }
	b.Refresh()
}

// sortBy orders the rows by column col, reversing when it already was.
func (s *sortTable[T]) sortBy(col int) {
	if col == s.sortCol {
		s.desc = !s.desc
	} else {
		s.sortCol, s.desc = col, false
	}
	s.setRows(s.rows)
}

// setRows shows rows in the current order.
func (s *sortTable[T]) setRows(rows []T) {
	s.rows = rows
	cmp := s.cols[s.sortCol].compare
	slices.SortStableFunc(s.rows, func(a, b T) int {
		if s.desc {
			return cmp(b, a)
		}
		return cmp(a, b)
	})
	s.Table.UnselectAll()
	s.Table.Refresh()
}
