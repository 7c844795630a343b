package calendar

import (
	"context"
	"fmt"
)

// Todos returns the to-dos (VTODO) imports kept for the leader, by due
// time, undated ones last.
func (s *Service) Todos(ctx context.Context, leaderID int64) ([]ImportTodo, error) {
	imp, ok := s.store.(ImportStore)
	if !ok {
		return nil, fmt.Errorf("to-dos of leader %d: %w", leaderID, ErrCannotImport)
	}
	return imp.Todos(ctx, leaderID)
}
