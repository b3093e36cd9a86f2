package dev.switchboard.app.ui;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A channel's connect form as the browser posts it. Secret fields are sent to the provider and
 * sealed, never put back into a page; the others are shown again when the form comes back with errors.
 */
sealed interface ConnectForm {

    String type();

    String name();

    /** The fields the API calls {@code credentials}, named as the API names them. */
    Map<String, Object> credentials();

    /** What goes back into the form after a failed attempt: everything but the secrets. */
    Map<String, String> redisplay();

    /** The field beside which a refusal of the credentials as a whole is shown. */
    String secretField();

    /** The form fields a page shows for {@code type}, in order; the secret ones are password inputs. */
    static java.util.List<String> fields(String type) {
        return switch (type) {
            case "telegram" -> java.util.List.of("name", "botToken");
            case "greenapi" -> java.util.List.of("name", "idInstance", "apiTokenInstance", "apiUrl");
            case "twilio" -> java.util.List.of("name", "accountSid", "authToken", "whatsappNumber");
            default -> java.util.List.of();
        };
    }

    /** The form of a channel type from the posted fields; empty for a type the UI cannot connect. */
    static java.util.Optional<ConnectForm> from(String type, Map<String, String> p) {
        return java.util.Optional.ofNullable(switch (type) {
            case "telegram" -> new Telegram(p.get("name"), p.get("botToken"));
            case "greenapi" -> new GreenApi(p.get("name"), p.get("idInstance"), p.get("apiTokenInstance"),
                    p.get("apiUrl"));
            case "twilio" -> new Twilio(p.get("name"), p.get("accountSid"), p.get("authToken"),
                    p.get("whatsappNumber"));
            default -> null;
        });
    }

    default String nameOrDefault() {
        return name() == null || name().isBlank() ? Channels.label(type()) : name().trim();
    }

    record Telegram(String name, String botToken) implements ConnectForm {
        public String type() {
            return "telegram";
        }

        public Map<String, Object> credentials() {
            return present(Map.of(), "botToken", botToken);
        }

        public Map<String, String> redisplay() {
            return shown("name", name);
        }

        public String secretField() {
            return "botToken";
        }

        @Override
        public String toString() {
            return "Telegram[name=" + name + "]";
        }
    }

    record GreenApi(String name, String idInstance, String apiTokenInstance, String apiUrl) implements ConnectForm {
        public String type() {
            return "greenapi";
        }

        public Map<String, Object> credentials() {
            Map<String, Object> values = present(Map.of(), "idInstance", idInstance);
            values = present(values, "apiTokenInstance", apiTokenInstance);
            return present(values, "apiUrl", apiUrl);
        }

        public Map<String, String> redisplay() {
            Map<String, String> values = shown("name", name);
            values.putAll(shown("idInstance", idInstance));
            values.putAll(shown("apiUrl", apiUrl));
            return values;
        }

        public String secretField() {
            return "apiTokenInstance";
        }

        @Override
        public String toString() {
            return "GreenApi[name=" + name + ", idInstance=" + idInstance + "]";
        }
    }

    record Twilio(String name, String accountSid, String authToken, String whatsappNumber) implements ConnectForm {
        public String type() {
            return "twilio";
        }

        public Map<String, Object> credentials() {
            Map<String, Object> values = present(Map.of(), "accountSid", accountSid);
            values = present(values, "authToken", authToken);
            return present(values, "whatsappNumber", whatsappNumber);
        }

        public Map<String, String> redisplay() {
            Map<String, String> values = shown("name", name);
            values.putAll(shown("accountSid", accountSid));
            values.putAll(shown("whatsappNumber", whatsappNumber));
            return values;
        }

        public String secretField() {
            return "authToken";
        }

        @Override
        public String toString() {
            return "Twilio[name=" + name + ", accountSid=" + accountSid + "]";
        }
    }

    /** Blank fields are left out, so the provider's own "is required" message names them. */
    private static Map<String, Object> present(Map<String, Object> into, String field, String value) {
        Map<String, Object> values = new LinkedHashMap<>(into);
        if (value != null && !value.isBlank()) {
            values.put(field, value.trim());
        }
        return values;
    }

    private static Map<String, String> shown(String field, String value) {
        Map<String, String> values = new LinkedHashMap<>();
        if (value != null) {
            values.put(field, value);
        }
        return values;
    }
}
