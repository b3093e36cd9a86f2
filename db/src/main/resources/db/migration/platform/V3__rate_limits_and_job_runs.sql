-- Token buckets of the send rate limits (Bucket4j's PostgreSQL proxy manager): shared by all
-- nodes, so a provider's limit holds across the cluster. Keys: "i:<integration>" and
-- "c:<integration>:<chat>". Expired buckets are removed by the maintenance job.
CREATE TABLE rate_limit_bucket (
    id         text   PRIMARY KEY,
    state      bytea,
    expires_at bigint
);
CREATE INDEX rate_limit_bucket_expiry ON rate_limit_bucket (expires_at);

-- Runs of the scheduled jobs, for operators and to keep a job from running twice in a row when
-- several nodes start at once.
CREATE TABLE job_run (
    id          bigserial   PRIMARY KEY,
    job         text        NOT NULL,
    node        text        NOT NULL,
    started_at  timestamptz NOT NULL DEFAULT now(),
    finished_at timestamptz,
    summary     text
);
CREATE INDEX job_run_recent ON job_run (job, started_at DESC);
