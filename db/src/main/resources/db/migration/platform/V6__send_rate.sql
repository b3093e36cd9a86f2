-- The send rate limits as one row per key ("i:<integration>", "c:<integration>:<chat>") holding
-- the key's theoretical arrival time (GCRA): a send takes the tokens of its chat and of its
-- integration with one statement, where Bucket4j's buckets (rate_limit_bucket) took a
-- transaction of four round trips each. Rows whose time has long passed are removed by the
-- maintenance job; a removed key starts again full, which is what it would be.
CREATE TABLE send_rate (
    id  text        PRIMARY KEY,
    tat timestamptz NOT NULL
);
CREATE INDEX send_rate_tat ON send_rate (tat);

DROP TABLE rate_limit_bucket;
