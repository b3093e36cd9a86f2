package dev.switchboard.app.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** Connects a tenant's Google Calendar the way a browser does: authorize, follow the consent redirect, come back. */
public final class GoogleCalendars {

    private static final HttpClient BROWSER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private GoogleCalendars() {
    }

    /** @return the new integration's id */
    public static String connect(Api tenant, String email, String name) {
        Sandboxes.google().account(email);
        String url = tenant.post("/api/v1/integrations/google-calendar/authorize", Map.of("name", name)).text("authorizationUrl");
        try {
            String callback = get(url).headers().firstValue("Location").orElseThrow();
            String connected = get(callback).headers().firstValue("Location").orElseThrow();
            return connected.substring(connected.indexOf("connected=") + "connected=".length());
        } catch (Exception e) {
            throw new IllegalStateException("calendar connect flow failed", e);
        }
    }

    public static HttpResponse<String> get(String url) throws Exception {
        return BROWSER.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
