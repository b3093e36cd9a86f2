package dev.switchboard.app.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.queue.WorkDispatcher;
import dev.switchboard.sandbox.telegram.SentMessage;
import dev.switchboard.sandbox.telegram.TgUser;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * When several of a tenant's messages wait, a worker takes them together: they are triaged and
 * answered in shared transactions, and each is still answered exactly once.
 */
class InboundGroupsIT extends TelegramIT {

    private static final int MESSAGES = 40;
    /** One message each: a chat's later messages wait for its earlier ones, which the next test checks. */
    private static final int GUESTS = MESSAGES;

    @Autowired
    private WorkDispatcher dispatcher;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private MeterRegistry registry;

    @Test
    void waitingMessagesOfATenantAreAnsweredTogetherEachOnce() {
        Connected connected = connectEchoBot("groups", "webhook");
        String token = connected.bot().token();
        List<TgUser> guests = java.util.stream.IntStream.range(0, GUESTS)
                .mapToObj(i -> telegram.user(5_300_000_000L + i, "Guest" + i, "grouped" + i, "en")).toList();
        String waiting = "SELECT count(*) FROM public.work_item WHERE tenant_id = '" + connected.tenant().id() + "'::uuid";

        DistributionSummary groups = registry.summary("switchboard.work.groups", "kind", "inbound");
        long groupsBefore = groups.count();
        double itemsBefore = groups.totalAmount();

        dispatcher.stop(); // the messages pile up, as they do behind a busy node's workers
        try {
            for (int i = 0; i < MESSAGES; i++) {
                telegram.injectText(token, guests.get(i % GUESTS), "grouped " + i);
            }
            eventually(() -> assertThat(count(waiting)).isEqualTo(MESSAGES));
        } finally {
            dispatcher.start();
        }

        eventually(() -> assertThat(count(waiting)).isZero());
        eventually(() -> assertThat(replies(token, guests)).hasSize(MESSAGES));
        assertThat(replies(token, guests)).allSatisfy((text, times) -> assertThat(times).as(text).isEqualTo(1));
        // most messages were finished inside groups, several to a group (the first claim hands the
        // oldest to every idle worker; the first workers to ask for more take the rest)
        double finishedInGroups = groups.totalAmount() - itemsBefore;
        long groupsTaken = groups.count() - groupsBefore;
        System.out.printf("inbound groups: %d groups finished %.0f of %d messages%n", groupsTaken, finishedInGroups, MESSAGES);
        assertThat(finishedInGroups).isGreaterThanOrEqualTo(MESSAGES / 2.0);
        assertThat(finishedInGroups / groupsTaken).isGreaterThanOrEqualTo(4);
    }

    /** On a node with an idle worker, a stored message's work item is written leased to it and handed over: no claim. */
    @Test
    void aMessageStoredWhileAWorkerIsIdleIsHandedToItWithoutAClaim() {
        Connected connected = connectEchoBot("handed_over", "webhook");
        TgUser guest = telegram.user(5_330_000_000L, "Guest", "handed", "en");
        Counter handedOver = registry.counter("switchboard.work.handed.over", "kind", "inbound");
        double before = handedOver.count();

        telegram.injectText(connected.bot().token(), guest, "handed over");

        eventually(() -> assertThat(telegram.sentMessages(connected.bot().token(), guest.id()))
                .extracting(SentMessage::text).containsExactly("handed over"));
        assertThat(handedOver.count() - before).isEqualTo(1);
    }

    /**
     * Messages of one chat that wait together are claimed by several workers at once (the first claim
     * hands the oldest to every idle worker, the groups that follow interleave the chats): the
     * replies still go out in the order the messages came.
     */
    @Test
    void aChatsMessagesAreAnsweredInTheOrderTheyCame() {
        Connected connected = connectEchoBot("in_order", "webhook");
        String token = connected.bot().token();
        List<TgUser> guests = java.util.stream.IntStream.range(0, 4)
                .mapToObj(i -> telegram.user(5_320_000_000L + i, "Guest" + i, "ordered" + i, "en")).toList();
        int perGuest = 6;
        String waiting = "SELECT count(*) FROM public.work_item WHERE tenant_id = '" + connected.tenant().id() + "'::uuid";

        dispatcher.stop();
        try {
            for (int i = 0; i < perGuest; i++) {
                for (TgUser guest : guests) {
                    telegram.injectText(token, guest, guest.username() + " " + i);
                }
            }
            eventually(() -> assertThat(count(waiting)).isEqualTo(perGuest * guests.size()));
        } finally {
            dispatcher.start();
        }

        for (TgUser guest : guests) {
            List<String> expected = java.util.stream.IntStream.range(0, perGuest)
                    .mapToObj(i -> guest.username() + " " + i).toList();
            eventually(() -> assertThat(telegram.sentMessages(token, guest.id())).hasSize(perGuest));
            assertThat(telegram.sentMessages(token, guest.id())).extracting(SentMessage::text)
                    .containsExactlyElementsOf(expected);
        }
    }

    @Test
    void aSlowAgentsMessagesEachGetAWorkerOfTheirOwn() {
        Connected connected = connectEchoBot("slow_agent", "webhook");
        assertThat(connected.tenant().api().put("/api/v1/agent", Map.of("kind", "faq")).status()).isEqualTo(200);
        String token = connected.bot().token();
        List<TgUser> guests = java.util.stream.IntStream.range(0, 12)
                .mapToObj(i -> telegram.user(5_310_000_000L + i, "Guest" + i, "single" + i, "en")).toList();
        String waiting = "SELECT count(*) FROM public.work_item WHERE tenant_id = '" + connected.tenant().id() + "'::uuid";
        DistributionSummary groups = registry.summary("switchboard.work.groups", "kind", "inbound");
        long groupsBefore = groups.count();

        dispatcher.stop();
        try {
            guests.forEach(guest -> telegram.injectText(token, guest, "what time is breakfast?"));
            eventually(() -> assertThat(count(waiting)).isEqualTo(guests.size()));
        } finally {
            dispatcher.start();
        }

        // the faq agent is not immediate: each message is answered on its own, once
        eventually(() -> assertThat(count(waiting)).isZero());
        eventually(() -> assertThat(guests).allSatisfy(guest ->
                assertThat(telegram.sentMessages(token, guest.id())).hasSize(1)));
        assertThat(groups.count() - groupsBefore).isZero();
    }

    private Map<String, Long> replies(String token, List<TgUser> guests) {
        return guests.stream().flatMap(guest -> telegram.sentMessages(token, guest.id()).stream())
                .map(SentMessage::text).filter(text -> text.startsWith("grouped "))
                .collect(Collectors.groupingBy(text -> text, Collectors.counting()));
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
