package imports

import (
	"context"
)

// Todos returns the to-dos (VTODO) imports kept for the leader, by due
// time, undated ones last.
func (s *Service) Todos(ctx context.Context, leaderID int64) ([]ImportTodo, error) {
	return s.store.Todos(ctx, leaderID)
}
