package dev.switchboard.sandbox.telegram;

/** The Bot API methods the emulator implements; any other method answers 404 as Telegram does. */
final class TelegramMethods {

    private TelegramMethods() {
    }

    static MethodTable create(TelegramState state, EmulatorSettings settings, WebhookMethods webhooks,
            MediaFactory media) {
        Outbox outbox = new Outbox(state);
        MethodTable methods = new MethodTable();
        new AccountMethods().register(methods);
        webhooks.register(methods);
        methods.add("getUpdates", new GetUpdatesMethod(state));
        new MessageMethods(outbox).register(methods);
        new MediaMethods(state, outbox, media).register(methods);
        new EditMethods(state, outbox).register(methods);
        new CallbackMethods(state, settings).register(methods);
        return methods;
    }
}
