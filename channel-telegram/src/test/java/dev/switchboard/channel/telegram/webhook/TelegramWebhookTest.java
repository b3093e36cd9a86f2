package dev.switchboard.channel.telegram.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.channel.telegram.model.TgUpdate;
import dev.switchboard.core.channel.ChannelCredentials;
import dev.switchboard.core.channel.InboundEvent;
import dev.switchboard.core.channel.InboundMessage;
import dev.switchboard.core.channel.MessageKind;
import dev.switchboard.core.channel.WebhookRejectedException;
import dev.switchboard.core.channel.WebhookRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

class TelegramWebhookTest {

    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final ChannelCredentials CREDENTIALS = ChannelCredentials.of(
            Map.of("botToken", "123:abc", "webhookSecret", "s3cr3t_-value"), Set.of("botToken", "webhookSecret"));

    private final TelegramWebhook webhook = new TelegramWebhook(JSON);

    @Test
    void textMessageCarriesSenderChatAndUpdateIdAsDedupKey() throws IOException {
        InboundMessage message = single(request(fixture("update-text.json"), "s3cr3t_-value"));

        assertThat(message.dedupKey()).isEqualTo("810000001");
        assertThat(message.chatId()).isEqualTo("5123456789");
        assertThat(message.kind()).isEqualTo(MessageKind.TEXT);
        assertThat(message.text()).isEqualTo("/start BOOKING_7QX2");
        assertThat(message.providerMessageId()).isEqualTo("42");
        assertThat(message.sender()).isEqualTo(new InboundMessage.Sender("5123456789", "Ann Kowalska", "ann", null, "ru"));
    }

    @Test
    void photoKeepsTheLargestSizeAndTheCaption() throws IOException {
        InboundMessage message = single(request(fixture("update-photo.json"), "s3cr3t_-value"));

        assertThat(message.kind()).isEqualTo(MessageKind.PHOTO);
        assertThat(message.text()).isEqualTo("our terrace");
        assertThat(message.payload()).extractingByKey("media").asString().contains("AgACAgIAAxkBAAIBsmVlarge");
    }

    @Test
    void buttonPressRepliesToTheChatOfTheMessageItWasOn() throws IOException {
        InboundMessage message = single(request(fixture("update-callback.json"), "s3cr3t_-value"));

        assertThat(message.kind()).isEqualTo(MessageKind.BUTTON);
        assertThat(message.text()).isEqualTo("bk:7QX2:ok");
        assertThat(message.chatId()).isEqualTo("-1001234567890");
        assertThat(message.sender().externalId()).isEqualTo("123456789");
        assertThat(message.payload()).containsEntry("callbackQueryId", "4382bfdwdsb323b2d9").containsEntry("messageId", "43");
    }

    @Test
    void contactLocationVoiceDocumentAreNormalizedAndUnhandledTypesDropped() throws IOException {
        List<TgUpdate> updates = Arrays.asList(JSON.readValue(fixture("update-contact-location.json"), TgUpdate[].class));
        List<InboundEvent> events = TelegramUpdateParser.toEvents(updates);

        assertThat(events).hasSize(4);
        InboundMessage contact = (InboundMessage) events.get(0);
        assertThat(contact.kind()).isEqualTo(MessageKind.CONTACT);
        assertThat(contact.sender().phone()).isEqualTo("+79001234567");
        assertThat(contact.payload().get("contact")).isEqualTo(Map.of("phone", "+79001234567", "name", "Ann K",
                "userId", 123456789L));
        InboundMessage location = (InboundMessage) events.get(1);
        assertThat(location.payload().get("location")).isEqualTo(Map.of("latitude", 55.7558, "longitude", 37.6173));
        assertThat(((InboundMessage) events.get(2)).kind()).isEqualTo(MessageKind.VOICE);
        InboundMessage document = (InboundMessage) events.get(3);
        assertThat(document.kind()).isEqualTo(MessageKind.DOCUMENT);
        assertThat(document.text()).isEqualTo("the menu");
        assertThat(document.payload().get("media").toString()).contains("menu.pdf", "application/pdf");
    }

    @Test
    void rejectsMissingOrWrongSecretAndMalformedBodies() throws IOException {
        byte[] body = fixture("update-text.json");

        assertThatThrownBy(() -> webhook.authenticate(CREDENTIALS, request(body, null)))
                .isInstanceOfSatisfying(WebhookRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(WebhookRejectedException.Reason.UNAUTHORIZED));
        assertThatThrownBy(() -> webhook.authenticate(CREDENTIALS, request(body, "s3cr3t_-valuX")))
                .isInstanceOf(WebhookRejectedException.class);
        assertThatThrownBy(() -> webhook.parse(request("{not json".getBytes(StandardCharsets.UTF_8), "s3cr3t_-value")))
                .isInstanceOfSatisfying(WebhookRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(WebhookRejectedException.Reason.MALFORMED));
        assertThatThrownBy(() -> webhook.parse(request("{\"message\":{}}".getBytes(StandardCharsets.UTF_8), "s3cr3t_-value")))
                .isInstanceOf(WebhookRejectedException.class);
    }

    private InboundMessage single(WebhookRequest request) {
        webhook.authenticate(CREDENTIALS, request);
        List<InboundEvent> events = webhook.parse(request);
        assertThat(events).hasSize(1);
        return (InboundMessage) events.get(0);
    }

    private static WebhookRequest request(byte[] body, String secret) {
        return new WebhookRequest(URI.create("https://example.com/webhooks/telegram/key"),
                secret == null ? Map.of() : Map.of("x-telegram-bot-api-secret-token", List.of(secret)), Map.of(), body);
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = TelegramWebhookTest.class.getResourceAsStream("/fixtures/telegram/" + name)) {
            return in.readAllBytes();
        }
    }
}
