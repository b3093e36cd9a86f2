package dev.switchboard.app.ui;

import dev.switchboard.core.channel.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Errors to show beside the fields of one form, keyed by the form's field name. The services name
 * fields by the API's dotted path ({@code credentials.botToken}); the form field is its last part.
 * What belongs to no field of the form is shown at the top of the form ({@link #FORM}).
 */
public final class FormErrors {

    static final String FORM = "_form";

    private final Map<String, String> byField = new LinkedHashMap<>();

    static FormErrors none() {
        return new FormErrors();
    }

    /** @param aliases paths that name no single form field but belong beside one, e.g. {@code credentials} */
    static FormErrors of(InvalidInputException e, List<String> fields, Map<String, String> aliases) {
        FormErrors errors = new FormErrors();
        e.errors().forEach(error -> errors.add(aliases.containsKey(error.field()) ? aliases.get(error.field())
                : fieldOf(error.field(), fields), error.message()));
        return errors;
    }

    static FormErrors single(String field, String message) {
        FormErrors errors = new FormErrors();
        errors.add(field, message);
        return errors;
    }

    private static String fieldOf(String path, List<String> fields) {
        String last = path == null ? "" : path.substring(path.lastIndexOf('.') + 1);
        return fields.contains(last) ? last : FORM;
    }

    FormErrors add(String field, String message) {
        byField.merge(field, message, (a, b) -> a + "; " + b);
        return this;
    }

    /** Used by the templates: {@code errors.get('botToken')}. */
    public String get(String field) {
        return byField.get(field);
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }
}
