package ui

import "context"

// undoDepth is how many changes Undo can take back, oldest dropped first.
const undoDepth = 30

// overrideReason is who overrides a blocking finding when an undo is
// saved anyway, and why; nil asks the rules as a booking does.
type overrideReason struct{ reason, who string }

// undoStep is one change the secretary made and how to take it back.
// revert goes through the services, so the booking rules and the
// override log apply to an undo as to any change.
type undoStep struct {
	what   string // translated, for the status line: 移动“周例会”
	revert func(ctx context.Context, o *overrideReason) error
}

// undoStack keeps the last changes, newest on top.
type undoStack struct {
	steps []undoStep
}

// push records a change, forgetting the oldest past undoDepth.
func (s *undoStack) push(st undoStep) {
	if len(s.steps) == undoDepth {
		s.steps = append(s.steps[:0], s.steps[1:]...)
	}
	s.steps = append(s.steps, st)
}

// pop takes the newest change off the stack.
func (s *undoStack) pop() (undoStep, bool) {
	if len(s.steps) == 0 {
		return undoStep{}, false
	}
	st := s.steps[len(s.steps)-1]
	s.steps = s.steps[:len(s.steps)-1]
	return st, true
}

// len is how many changes can be undone.
func (s *undoStack) len() int { return len(s.steps) }
