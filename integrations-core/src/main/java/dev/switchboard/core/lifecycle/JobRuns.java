package dev.switchboard.core.lifecycle;

import dev.switchboard.core.support.NodeIdentity;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The record of scheduled job runs ({@code public.job_run}). Quartz's cluster runs each trigger
 * once; this also keeps the start-up runs of several nodes starting together from repeating one
 * another: a run within {@code minGap} of the previous one is skipped.
 */
@Component
public class JobRuns {

    public record Run(long id, String job, String node, Instant startedAt, Instant finishedAt, String summary) {
    }

    private final JdbcClient jdbc;
    private final NodeIdentity node;

    public JobRuns(JdbcClient jdbc, NodeIdentity node) {
        this.jdbc = jdbc;
        this.node = node;
    }

    /** Records the start of a run, unless one started less than {@code minGap} ago. */
    @Transactional
    public Optional<Long> start(String job, Duration minGap) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('switchboard.job.' || :job))").param("job", job)
                .query((rs, n) -> 1).list();
        return jdbc.sql("""
                INSERT INTO public.job_run (job, node)
                SELECT :job, :node
                WHERE NOT EXISTS (SELECT 1 FROM public.job_run
                                  WHERE job = :job AND started_at > now() - make_interval(secs => :gap))
                RETURNING id
                """)
                .param("job", job)
                .param("node", node.id())
                .param("gap", minGap.toMillis() / 1000.0)
                .query(Long.class)
                .optional();
    }

    @Transactional
    public void finish(long runId, String summary) {
        jdbc.sql("UPDATE public.job_run SET finished_at = now(), summary = :summary WHERE id = :id")
                .param("summary", summary)
                .param("id", runId)
                .update();
    }

    @Transactional(readOnly = true)
    public List<Run> recent(int limit) {
        return jdbc.sql("SELECT id, job, node, started_at, finished_at, summary FROM public.job_run "
                        + "ORDER BY started_at DESC LIMIT :limit")
                .param("limit", limit)
                .query((rs, n) -> new Run(rs.getLong("id"), rs.getString("job"), rs.getString("node"),
                        rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("finished_at", OffsetDateTime.class) == null ? null
                                : rs.getObject("finished_at", OffsetDateTime.class).toInstant(),
                        rs.getString("summary")))
                .list();
    }

    @Transactional
    public int forgetOlderThan(Duration age) {
        return jdbc.sql("DELETE FROM public.job_run WHERE started_at < now() - make_interval(secs => :age)")
                .param("age", age.toSeconds())
                .update();
    }
}
