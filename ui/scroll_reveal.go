package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// scrollToShow scrolls s the least it takes to show o, which is somewhere
// in its content's containers; o's top wins when it is taller than the
// view. A message under a long form would otherwise appear where nobody
// looks: on a small screen, Save seemed to do nothing.
func scrollToShow(s *container.Scroll, o fyne.CanvasObject) {
	s.Content.Refresh() // lay out what was just shown, to measure where it is
	s.Refresh()
	at, ok := positionIn(s.Content, o)
	if !ok {
		return
	}
	top, bottom, view := at.Y, at.Y+o.Size().Height, s.Size().Height
	y := s.Offset.Y
	switch {
	case top < y || bottom-top > view:
		y = top
	case bottom > y+view:
		y = bottom - view
	default:
		return
	}
	s.ScrollToOffset(fyne.NewPos(s.Offset.X, y))
}

// positionIn returns where o is inside root, found through containers
// (the drivers place objects in dialogs each their own way, so they are
// not asked); ok is false when o is not in root's containers.
func positionIn(root, o fyne.CanvasObject) (fyne.Position, bool) {
	if root == o {
		return fyne.Position{}, true
	}
	c, isContainer := root.(*fyne.Container)
	if !isContainer {
		return fyne.Position{}, false
	}
	for _, child := range c.Objects {
		if at, ok := positionIn(child, o); ok {
			return child.Position().Add(at), true
		}
	}
	return fyne.Position{}, false
}

// showErrIn is showErr for a message inside s, scrolled into view when
// there is one.
func showErrIn(s *container.Scroll, l *paragraph, err error) {
	showErr(l, err)
	if err != nil && s != nil {
		scrollToShow(s, l)
	}
}
