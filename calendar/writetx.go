package calendar

import "context"

// A booking is checked and stored in one write transaction: the store's
// transaction takes the write lock when it begins, so the rules see every
// booking another window or process has committed, and nothing can be
// booked between the check and the save. Every path that creates or
// moves an engagement goes through writeTx, directly or by joining the
// transaction of a caller that did.

// writeTx runs fn with a Service bound to one write transaction of the
// store, committed when fn returns nil and rolled back otherwise. Called
// on a Service already bound to one, fn joins it. fn must use only the
// Service it is given.
func (s *Service) writeTx(ctx context.Context, fn func(tx *Service) error) error {
	return s.store.WithTx(ctx, func(st Store) error { return fn(s.BoundTo(st)) })
}

// BoundTo returns a Service like s over st, a store bound to one
// transaction.
func (s *Service) BoundTo(st Store) *Service {
	return &Service{store: st, now: s.now, confirm: s.confirm}
}
