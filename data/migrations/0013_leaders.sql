-- Anteroom schema: leaders who leave stay on file, archived, with their
-- history; and what a review carries over keeps its status (a tentative
-- item is booked tentative again, not confirmed).

-- Unix seconds; NULL while the leader is in use. An archived leader is not
-- offered for new bookings, but their engagements stay readable.
ALTER TABLE leaders ADD COLUMN archived INTEGER;

-- The origin's status. Carry-overs made before this step did not keep it.
ALTER TABLE carry_overs ADD COLUMN status TEXT NOT NULL DEFAULT 'confirmed'
    CHECK (status IN ('confirmed', 'tentative'));
