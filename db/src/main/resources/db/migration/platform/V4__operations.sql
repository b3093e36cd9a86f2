-- Operations: the operators' SQL view across tenants, metric samples for alerting and the
-- dashboard, alert rules and their events, and the platform audit log.

-- ops.integrations: one row per integration of every tenant. A set-returning function walks the
-- tenant registry at query time, so no migration changes as tenants come and go. An operator
-- tool (psql, Grafana), not something the application queries.
CREATE SCHEMA IF NOT EXISTS ops;

CREATE FUNCTION ops.integrations_of_all_tenants()
    RETURNS TABLE (tenant text, owner_email text, integration_id uuid, type text, name text, status text,
                   messages_received bigint, messages_sent bigint, last_activity timestamptz,
                   last_error text, last_error_at timestamptz, created_at timestamptz)
    LANGUAGE plpgsql STABLE AS
$$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT id, slug, schema_name FROM public.tenant ORDER BY slug LOOP
        CONTINUE WHEN to_regclass(format('%I.integration', t.schema_name)) IS NULL;
        RETURN QUERY EXECUTE format($query$
            SELECT %L::text,
                   (SELECT u.email FROM public.app_user u WHERE u.tenant_id = %L::uuid AND u.role = 'owner'
                    ORDER BY u.created_at LIMIT 1),
                   i.id, i.type, i.name, i.status,
                   coalesce(sum(c.messages_received), 0)::bigint, coalesce(sum(c.messages_sent), 0)::bigint,
                   max(c.last_activity), i.last_error, i.last_error_at, i.created_at
            FROM %I.integration i LEFT JOIN %I.integration_counter c ON c.integration_id = i.id
            GROUP BY i.id ORDER BY i.created_at
            $query$, t.slug, t.id, t.schema_name, t.schema_name);
    END LOOP;
END
$$;

CREATE VIEW ops.integrations AS SELECT * FROM ops.integrations_of_all_tenants();

-- Each node writes its cumulative counters and current gauges here every few seconds; alert
-- evaluation and the dashboard read windows of them across all nodes.
CREATE TABLE metric_sample (
    node   text             NOT NULL,
    at     timestamptz      NOT NULL,
    metric text             NOT NULL,
    value  double precision NOT NULL
);
CREATE INDEX metric_sample_window ON metric_sample (metric, at);
CREATE INDEX metric_sample_age ON metric_sample (at);

CREATE TABLE alert_rule (
    name           text             PRIMARY KEY CHECK (name ~ '^[a-z][a-z0-9_-]{1,62}$'),
    metric         text             NOT NULL,
    operator       text             NOT NULL CHECK (operator IN ('>', '<')),
    threshold      double precision NOT NULL,
    window_seconds integer          NOT NULL CHECK (window_seconds BETWEEN 10 AND 86400),
    severity       text             NOT NULL CHECK (severity IN ('warning', 'critical')),
    enabled        boolean          NOT NULL DEFAULT true,
    updated_at     timestamptz      NOT NULL DEFAULT now()
);

-- The defaults of the Green API integration guide, plus broken integrations, unrepaired
-- webhook drift and queue lag.
INSERT INTO alert_rule (name, metric, operator, threshold, window_seconds, severity) VALUES
    ('error-rate-5m',       'provider_error_rate',     '>', 0.10,  300, 'warning'),
    ('error-rate-1m',       'provider_error_rate',     '>', 0.25,   60, 'critical'),
    ('slow-provider-5m',    'provider_latency_p95',    '>', 5.0,   300, 'warning'),
    ('slow-provider-3m',    'provider_latency_p95',    '>', 10.0,  180, 'critical'),
    ('rate-limited-5m',     'rate_limit_hits',         '>', 4,     300, 'warning'),
    ('webhook-failures-5m', 'webhook_failure_rate',    '>', 0.20,  300, 'warning'),
    ('send-failures-5m',    'send_failure_rate',       '>', 0.15,  300, 'warning'),
    ('integrations-error',  'integrations_in_error',   '>', 0,      60, 'warning'),
    ('webhook-drift',       'reconcile_unrepaired',    '>', 0,      60, 'warning'),
    ('queue-lag',           'queue_lag_seconds',       '>', 60,     60, 'critical');

CREATE TABLE alert_event (
    id          bigserial        PRIMARY KEY,
    rule        text             NOT NULL,
    severity    text             NOT NULL,
    value       double precision NOT NULL,
    threshold   double precision NOT NULL,
    fired_at    timestamptz      NOT NULL DEFAULT now(),
    resolved_at timestamptz
);
CREATE UNIQUE INDEX alert_event_active ON alert_event (rule) WHERE resolved_at IS NULL;
CREATE INDEX alert_event_recent ON alert_event (fired_at DESC);

-- Platform-level audit: tenants created and deleted, keys rotated. No secret values.
CREATE TABLE platform_audit (
    id        bigserial   PRIMARY KEY,
    at        timestamptz NOT NULL DEFAULT now(),
    actor     text        NOT NULL,
    action    text        NOT NULL,
    object    text,
    details   jsonb
);
CREATE INDEX platform_audit_recent ON platform_audit (at DESC);
