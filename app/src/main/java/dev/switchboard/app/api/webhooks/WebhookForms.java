package dev.switchboard.app.api.webhooks;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;

/** The form parameters of an {@code application/x-www-form-urlencoded} delivery (Twilio's), in order. */
final class WebhookForms {

    private static final String FORM = "application/x-www-form-urlencoded";

    private WebhookForms() {
    }

    static Map<String, List<String>> parse(String contentType, byte[] body) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith(FORM)) {
            return Map.of();
        }
        Map<String, List<String>> form = new LinkedHashMap<>();
        UriComponentsBuilder.newInstance().query(new String(body, StandardCharsets.UTF_8)).build().getQueryParams()
                .forEach((name, values) -> form.put(decode(name), values.stream().map(WebhookForms::decode).toList()));
        return form;
    }

    private static String decode(String value) {
        return value == null ? "" : URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
