package dev.switchboard.app.ui;

import java.util.Map;
import java.util.UUID;

/**
 * The state of the Channels page's forms: which connect form is open, what it showed, and the
 * errors beside its fields; or which integration's "replace credentials" form failed.
 *
 * @param open    the connect form to show expanded (a channel type), or null
 * @param replace the integration whose replace-credentials form has the errors, or null
 */
public record ConnectState(String open, UUID replace, Map<String, String> values, FormErrors errors) {

    static ConnectState initial(boolean nothingConnected) {
        return new ConnectState(nothingConnected ? "telegram" : null, null, Map.of(), FormErrors.none());
    }

    static ConnectState failed(ConnectForm form, FormErrors errors) {
        return new ConnectState(form.type(), null, form.redisplay(), errors);
    }

    static ConnectState failedReplace(UUID integrationId, ConnectForm form, FormErrors errors) {
        return new ConnectState(null, integrationId, form.redisplay(), errors);
    }

    public boolean isOpen(String type) {
        return type.equals(open);
    }

    public String value(String type, String field) {
        return isOpen(type) ? values.get(field) : null;
    }

    public String error(String type, String field) {
        return isOpen(type) ? errors.get(field) : null;
    }

    public String replaceError(UUID integrationId, String field) {
        return integrationId.equals(replace) ? errors.get(field) : null;
    }
}
