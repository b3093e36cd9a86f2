-- Whether an inbox delivery has events other than messages (delivery receipts, state and remote
-- changes). The mover stores messages straight from the rows' JSON, inside PostgreSQL; only the
-- rows marked here are read into the JVM for their other events. Rows appended before this column
-- existed count as marked: the JVM reads them, and stores their messages again as a no-op.
ALTER TABLE inbox ADD COLUMN other_events boolean NOT NULL DEFAULT true;
