package dev.switchboard.bench;

import dev.switchboard.sandbox.telegram.Bot;
import dev.switchboard.sandbox.telegram.SentMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The same echo workload against Switchboard and against the peer — a minimal bot on the
 * TelegramBots library's webhook server ({@code bench/peer}) that stores nothing: wrk posts
 * distinct updates at 64 connections to 500 bots × 10 chats; the figure is echo replies the
 * emulator received per second. The emulator's flood limits are off here (the peer has none of
 * its own; Switchboard keeps its limits of 1/s per chat and 30/s per bot).
 */
final class PeerBenchmark {

    private static final int CONNECTIONS = 64;
    private static final int WARMUP_SECONDS = 10;
    /** The warm-up's update ids start this far below the measured run's, so the two never share one. */
    private static final long WARMUP_UPDATE_IDS = 50_000_000L;
    private static final long PEER_FIRST_CHAT = 9_000_000_000L;

    private final Run run;

    PeerBenchmark(Run run) {
        this.run = run;
    }

    /** One side's figures. */
    private record Side(String name, Wrk.Result wrk, long replies, double repliesPerSecond) {
    }

    void execute(List<Provisioner.ConnectedBot> switchboardBots) throws Exception {
        Options options = run.options();
        run.telegram().disableRateLimits();
        Wrk wrk = new Wrk(options);
        Side switchboard = measure("Switchboard (stores every message)", switchboardBots, EndToEndBenchmark.FIRST_CHAT,
                wrk, "peer-sb", 600_000_000L);
        run.awaitIdleQueue();

        List<Bot> peerBots = new ArrayList<>();
        for (int i = 0; i < switchboardBots.size(); i++) {
            peerBots.add(run.telegram().createBot("peerbot" + i));
        }
        Path tokens = Files.createTempFile("bench-peer-tokens-", ".txt");
        Files.write(tokens, peerBots.stream().map(Bot::token).toList());
        int port = 18090;
        Process peer = new ProcessBuilder(options.serverJava().toString(), "-Xmx2g", "-jar", options.peerJar().toString(),
                "--port", Integer.toString(port), "--telegram-url", run.telegram().baseUrl(),
                "--public-url", "http://127.0.0.1:" + port, "--tokens-file", tokens.toString())
                .redirectErrorStream(true).redirectOutput(run.logs().resolve("peer.log").toFile()).start();
        try {
            awaitPeerReady(peer, run.logs().resolve("peer.log"));
            List<Provisioner.ConnectedBot> connected = new ArrayList<>();
            for (Bot bot : peerBots) {
                String url = run.telegram().webhookInfo(bot.token()).url();
                connected.add(new Provisioner.ConnectedBot("peer", bot, url.substring(url.indexOf('/', "http://".length())),
                        run.telegram().webhookInfo(bot.token()).secret()));
            }
            Chats.open(run.telegram(), connected, PEER_FIRST_CHAT, options.e2eChatsPerBot());
            Chats.awaitEchoes(run.telegram(), connected, Chats.GREETING, (long) connected.size() * options.e2eChatsPerBot());
            Side peerSide = measure("TelegramBots 9.5.0 webhook bot (stores nothing)", connected, PEER_FIRST_CHAT, wrk,
                    "peer-tb", 700_000_000L);
            report(switchboard, peerSide);
        } finally {
            peer.destroy();
            peer.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private Side measure(String name, List<Provisioner.ConnectedBot> bots, long firstChat, Wrk wrk, String tag,
                         long firstUpdateId) throws Exception {
        Path targets = Wrk.targets(bots, firstChat, run.options().e2eChatsPerBot());
        // a warm-up pass, not reported, for either server: the peer starts cold, Switchboard after the other runs
        Wrk.Result warmup = wrk.run(baseUrlOf(bots.get(0)), targets, tag + "-warmup",
                firstUpdateId - WARMUP_UPDATE_IDS, CONNECTIONS, WARMUP_SECONDS);
        Chats.awaitEchoes(run.telegram(), bots, tag + "-warmup", warmup.ok());
        if (!isPeer(bots.get(0))) {
            run.awaitIdleQueue();
        }
        Instant started = Instant.now();
        Wrk.Result result = wrk.run(baseUrlOf(bots.get(0)), targets, tag, firstUpdateId, CONNECTIONS,
                run.options().seconds());
        List<SentMessage> echoes = Chats.awaitEchoes(run.telegram(), bots, tag, result.ok());
        Instant last = echoes.stream().map(SentMessage::at).max(Instant::compareTo).orElse(Instant.now());
        double seconds = Duration.between(started, last).toMillis() / 1000.0;
        return new Side(name, result, echoes.size(), echoes.size() / seconds);
    }

    private String baseUrlOf(Provisioner.ConnectedBot bot) {
        return isPeer(bot) ? "http://127.0.0.1:18090" : run.server().baseUrl();
    }

    private static boolean isPeer(Provisioner.ConnectedBot bot) {
        return bot.tenantSlug().equals("peer");
    }

    private void report(Side switchboard, Side peer) {
        List<List<String>> rows = new ArrayList<>();
        for (Side side : List.of(switchboard, peer)) {
            rows.add(List.of(side.name(), Report.f0(side.wrk().okPerSecond()), Report.f1(side.wrk().p50()),
                    Report.f1(side.wrk().p99()), Long.toString(side.replies()), Report.f0(side.repliesPerSecond())));
        }
        run.report().section("Switchboard and the peer (echo, wrk " + CONNECTIONS + " connections, "
                + run.options().seconds() + " s)");
        run.report().table(List.of("server", "webhooks/s", "p50 ms", "p99 ms", "echoes sent", "echoes/s"), rows);
        run.report().line("");
        run.report().line("Switchboard / peer: webhooks " + Report.f2(switchboard.wrk().okPerSecond()
                / peer.wrk().okPerSecond()) + "×, echoes " + Report.f2(switchboard.repliesPerSecond()
                / peer.repliesPerSecond()) + "×.");
    }

    private static void awaitPeerReady(Process peer, Path log) throws IOException {
        for (int i = 0; i < 600; i++) {
            if (!peer.isAlive()) {
                throw new IllegalStateException("the peer exited; see " + log);
            }
            if (Files.exists(log) && Files.readString(log).contains("peer ready")) {
                return;
            }
            Pause.millis(200);
        }
        throw new IllegalStateException("the peer was not ready in 2 minutes; see " + log);
    }
}
