package dev.switchboard.core.inbound;

import dev.switchboard.core.channel.DeliveryReceipt;
import dev.switchboard.core.channel.InboundEvent;
import dev.switchboard.core.channel.InboundMessage;
import dev.switchboard.core.channel.IntegrationStateChange;
import dev.switchboard.core.channel.RemoteChange;
import dev.switchboard.core.support.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * A delivery's events as an inbox row keeps them (JSON), by kind. Each kind keeps its order;
 * across kinds none is needed, since {@link InboundStore} stores a delivery's messages before
 * its other events whatever their order.
 */
record InboxEvents(List<InboundMessage> messages, List<DeliveryReceipt> receipts,
                   List<IntegrationStateChange> stateChanges, List<RemoteChange> remoteChanges) {

    static String write(List<InboundEvent> events) {
        return Json.write(new InboxEvents(
                ofKind(events, InboundMessage.class), ofKind(events, DeliveryReceipt.class),
                ofKind(events, IntegrationStateChange.class), ofKind(events, RemoteChange.class)));
    }

    static List<InboundEvent> read(String json) {
        InboxEvents stored = Json.read(json, InboxEvents.class);
        List<InboundEvent> events = new ArrayList<>();
        addAll(events, stored.messages());
        addAll(events, stored.receipts());
        addAll(events, stored.stateChanges());
        addAll(events, stored.remoteChanges());
        return events;
    }

    /** Whether there are events other than messages (which the group statement alone cannot store). */
    static boolean otherThanMessages(List<InboundEvent> events) {
        return !events.stream().allMatch(InboundMessage.class::isInstance);
    }

    private static <T extends InboundEvent> List<T> ofKind(List<InboundEvent> events, Class<T> kind) {
        return events.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    private static void addAll(List<InboundEvent> events, List<? extends InboundEvent> kind) {
        if (kind != null) {
            events.addAll(kind);
        }
    }
}
