package dev.switchboard.sandbox;

import dev.switchboard.sandbox.telegram.Bot;
import dev.switchboard.sandbox.telegram.TelegramEmulator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the Telegram emulator as a process:
 * {@code SandboxMain [--port 8081] [--bot name[:token]]... [--insecure-webhooks]}.
 * Prints the base URL and each bot's token, then serves until killed.
 */
public final class SandboxMain {

    private SandboxMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = 8081;
        boolean insecureWebhooks = false;
        List<String> bots = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--bot" -> bots.add(args[++i]);
                case "--insecure-webhooks" -> insecureWebhooks = true;
                default -> {
                    System.err.println("usage: SandboxMain [--port N] [--bot name[:token]]... [--insecure-webhooks]");
                    System.exit(2);
                }
            }
        }
        TelegramEmulator telegram = TelegramEmulator.start(port);
        telegram.allowInsecureWebhooks(insecureWebhooks);
        System.out.println("telegram " + telegram.baseUrl());
        for (String spec : bots) {
            int colon = spec.indexOf(':');
            Bot bot = colon < 0 ? telegram.createBot(spec)
                    : telegram.createBot(spec.substring(0, colon), spec.substring(colon + 1));
            // Printing the token is the point here: a local, fake bot the caller needs to address.
            System.out.println("bot " + bot.username() + " " + bot.token());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(telegram::close));
        new CountDownLatch(1).await();
    }
}
