package dev.switchboard.sandbox.telegram;

/** A Bot API method. Runs with the state lock held; throws {@link ApiException} for Telegram errors. */
@FunctionalInterface
interface ApiMethod {

    ApiResult invoke(CallContext call);
}
