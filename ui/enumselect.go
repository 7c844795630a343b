package ui

import "fyne.io/fyne/v2/widget"

// enumSelect is a Select over domain values shown by translated labels.
type enumSelect[T comparable] struct {
	*widget.Select
	values []T
	labels []string
}

func newEnumSelect[T comparable](values []T, label func(T) string, onChanged func()) *enumSelect[T] {
	s := &enumSelect[T]{values: values}
	for _, v := range values {
		s.labels = append(s.labels, label(v))
	}
	s.Select = widget.NewSelect(s.labels, func(string) {
		if onChanged != nil {
			onChanged()
		}
	})
	return s
}

// value returns the chosen domain value.
func (s *enumSelect[T]) value() T {
	i := s.SelectedIndex()
	if i < 0 {
		var zero T
		return zero
	}
	return s.values[i]
}

// setValue chooses v.
func (s *enumSelect[T]) setValue(v T) {
	for i, x := range s.values {
		if x == v {
			s.SetSelectedIndex(i)
			return
		}
	}
}
