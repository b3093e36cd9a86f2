package dev.switchboard.app.agent;

import dev.switchboard.sandbox.openai.OpenAiEmulator;

/** The OpenAI-compatible emulator, one per test JVM, shared by the agent tests (each resets it). */
final class OpenAi {

    private static OpenAiEmulator emulator;

    private OpenAi() {
    }

    static synchronized OpenAiEmulator emulator() {
        if (emulator == null) {
            emulator = OpenAiEmulator.start();
            Runtime.getRuntime().addShutdownHook(new Thread(emulator::close));
        }
        return emulator;
    }
}
