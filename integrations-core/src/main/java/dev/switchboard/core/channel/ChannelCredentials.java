package dev.switchboard.core.channel;

import dev.switchboard.core.vault.Secret;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An integration's credentials: named string values, some of them secret. Stored only sealed;
 * {@link #toString()} names the fields and shows no value.
 */
public final class ChannelCredentials {

    private final Map<String, String> values;
    private final Set<String> secretFields;

    private ChannelCredentials(Map<String, String> values, Set<String> secretFields) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.secretFields = Set.copyOf(secretFields);
    }

    public static ChannelCredentials of(Map<String, String> values, Set<String> secretFields) {
        return new ChannelCredentials(values, secretFields);
    }

    public Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public String required(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalStateException("credentials lack " + name);
        }
        return value;
    }

    public Secret secret(String name) {
        return Secret.of(required(name));
    }

    public ChannelCredentials with(String name, String value, boolean secret) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.put(name, value);
        Set<String> secrets = new java.util.HashSet<>(secretFields);
        if (secret) {
            secrets.add(name);
        }
        return new ChannelCredentials(copy, secrets);
    }

    /** All values, for sealing. Never log or return this. */
    public Map<String, String> toSealable() {
        return values;
    }

    public Set<String> secretFields() {
        return secretFields;
    }

    @Override
    public String toString() {
        return "ChannelCredentials" + values.keySet();
    }
}
