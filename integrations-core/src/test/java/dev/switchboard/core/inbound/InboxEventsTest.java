package dev.switchboard.core.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.channel.DeliveryReceipt;
import dev.switchboard.core.channel.InboundEvent;
import dev.switchboard.core.channel.InboundMessage;
import dev.switchboard.core.channel.IntegrationStateChange;
import dev.switchboard.core.channel.MessageKind;
import dev.switchboard.core.channel.RemoteChange;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A delivery's events read back from their inbox row exactly as they were written, every kind,
 * with nulls, nested payloads and their number types: the inbox mover stores what it reads.
 */
class InboxEventsTest {

    private static final Instant SENT = Instant.parse("2026-11-27T03:45:12.345678Z");

    @Test
    void everyKindOfEventReadsBackAsWritten() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("latitude", 41.3874);
        payload.put("count", 3);
        payload.put("big", 12_345_678_901L);
        payload.put("flag", true);
        payload.put("none", null);
        payload.put("code", "007");
        payload.put("empty", List.of());
        payload.put("sizes", List.of(Map.of("file_id", "p1", "width", 90), Map.of("file_id", "p2", "width", 320)));
        List<InboundEvent> events = List.of(
                new InboundMessage("update-1", "-100123", new InboundMessage.Sender("42", "Ana Pérez", "ana", "+34600", "es"),
                        MessageKind.LOCATION, "aquí", payload, "77", SENT),
                new InboundMessage("update-2", "42", null, MessageKind.TEXT, null, null, null, null),
                new InboundMessage("update-3", "42", new InboundMessage.Sender("42", null, null, null, null),
                        MessageKind.BUTTON, "confirm:9", Map.of(), "78", SENT),
                new DeliveryReceipt("receipt-1", "77", DeliveryReceipt.Status.READ, null, SENT),
                new IntegrationStateChange("state-1", "authorized", true, "back", SENT),
                new RemoteChange("change-1"));

        String row = InboxEvents.write(events);

        assertThat(InboxEvents.read(row)).isEqualTo(events);
    }

    @Test
    void aDeliveryWithoutEventsReadsBackEmpty() {
        assertThat(InboxEvents.read(InboxEvents.write(List.of()))).isEmpty();
    }
}
