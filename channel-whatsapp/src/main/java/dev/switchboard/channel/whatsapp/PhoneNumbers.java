package dev.switchboard.channel.whatsapp;

import dev.switchboard.core.channel.InvalidInputException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one phone number normalizer of both WhatsApp providers: anything a person may type for an
 * international number ({@code +7 900 123-45-67}, {@code whatsapp:+79001234567}, a personal chat id
 * {@code 79001234567@c.us}) becomes E.164 ({@code +79001234567}); anything else is refused with a
 * reason. A number without {@code +} is refused on purpose: it may be a national number, and a
 * guessed country code would send the message to a stranger.
 */
public final class PhoneNumbers {

    /** E.164: a country code that does not start with 0, at most 15 digits in all. */
    private static final Pattern E164 = Pattern.compile("^\\+[1-9]\\d{6,14}$");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s().\\-\\u00a0]");
    private static final String WHATSAPP_PREFIX = "whatsapp:";

    static final String EXPECTED = "must be an international phone number in E.164 form, like +79001234567, "
            + "or a WhatsApp chat id, like 79001234567@c.us";

    private PhoneNumbers() {
    }

    /** The E.164 form of {@code raw}, or empty when it is not a phone number of one of the accepted forms. */
    public static Optional<String> e164(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String text = raw.trim();
        if (text.regionMatches(true, 0, WHATSAPP_PREFIX, 0, WHATSAPP_PREFIX.length())) {
            text = text.substring(WHATSAPP_PREFIX.length()).trim();
        }
        if (ChatIds.isPersonal(text)) {
            text = "+" + text.substring(0, text.indexOf('@'));
        }
        String compact = SEPARATORS.matcher(text).replaceAll("");
        return E164.matcher(compact).matches() ? Optional.of(compact) : Optional.empty();
    }

    /**
     * The E.164 form of a user-supplied number.
     *
     * @throws InvalidInputException naming {@code field} when it is not a phone number
     */
    public static String require(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            throw InvalidInputException.of(field, "must not be blank: " + EXPECTED);
        }
        return e164(raw).orElseThrow(() -> InvalidInputException.of(field, EXPECTED));
    }

    /** The digits of an E.164 number, without the {@code +}. */
    public static String digits(String e164) {
        return e164.startsWith("+") ? e164.substring(1) : e164;
    }
}
