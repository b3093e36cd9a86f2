package dev.switchboard.sandbox.telegram;

/** answerCallbackQuery: each query id the emulator issued can be answered once, within the window. */
final class CallbackMethods {

    private static final int MAX_TEXT_LENGTH = 200;
    private static final int MAX_CACHE_TIME = 30 * 24 * 60 * 60;

    private final TelegramState state;
    private final EmulatorSettings settings;

    CallbackMethods(TelegramState state, EmulatorSettings settings) {
        this.state = state;
        this.settings = settings;
    }

    void register(MethodTable methods) {
        methods.add("answerCallbackQuery", this::answer);
    }

    private ApiResult answer(CallContext call) {
        TelegramParams params = call.params();
        String id = params.string("callback_query_id").map(String::trim).orElse("");
        if (!state.callbacks.answerable(call.account().id(), id, state.clock.now(), settings.callbackAnswerWindow)) {
            throw ApiException.badRequest("query is too old and response timeout expired or query ID is invalid");
        }
        String text = params.string("text").orElse(null);
        if (text != null && text.codePointCount(0, text.length()) > MAX_TEXT_LENGTH) {
            throw ApiException.badRequest("MESSAGE_TOO_LONG");
        }
        state.callbacks.consume(id);
        call.account().journal.answered.add(new AnsweredCallback(id, text, params.flag("show_alert"),
                params.string("url").orElse(null), params.intValue("cache_time", 0, 0, MAX_CACHE_TIME),
                state.clock.now()));
        return ApiResult.ok();
    }
}
