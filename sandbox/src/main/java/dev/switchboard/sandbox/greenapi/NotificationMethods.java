package dev.switchboard.sandbox.greenapi;

import dev.switchboard.sandbox.http.Json;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * HTTP API notifications: receiveNotification long-polls for the oldest undeleted notification
 * ({@code {"receiptId", "body"}}, or {@code null} after receiveTimeout seconds, 5-60, default 5),
 * and keeps answering it until deleteNotification/{receiptId} removes it. Both answer 400 while a
 * webhookUrl is set, as notifications then go there.
 */
final class NotificationMethods {

    private final GreenState state;
    private final Notifier notifier;

    NotificationMethods(GreenState state, Notifier notifier) {
        this.state = state;
        this.notifier = notifier;
    }

    void register(MethodTable table) {
        table.add("receiveNotification", "GET", this::receive)
                .addWithExtra("deleteNotification", "DELETE", this::delete);
    }

    private JsonNode receive(MethodCall call) {
        InstanceAccount account = call.account();
        requireHttpApi(account);
        Duration timeout = timeout(call);
        long nanos = timeout.toNanos();
        while (true) {
            if (!state.isCurrent(account) || !account.settings.webhookUrl().isEmpty()) {
                return NullNode.getInstance();
            }
            notifier.expire(account);
            PendingNotification head = account.notifications.peekFirst();
            if (head != null) {
                var answer = Json.object().put("receiptId", head.receiptId());
                answer.set("body", head.body().deepCopy());
                return answer;
            }
            if (nanos <= 0) {
                return NullNode.getInstance();
            }
            nanos = state.awaitChange(nanos);
        }
    }

    private JsonNode delete(MethodCall call) {
        InstanceAccount account = call.account();
        requireHttpApi(account);
        String receipt = call.extra();
        if (receipt == null || !receipt.matches("\\d{1,18}")) {
            throw GreenErrors.badRequest("Parameter receiptId must be a Number!");
        }
        long receiptId = Long.parseLong(receipt);
        boolean removed = account.notifications.removeIf(n -> n.receiptId() == receiptId);
        return Json.object().put("result", removed);
    }

    private Duration timeout(MethodCall call) {
        String raw = call.request().query().text("receiveTimeout").orElse("5");
        if (!raw.matches("\\d{1,3}") || Integer.parseInt(raw) < 5 || Integer.parseInt(raw) > 60) {
            throw GreenErrors.validation("'receiveTimeout' must be an integer from 5 to 60");
        }
        Duration timeout = Duration.ofSeconds(Integer.parseInt(raw));
        Duration cap = state.switches.receiveTimeoutCap;
        return cap != null && cap.compareTo(timeout) < 0 ? cap : timeout;
    }

    private static void requireHttpApi(InstanceAccount account) {
        if (!account.settings.webhookUrl().isEmpty()) {
            throw GreenErrors.badRequest("Message cannot be received because custom webhook url is set. Go to cabinet, "
                    + "clear webhook url for instance: " + account.id()
                    + " and wait for about 1 minute for another attempt");
        }
    }
}
