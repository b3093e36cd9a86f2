package dev.switchboard.channel.telegram.webhook;

import dev.switchboard.channel.telegram.model.TgUpdate;
import dev.switchboard.core.channel.ChannelCredentials;
import dev.switchboard.core.channel.InboundEvent;
import dev.switchboard.core.channel.WebhookRejectedException;
import dev.switchboard.core.channel.WebhookRejectedException.Reason;
import dev.switchboard.core.channel.WebhookRequest;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A webhook delivery from Telegram: authenticated by the {@code X-Telegram-Bot-Api-Secret-Token}
 * header (the per-integration secret we passed to setWebhook), then one Update per body.
 */
public final class TelegramWebhook {

    public static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    public static final String SECRET_FIELD = "webhookSecret";

    private final JsonMapper json;

    public TelegramWebhook(JsonMapper json) {
        this.json = json;
    }

    public void authenticate(ChannelCredentials credentials, WebhookRequest request) {
        String presented = request.header(SECRET_HEADER).orElse(null);
        boolean valid = credentials.value(SECRET_FIELD).isPresent() && credentials.secret(SECRET_FIELD).matches(presented);
        if (!valid) {
            throw new WebhookRejectedException(Reason.UNAUTHORIZED, "missing or wrong " + SECRET_HEADER);
        }
    }

    public List<InboundEvent> parse(WebhookRequest request) {
        TgUpdate update;
        try {
            JsonNode tree = json.readTree(request.body());
            if (tree == null || !tree.isObject()) {
                throw new WebhookRejectedException(Reason.MALFORMED, "the body is not a Telegram Update");
            }
            update = TelegramUpdateReader.read(tree);
        } catch (JacksonException | TelegramUpdateReader.MalformedUpdateException e) {
            throw new WebhookRejectedException(Reason.MALFORMED, "the body is not a Telegram Update");
        }
        if (update.updateId() == null) {
            throw new WebhookRejectedException(Reason.MALFORMED, "the Update has no update_id");
        }
        return TelegramUpdateParser.toEvent(update).stream().toList();
    }
}
