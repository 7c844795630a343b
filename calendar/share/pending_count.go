package share

import "context"

// pendingCounter is a Store that counts the pending changes without
// reading them (package data's does).
type pendingCounter interface {
	PendingCount(ctx context.Context, leaderID int64) (int, error)
}

// pendingCount is how many changes of the leader's book wait to be sent:
// counted by the store when it can, else the length of PendingPush.
func pendingCount(ctx context.Context, s Store, leaderID int64) (int, error) {
	if c, ok := s.(pendingCounter); ok {
		return c.PendingCount(ctx, leaderID)
	}
	p, err := s.PendingPush(ctx, leaderID)
	return len(p), err
}
