package dev.switchboard.sandbox.google;

import java.time.Instant;

/**
 * A notification channel opened with events.watch.
 *
 * @param calendarId the watched calendar's real id (an email for primary calendars)
 * @param expiration after possible shortening to the emulator's maximum lifetime
 * @param active     not stopped and not expired at the emulator's clock
 */
public record Channel(String id, String resourceId, String resourceUri, String account, String calendarId,
        String address, String token, Instant expiration, boolean active) {

    /** The token is what receivers verify notifications with: masked here. */
    @Override
    public String toString() {
        return "Channel[id=" + id + ", resourceId=" + resourceId + ", account=" + account + ", calendarId="
                + calendarId + ", address=" + address + ", token=" + Ids.mask(token) + ", expiration=" + expiration
                + ", active=" + active + "]";
    }
}
