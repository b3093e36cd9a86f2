package dev.switchboard.core.outbound;

import dev.switchboard.core.channel.ChannelException;
import dev.switchboard.core.channel.ChannelProvider;
import dev.switchboard.core.channel.ChannelRegistry;
import dev.switchboard.core.channel.IntegrationHandle;
import dev.switchboard.core.channel.OutboundMessage;
import dev.switchboard.core.channel.SendReceipt;
import dev.switchboard.core.conversation.ConversationSignals;
import dev.switchboard.core.conversation.Message;
import dev.switchboard.core.conversation.MessageRepository;
import dev.switchboard.core.conversation.MessageStatus;
import dev.switchboard.core.integration.StoredIntegration;
import dev.switchboard.core.integration.IntegrationCounters;
import dev.switchboard.core.integration.IntegrationHandles;
import dev.switchboard.core.integration.IntegrationRepository;
import dev.switchboard.core.integration.IntegrationStatus;
import dev.switchboard.core.metrics.PipelineMetrics;
import dev.switchboard.core.webhook.WebhookIngest;
import org.slf4j.MDC;
import dev.switchboard.core.queue.HeldWork;
import dev.switchboard.core.queue.WorkHandler;
import dev.switchboard.core.queue.WorkItem;
import dev.switchboard.core.queue.WorkKinds;
import dev.switchboard.core.queue.RelaxedDurability;
import dev.switchboard.core.queue.WorkQueue;
import dev.switchboard.core.queue.WorkTransactions;
import dev.switchboard.core.tenant.QualifiedPool;
import dev.switchboard.core.tenant.TenantContext;
import dev.switchboard.core.tenant.TenantRef;
import dev.switchboard.core.tenant.TenantSql;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers one outbound message: waits for the provider's circuit and rate limits (in the queue,
 * or for the next second or two held on this node ({@link HeldWork}): never in a worker, never
 * holding a connection), marks it {@code sending}, makes one provider call
 * outside any transaction, then records the outcome — {@code sent} with the provider's id, a
 * retry with back-off, or {@code failed} with the provider's reason. A crash during the call
 * leaves the message {@code sending} and its item leased: it is sent again once the lease
 * expires, the only way a message can go out twice. A chat's messages go out in the order they
 * were queued: one waits while an earlier one to the same chat is queued or being sent. A send that
 * lost more than its rate's margin between taking its tokens and its call takes fresh ones.
 */
@Component
class SendHandler implements WorkHandler {

    private static final Logger log = LoggerFactory.getLogger(SendHandler.class);
    /**
     * How long a message waits for an earlier one to the same chat before looking again; about a
     * chat's send interval, which it would wait for anyway.
     */
    private static final Duration ORDER_WAIT = Duration.ofMillis(500);

    private static final TenantSql REQUEUE = new TenantSql("""
            UPDATE %1$smessage SET status = :status, attempts = attempts - 1, updated_at = now()
            WHERE id = :id AND status = :sending""");
    private static final TenantSql MARK_SENDING = new TenantSql("""
            UPDATE %1$smessage SET status = :status, attempts = attempts + 1, updated_at = now() WHERE id = :id""");
    /** {@link #sent}: the message, its counter, its work item; and whether receipts wait for it. */
    private static final TenantSql SENT = new TenantSql("""
            WITH sent AS (
                UPDATE %1$smessage SET status = :status, provider_message_id = :providerId, sent_at = now(),
                                       error = NULL, updated_at = now()
                WHERE id = :id
                RETURNING integration_id
            ), counted AS (
            """ + IntegrationCounters.upsert("%1$sintegration_counter",
                    "SELECT integration_id, :shard, 0, 1, now() FROM sent") + """
            ), removed AS (
                DELETE FROM public.work_item WHERE id = :item
            )
            SELECT EXISTS (SELECT 1 FROM %1$sdelivery_receipt
                           WHERE integration_id = :integration AND provider_message_id = :providerId AND NOT applied)
            """);

    private final SendReads reads;
    private final MessageRepository messages;
    private final IntegrationRepository integrations;
    private final IntegrationHandles handles;
    private final DeliveryReceipts receipts;
    private final ChannelRegistry channels;
    private final DeliveryPolicy policy;
    private final SendRateLimiter rateLimiter;
    private final ProviderCircuitBreakers breakers;
    private final WorkQueue queue;
    private final HeldWork held;
    private final TransactionTemplate tx;
    private final WorkTransactions workTx;
    private final JdbcClient relaxed;
    private final PipelineMetrics metrics;
    private final ConversationSignals signals;
    private final JdbcClient jdbc;

    SendHandler(SendReads reads, MessageRepository messages, IntegrationRepository integrations,
                IntegrationHandles handles, DeliveryReceipts receipts,
                ChannelRegistry channels, DeliveryPolicy policy, SendRateLimiter rateLimiter,
                ProviderCircuitBreakers breakers, WorkQueue queue, HeldWork held, TransactionTemplate tx,
                PipelineMetrics metrics, ConversationSignals signals, QualifiedPool qualified, WorkTransactions workTx,
                RelaxedDurability relaxed) {
        this.reads = reads;
        this.messages = messages;
        this.integrations = integrations;
        this.handles = handles;
        this.receipts = receipts;
        this.channels = channels;
        this.policy = policy;
        this.rateLimiter = rateLimiter;
        this.breakers = breakers;
        this.queue = queue;
        this.held = held;
        this.tx = tx;
        this.metrics = metrics;
        this.signals = signals;
        this.jdbc = qualified.jdbc();
        this.workTx = workTx;
        this.relaxed = relaxed.jdbc();
    }

    @Override
    public String kind() {
        return WorkKinds.SEND;
    }

    private record Attempt(ChannelProvider provider, IntegrationHandle integration, OutboundMessage message,
                           UUID conversationId) {
    }

    @Override
    public void handle(WorkItem item) {
        TenantRef tenant = TenantContext.require();
        Attempt attempt = prepare(item, tenant);
        if (attempt == null || !circuitAdmits(item, attempt)) {
            return;
        }
        long asked = System.nanoTime();
        SendRateLimiter.Admission admission = rateLimiter.admit(tenant, attempt.message().id(),
                attempt.integration().integrationId(), attempt.message().to(), attempt.provider().capabilities(),
                held.available());
        if (admission.now()) {
            go(tenant, item, attempt, asked, admission.marked());
        } else {
            breakers.release(attempt.integration().integrationId()); // asked again when its slot comes
            waitForSlot(item, attempt, admission, asked);
        }
    }

    /**
     * A send with its tokens taken for a slot a moment away is held until then on this node; one
     * without waits in the queue, without counting as an attempt, and asks again.
     */
    private void waitForSlot(WorkItem item, Attempt attempt, SendRateLimiter.Admission admission, long asked) {
        String type = attempt.integration().type();
        if (admission.taken()) {
            long slot = asked + admission.delay().toNanos();
            if (held.hold(item, admission.delay(), () -> sendHeld(TenantContext.require(), item, attempt, slot))) {
                metrics.deliveryWait(type, "rate_limit_slot");
                return;
            }
        }
        metrics.deliveryWait(type, "rate_limit");
        queue.postpone(item, Instant.now().plus(admission.delay()));
    }

    /** A held send at its slot: unless the provider's circuit opened meanwhile. */
    private void sendHeld(TenantRef tenant, WorkItem item, Attempt attempt, long slot) {
        if (circuitAdmits(item, attempt)) {
            go(tenant, item, attempt, slot, false);
        }
    }

    /**
     * Marks the message {@code sending} (unless the rate-limit statement did) and calls the
     * provider, unless the send is late for its slot (from {@code slot}).
     */
    private void go(TenantRef tenant, WorkItem item, Attempt attempt, long slot, boolean marked) {
        if (!marked) {
            markSending(tenant, item.refId());
        }
        if (late(slot, attempt)) {
            requeue(tenant, item, attempt);
            return;
        }
        UUID integrationId = attempt.integration().integrationId();
        MDC.put(WebhookIngest.INTEGRATION_LOG_KEY, integrationId.toString());
        try {
            deliver(item, attempt, integrationId);
        } finally {
            MDC.remove(WebhookIngest.INTEGRATION_LOG_KEY);
        }
    }

    private void deliver(WorkItem item, Attempt attempt, UUID integrationId) {
        long started = System.nanoTime();
        SendReceipt receipt;
        try {
            receipt = attempt.provider().send(attempt.integration(), attempt.message());
        } catch (ChannelException e) {
            breakers.failed(integrationId, Duration.ofNanos(System.nanoTime() - started), e);
            Boolean gaveUp = workTx.execute(status -> failed(item, e));
            if (Boolean.TRUE.equals(gaveUp)) {
                metrics.messages(attempt.integration().type(), "out", "failed", 1);
            }
            return;
        }
        breakers.succeeded(integrationId, Duration.ofNanos(System.nanoTime() - started));
        sent(TenantContext.require(), item, attempt, receipt);
        metrics.messages(attempt.integration().type(), "out", "sent", 1);
    }

    /**
     * Whether the provider's circuit lets a call out. Otherwise the item waits in the queue,
     * without counting as an attempt.
     */
    private boolean circuitAdmits(WorkItem item, Attempt attempt) {
        if (breakers.tryAcquire(attempt.integration().integrationId())) {
            return true;
        }
        metrics.deliveryWait(attempt.integration().type(), "circuit_open");
        queue.postpone(item, Instant.now().plus(breakers.retryDelay()));
        return false;
    }

    /**
     * Gathers what the call needs with one read, outside any transaction (most sends need no
     * other); null when there is nothing (more) to send.
     */
    private Attempt prepare(WorkItem item, TenantRef tenant) {
        SendReads.Outgoing message = reads.outgoing(tenant, item.refId()).orElse(null);
        if (message == null || message.status().settled()) {
            workTx.executeWithoutResult(status -> queue.complete(item));
            return null;
        }
        if (policy.expired(message.createdAt(), Instant.now())) {
            fail(item, "expired: not sent within " + policy.maxAge());
            return null;
        }
        StoredIntegration integration = message.integration();
        if (integration.status() == IntegrationStatus.DISABLED) {
            fail(item, "integration disabled");
            return null;
        }
        if (message.behindEarlier()) { // a chat's messages go out in the order they were queued
            metrics.deliveryWait(integration.type(), "order");
            if (!held.hold(item, ORDER_WAIT, () -> handle(item))) {
                queue.postpone(item, Instant.now().plus(ORDER_WAIT));
            }
            return null;
        }
        ChannelProvider provider = channels.require(integration.type());
        OutboundMessage outbound = ButtonFallback.apply(OutboundPayload.toOutbound(message.messageId(), message.text(),
                message.payload(), message.chatId()), provider.capabilities());
        return new Attempt(provider, handles.handle(tenant, integration), outbound, message.conversationId());
    }

    private void fail(WorkItem item, String reason) {
        workTx.executeWithoutResult(status -> finish(item, messages.findById(item.refId()).orElseThrow(), reason));
    }

    /**
     * Whether the call would leave later after its slot (when its tokens were taken, or the slot
     * they were taken for) than the rate's margin allows
     * (a loaded node paused between them): it could then reach the provider too close to the chat's
     * next send, which takes its tokens on time. One benchmark run met Telegram's 429 so.
     */
    private boolean late(long slot, Attempt attempt) {
        Duration taken = Duration.ofNanos(System.nanoTime() - slot);
        return taken.compareTo(rateLimiter.punctuality(attempt.message().to(), attempt.provider().capabilities())) > 0;
    }

    /** A late send goes back to the queue as it was, to take fresh tokens: its place is lost, not its attempt. */
    private void requeue(TenantRef tenant, WorkItem item, Attempt attempt) {
        metrics.deliveryWait(attempt.integration().type(), "late");
        breakers.release(attempt.integration().integrationId());
        relaxed.sql(REQUEUE.of(tenant))
                .param("status", MessageStatus.QUEUED.wireName())
                .param("sending", MessageStatus.SENDING.wireName())
                .param("id", item.refId())
                .update();
        queue.postpone(item, Instant.now());
    }

    /**
     * One statement, no transaction, not waiting for the disk: lost in a database crash, the
     * message only shows {@code queued} while it goes out, and its item is still leased. (A send
     * admitted at once is marked so by its rate-limit statement, {@link SendRateLimiter#admit}.)
     */
    private void markSending(TenantRef tenant, UUID messageId) {
        relaxed.sql(MARK_SENDING.of(tenant))
                .param("status", MessageStatus.SENDING.wireName())
                .param("id", messageId)
                .update();
    }

    /**
     * Records the provider's acceptance, durably, with one statement outside any transaction, on
     * the {@link QualifiedPool} (every message passes here; as a transaction of four statements it
     * was a fifth of a worker's time): the message {@code sent}, the counter, and the work item
     * removed even if our lease ran out meanwhile (the provider has it). Receipts that arrived
     * before it are applied after, in the rare case there are any.
     */
    private void sent(TenantRef tenant, WorkItem item, Attempt attempt, SendReceipt receipt) {
        UUID integrationId = attempt.integration().integrationId();
        boolean receiptsWaiting = jdbc.sql(SENT.of(tenant))
                .param("status", MessageStatus.SENT.wireName())
                .param("providerId", receipt.providerMessageId())
                .param("id", item.refId())
                .param("shard", IntegrationCounters.anyShard())
                .param("item", item.id())
                .param("integration", integrationId)
                .query(Boolean.class)
                .single();
        signals.changed(attempt.conversationId());
        if (receiptsWaiting) {
            tx.executeWithoutResult(status -> receipts.applyPending(integrationId, receipt.providerMessageId()));
        }
    }

    /** @return true when the message failed for good, false when it will be retried */
    private boolean failed(WorkItem item, ChannelException e) {
        Message message = messages.findById(item.refId()).orElseThrow();
        signals.changed(message.getConversationId());
        String reason = e.getMessage();
        if (e.retryable()) {
            Instant next = Instant.now().plus(policy.delayAfter(message.getAttempts(), e.retryAfter()));
            if (!policy.expired(message.getCreatedAt(), next)) {
                message.requeued(reason);
                queue.retry(item, next, reason);
                log.info("send retry message={} attempt={} status={} next={} reason={}", message.getId(),
                        message.getAttempts(), e.status(), next, reason);
                return false;
            }
            reason = "expired after " + message.getAttempts() + " attempts: " + reason;
        }
        finish(item, message, reason);
        if (e.kind() == ChannelException.Kind.UNAUTHORIZED) {
            integrations.findById(message.getIntegrationId()).ifPresent(i -> i.noteError(e.getMessage()));
        }
        return true;
    }

    private void finish(WorkItem item, Message message, String reason) {
        message.failed(reason);
        queue.complete(item);
        log.warn("send failed message={} integration={} attempts={} reason={}", message.getId(),
                message.getIntegrationId(), message.getAttempts(), reason);
    }
}
