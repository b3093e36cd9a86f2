package dev.switchboard.sandbox.greenapi;

import dev.switchboard.sandbox.http.Json;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** getStateInstance, getSettings, setSettings, reboot, logout, qr and checkWhatsapp. */
final class AccountMethods {

    private final GreenState state;
    private final StateMachine states;
    private final WebhookPusher pusher;

    AccountMethods(GreenState state, StateMachine states, WebhookPusher pusher) {
        this.state = state;
        this.states = states;
        this.pusher = pusher;
    }

    void register(MethodTable table) {
        table.add("getStateInstance", "GET", call -> Json.object().put("stateInstance", call.account().state))
                .add("getSettings", "GET", call -> call.account().settings.json())
                .add("setSettings", "POST", this::setSettings)
                .add("reboot", "GET", this::reboot)
                .add("logout", "GET", this::logout)
                .add("qr", "GET", this::qr)
                .add("checkWhatsapp", "POST", this::checkWhatsapp);
    }

    /** Applies any subset at once (Green API: within minutes) and restarts the instance. */
    private JsonNode setSettings(MethodCall call) {
        Body body = Body.parse(call.request(), Set.copyOf(allSettingNames()));
        InstanceAccount account = call.account();
        account.settings.apply(body.json());
        states.restart(account, states.settledState(account));
        state.signalChange();
        pusher.wake(account);
        return Json.object().put("saveSettings", true);
    }

    private JsonNode reboot(MethodCall call) {
        InstanceAccount account = call.account();
        String settled = states.settledState(account);
        String target = switch (settled) {
            case InstanceStates.NOT_AUTHORIZED, InstanceStates.BLOCKED -> settled;
            default -> InstanceStates.AUTHORIZED;
        };
        states.restart(account, target);
        return Json.object().put("isReboot", true);
    }

    private JsonNode logout(MethodCall call) {
        states.set(call.account(), InstanceStates.NOT_AUTHORIZED);
        return Json.object().put("isLogout", true);
    }

    private JsonNode qr(MethodCall call) {
        if (call.account().authorized()) {
            return Json.object().put("type", "alreadyLogged").put("message", "instance account already authorized");
        }
        return Json.object().put("type", "qrCode")
                .put("message", java.util.Base64.getEncoder().encodeToString(FileStore.synthetic("qr.png", "qr")));
    }

    private JsonNode checkWhatsapp(MethodCall call) {
        Body body = Body.parse(call.request(), Set.of("phoneNumber"));
        long phone = body.requiredInteger("phoneNumber");
        InstanceStates.requireSession(call.account().state);
        return Json.object().put("existsWhatsapp", state.whatsAppUsers.contains(Long.toString(phone)));
    }

    private static java.util.List<String> allSettingNames() {
        java.util.List<String> names = new java.util.ArrayList<>(InstanceSettings.SWITCHES);
        names.addAll(java.util.List.of("webhookUrl", "webhookUrlToken", "delaySendMessagesMilliseconds",
                "sharedSession"));
        return names;
    }
}
