package dev.switchboard.bench.peer;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.webhook.TelegramBotsWebhookApplication;
import org.telegram.telegrambots.webhook.WebhookOptions;

/**
 * The benchmark's peer: N echo bots on TelegramBots' own webhook server (Javalin, plain HTTP).
 * <pre>
 * java -jar peer.jar --port 18090 --telegram-url http://127.0.0.1:18081 \
 *     --public-url http://127.0.0.1:18090 --tokens-file tokens.txt
 * </pre>
 * Bot {@code i} (0-based line of the tokens file) is served at {@code /bot/i} and its webhook is
 * set to {@code <public-url>/bot/i}. Prints {@code peer ready <n> bots} once every bot is
 * registered, then serves until killed.
 */
public final class PeerMain {

    private PeerMain() {
    }

    public static void main(String[] args) throws IOException, TelegramApiException, InterruptedException {
        int port = 18090;
        String telegram = null;
        String publicUrl = null;
        Path tokensFile = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--telegram-url" -> telegram = args[++i];
                case "--public-url" -> publicUrl = args[++i].replaceAll("/+$", "");
                case "--tokens-file" -> tokensFile = Path.of(args[++i]);
                default -> usage("unknown argument " + args[i]);
            }
        }
        if (telegram == null || publicUrl == null || tokensFile == null) {
            usage("--telegram-url, --public-url and --tokens-file are required");
        }
        List<String> tokens = Files.readAllLines(tokensFile).stream().map(String::strip)
                .filter(line -> !line.isEmpty()).toList();
        TelegramUrl telegramUrl = telegramUrl(URI.create(telegram));

        try (TelegramBotsWebhookApplication webhookApplication =
                     new TelegramBotsWebhookApplication(WebhookOptions.builder().port(port).build())) {
            for (int i = 0; i < tokens.size(); i++) {
                // registerBot mounts POST /bot/i and then runs the bot's setWebhook.
                webhookApplication.registerBot(new EchoBot("/bot/" + i, publicUrl,
                        new OkHttpTelegramClient(tokens.get(i), telegramUrl)));
            }
            System.out.println("peer ready " + tokens.size() + " bots");
            System.out.flush();
            Thread.currentThread().join();
        }
    }

    /** The Bot API base as TelegramBots takes it: scheme, host and port. */
    private static TelegramUrl telegramUrl(URI uri) {
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        return new TelegramUrl(uri.getScheme(), uri.getHost(), port, false);
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: java -jar peer.jar [--port 18090] --telegram-url URL --public-url URL"
                + " --tokens-file FILE");
        System.exit(2);
    }
}
