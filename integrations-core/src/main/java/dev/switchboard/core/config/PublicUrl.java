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

    public URI base() {
        if (properties.publicUrl() != null) {
            return stripTrailingSlash(properties.publicUrl());
        }
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return URI.create("http://localhost:" + port);
    }

    public URI webhook(String segment, String webhookKey) {
        return URI.create(base() + "/webhooks/" + segment + "/" + webhookKey);
    }

    private static URI stripTrailingSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
    }
}
