package dev.switchboard.app.ui;

import dev.switchboard.core.integration.Integration;
import dev.switchboard.core.integration.IntegrationDetails;
import dev.switchboard.core.integration.IntegrationStatus;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One integration on the Channels page: never a secret, only the masked hint.
 *
 * @param whatToDo         for a broken integration: what the user can do about it
 * @param account          who the provider says this is: {@code @bot_username}, a phone number, a calendar
 * @param webhookUrl       shown where the user must paste it into the provider's console (Twilio)
 * @param statusCallbackUrl Twilio's delivery-status callback, to paste as well
 */
public record ChannelCard(UUID id, String type, String typeLabel, String name, String status, String statusIcon,
                   String statusLabel, String problem, String whatToDo, String account, String mode,
                   String credentialsHint,
                   long received, long sent, Instant lastActivity, String webhookUrl, String statusCallbackUrl,
                   Instant createdAt) {

    static ChannelCard of(IntegrationDetails details) {
        Integration i = details.integration();
        Map<String, Object> remote = i.getRemoteState() == null ? Map.of() : i.getRemoteState();
        boolean broken = i.getStatus() == IntegrationStatus.ERROR
                || Boolean.FALSE.equals(remote.get("operational")) && i.getStatus() == IntegrationStatus.ACTIVE;
        String problem = i.getStatus() == IntegrationStatus.ERROR || broken ? firstNonNull(i.getLastError(),
                (String) remote.get("whatToDo"), "the provider reports a problem") : null;
        String whatToDo = broken ? firstNonNull((String) remote.get("whatToDo"), Channels.remedy(i.getType()), null)
                : null;
        boolean twilio = "twilio".equals(i.getType());
        return new ChannelCard(i.getId(), i.getType(), Channels.label(i.getType()), i.getName(),
                i.getStatus().wireName(), icon(i.getStatus()), label(i.getStatus()), problem, whatToDo,
                accountOf(i.getSettings()), (String) i.getSettings().get("mode"), i.getCredentialsHint(),
                details.totals().received(),
                details.totals().sent(), details.totals().lastActivity(),
                twilio && details.webhookUrl() != null ? details.webhookUrl().toString() : null,
                twilio ? (String) i.getSettings().get("statusCallbackUrl") : null, i.getCreatedAt());
    }

    private static String accountOf(Map<String, Object> settings) {
        if (settings.get("botUsername") instanceof String bot) {
            return "@" + bot;
        }
        for (String key : new String[] {"phone", "whatsappNumber", "calendarSummary"}) {
            if (settings.get(key) instanceof String value && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    public boolean disabled() {
        return "disabled".equals(status);
    }

    private static String icon(IntegrationStatus status) {
        return switch (status) {
            case ACTIVE -> "\u25CF";
            case PENDING -> "\u25CC";
            case ERROR -> "\u26A0";
            case DISABLED -> "\u23F8";
        };
    }

    private static String label(IntegrationStatus status) {
        return switch (status) {
            case ACTIVE -> "Active";
            case PENDING -> "Pending";
            case ERROR -> "Error";
            case DISABLED -> "Disabled";
        };
    }

    private static String firstNonNull(String a, String b, String c) {
        return a != null ? a : b != null ? b : c;
    }
}
