package dev.switchboard.channel.calendar;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code switchboard.google.*} ({@code SWITCHBOARD_GOOGLE_*}).
 *
 * @param clientId        the OAuth client; unset: connecting a calendar answers 503 with the reason
 * @param authUrl         Google's authorization endpoint
 * @param tokenUrl        Google's token endpoint
 * @param revokeUrl       Google's revocation endpoint
 * @param calendarUrl     the Calendar API root (ends with {@code /}; the client adds {@code calendar/v3/})
 * @param channelLifetime how long a push channel is asked to live (Google may shorten it)
 * @param renewBefore     reconcile opens a new channel when the current one expires sooner than this
 */
@ConfigurationProperties("switchboard.google")
public record GoogleCalendarProperties(
        String clientId,
        String clientSecret,
        @DefaultValue("https://accounts.google.com/o/oauth2/v2/auth") URI authUrl,
        @DefaultValue("https://oauth2.googleapis.com/token") URI tokenUrl,
        @DefaultValue("https://oauth2.googleapis.com/revoke") URI revokeUrl,
        @DefaultValue("https://www.googleapis.com/") URI calendarUrl,
        @DefaultValue("https://www.googleapis.com/auth/calendar") List<String> scopes,
        @DefaultValue("7d") Duration channelLifetime,
        @DefaultValue("36h") Duration renewBefore,
        @DefaultValue("20s") Duration timeout) {

    boolean configured() {
        return clientId != null && !clientId.isBlank() && clientSecret != null && !clientSecret.isBlank();
    }

    @Override
    public String toString() {
        return "GoogleCalendarProperties[clientId=" + clientId + ", authUrl=" + authUrl + ", tokenUrl=" + tokenUrl
                + ", calendarUrl=" + calendarUrl + "]";
    }
}
