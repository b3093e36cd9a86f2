package dev.switchboard.channel.whatsapp;

import java.util.regex.Pattern;

/**
 * WhatsApp chat ids as Green API writes them: a person is {@code <international digits>@c.us}, a
 * group {@code <id>@g.us}. Conversions to and from E.164 live here so both providers agree.
 */
public final class ChatIds {

    private static final Pattern PERSONAL = Pattern.compile("^[1-9]\\d{6,14}@c\\.us$");
    private static final Pattern GROUP = Pattern.compile("^\\d{1,30}(-\\d{1,20})?@g\\.us$");

    private ChatIds() {
    }

    public static boolean isPersonal(String chatId) {
        return chatId != null && PERSONAL.matcher(chatId).matches();
    }

    public static boolean isGroup(String chatId) {
        return chatId != null && GROUP.matcher(chatId).matches();
    }

    /** {@code +79001234567} → {@code 79001234567@c.us}. */
    public static String personal(String e164) {
        return PhoneNumbers.digits(e164) + "@c.us";
    }

    /** {@code 79001234567@c.us} → {@code +79001234567}; null for anything that is not a personal chat. */
    public static String phoneOf(String chatId) {
        return isPersonal(chatId) ? "+" + chatId.substring(0, chatId.indexOf('@')) : null;
    }
}
