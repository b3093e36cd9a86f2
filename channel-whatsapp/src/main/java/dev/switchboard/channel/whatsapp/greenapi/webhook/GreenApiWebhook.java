package dev.switchboard.channel.whatsapp.greenapi.webhook;

import dev.switchboard.channel.whatsapp.greenapi.model.GreenNotification;
import dev.switchboard.core.channel.InboundEvent;
import dev.switchboard.core.channel.WebhookRejectedException;
import dev.switchboard.core.channel.WebhookRejectedException.Reason;
import dev.switchboard.core.channel.WebhookRequest;
import dev.switchboard.core.vault.Secret;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A notification Green API pushed to our webhook URL. It is authenticated by the
 * {@code webhookUrlToken} we set through setSettings, which Green API sends in the
 * {@code Authorization} header — as {@code Bearer <token>} or bare (both are seen; both are
 * accepted, compared in constant time) — and by the instance it names, which must be ours.
 */
public final class GreenApiWebhook {

    private static final String BEARER = "Bearer ";

    private final JsonMapper json;
    private final GreenApiNotificationParser parser;

    public GreenApiWebhook(JsonMapper json, GreenApiNotificationParser parser) {
        this.json = json;
        this.parser = parser;
    }

    /** @param token null when the integration has none (then nothing is accepted) */
    public void authenticate(Secret token, long idInstance, WebhookRequest request) {
        String presented = request.header("Authorization").map(String::trim).orElse(null);
        if (presented != null && presented.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            presented = presented.substring(BEARER.length()).trim();
        }
        if (token == null || !token.matches(presented)) {
            throw new WebhookRejectedException(Reason.UNAUTHORIZED, "missing or wrong webhook token");
        }
        Long named = instanceOf(request);
        if (named != null && named != idInstance) {
            throw new WebhookRejectedException(Reason.UNAUTHORIZED, "the notification is of another instance");
        }
    }

    public List<InboundEvent> parse(WebhookRequest request) {
        return parser.parse(read(request.body()));
    }

    /** A notification fetched with receiveNotification (already authenticated by our own call). */
    public List<InboundEvent> parse(JsonNode body) {
        try {
            GreenNotification notification = json.treeToValue(body, GreenNotification.class);
            if (notification == null) {
                throw new WebhookRejectedException(Reason.MALFORMED, "the body is not a Green API notification");
            }
            return parser.parse(notification);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new WebhookRejectedException(Reason.MALFORMED, "the body is not a Green API notification");
        }
    }

    private GreenNotification read(byte[] body) {
        try {
            GreenNotification notification = json.readValue(body, GreenNotification.class);
            if (notification == null) {
                throw new WebhookRejectedException(Reason.MALFORMED, "the body is not a Green API notification");
            }
            return notification;
        } catch (JacksonException e) {
            throw new WebhookRejectedException(Reason.MALFORMED, "the body is not a Green API notification");
        }
    }

    /** The {@code instanceData.idInstance} of the body; null when unreadable (parsing then refuses it). */
    private Long instanceOf(WebhookRequest request) {
        try {
            JsonNode id = json.readTree(request.body()).path("instanceData").path("idInstance");
            return id.canConvertToLong() ? id.asLong() : null;
        } catch (JacksonException e) {
            return null;
        }
    }
}
