package dev.switchboard.bench;

import java.util.List;

/**
 * End to end: 500 bots and 5,000 chats; guests write through the emulator at a steady rate, the
 * emulator delivers each update to the bot's webhook, the echo agent answers and the reply is
 * sent back to the emulator, which enforces Telegram's limits (1/s per chat, 30/s per bot).
 * Latency is inbound-stored → sent, from the stored timestamps. A first pass of the same load,
 * not reported, warms the server's JIT and pools as the ingest benchmark's warm-up does: measured
 * cold, a third of the server's CPU went to the JIT compiler threads.
 */
final class EndToEndBenchmark {

    static final int TENANTS = 50;
    static final long FIRST_CHAT = 8_000_000_000L;
    /** The offered load lasts this long: long enough to see a steady state, short enough to drain. */
    static final int E2E_SECONDS = 10;

    private final Run run;

    EndToEndBenchmark(Run run) {
        this.run = run;
    }

    /** @return the connected bots, their guests greeted: the peer comparison reuses them */
    List<Provisioner.ConnectedBot> execute() throws Exception {
        Options options = run.options();
        run.telegram().enforceRateLimits(1.0, 20, 30.0);
        List<Provisioner.ConnectedBot> bots = run.provisioner().connect("e2e", TENANTS, options.e2eBots(), "echo");
        List<String> schemas = Database.schemas("e2e", TENANTS);
        List<Chats.Chat> chats = Chats.open(run.telegram(), bots, FIRST_CHAT, options.e2eChatsPerBot());
        Chats.awaitEchoes(run.telegram(), bots, Chats.GREETING, chats.size());
        run.awaitIdleQueue();

        int total = options.e2eRate() * E2E_SECONDS;
        inject(chats, "e2e-warmup", total);
        awaitReplies(schemas, "e2e-warmup", total);

        String tag = "e2e-" + options.e2eRate();
        double injectSeconds = inject(chats, tag, total);
        Database.Replies replies = awaitReplies(schemas, tag, total);
        long tooManyRequests = bots.stream().flatMap(b -> run.telegram().calls(b.bot().token()).stream())
                .filter(call -> call.status() == 429).count();

        run.report().section("End to end (" + bots.size() + " bots, " + chats.size() + " chats, echo agent, "
                + "emulator enforcing 1/s per chat and 30/s per bot)");
        run.report().table(List.of("offered msg/s", "messages", "sent", "failed", "sent msg/s", "p50 ms", "p99 ms",
                "429s from the emulator"), List.of(List.of(Integer.toString(options.e2eRate()), Integer.toString(total),
                Long.toString(replies.sent()), Long.toString(replies.failed()),
                Report.f0(replies.sent() / Math.max(replies.seconds(), injectSeconds)), Report.f1(replies.p50Millis()),
                Report.f1(replies.p99Millis()), Long.toString(tooManyRequests))));
        run.report().line("");
        run.report().line("Offered load injected in " + Report.f1(injectSeconds) + " s; sent msg/s = replies sent /"
                + " (last sent − first stored). Latency = sent_at − inbound created_at (the ingest transaction).");
        return bots;
    }

    /** Guests write {@code total} messages at the offered rate, round the chats; returns the seconds it took. */
    private double inject(List<Chats.Chat> chats, String tag, int total) {
        int rate = run.options().e2eRate();
        long started = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = started + (long) (i * 1e9 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Pause.millis(wait / 1_000_000);
            }
            Chats.Chat chat = chats.get(i % chats.size());
            run.telegram().injectText(chat.bot().bot().token(), chat.guest(), tag + " " + i);
        }
        return (System.nanoTime() - started) / 1e9;
    }

    /**
     * Waits until the work queue is empty (every message answered and every reply sent or
     * failed), then asks once: the question joins every tenant's messages and is too costly to
     * poll while the run is measured.
     */
    private Database.Replies awaitReplies(List<String> schemas, String tag, long expected) throws Exception {
        Pause.millis(2_000); // the emulator is still delivering the last updates
        run.awaitIdleQueue();
        Database.Replies replies = run.db().replies(schemas, tag);
        if (replies.sent() + replies.failed() < expected) {
            System.out.printf("%s: %d of %d replies sent%n", tag, replies.sent(), expected);
        }
        return replies;
    }
}
