package dev.switchboard.sandbox.telegram;

/** One Bot API call being served: the calling bot, its parameters and the canonical method name. */
record CallContext(BotAccount account, TelegramParams params, String method) {
}
