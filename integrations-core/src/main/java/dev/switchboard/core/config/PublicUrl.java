package dev.switchboard.core.config;

import java.net.URI;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The base URL providers call back. Resolved at use, because the default depends on the port
 * the server actually bound.
 */
@Component
public class PublicUrl {

    private final SwitchboardProperties properties;
    private final Environment environment;

    public PublicUrl(SwitchboardProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    /** Every webhook asks: kept once it can no longer change (configured, or the port is bound). */
    private volatile URI resolved;

    public URI base() {
        URI known = resolved;
        if (known != null) {
            return known;
        }
        if (properties.publicUrl() != null) {
            resolved = stripTrailingSlash(properties.publicUrl());
            return resolved;
        }
        String bound = environment.getProperty("local.server.port");
        URI base = URI.create("http://localhost:" + (bound != null ? bound : environment.getProperty("server.port", "8080")));
        if (bound != null) {
            resolved = base;
        }
        return base;
    }

    public URI webhook(String segment, String webhookKey) {
        return URI.create(base() + "/webhooks/" + segment + "/" + webhookKey);
    }

    private static URI stripTrailingSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
    }
}
