package dev.switchboard.channel.calendar.sync;

import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.EventDateTime;
import com.google.api.services.calendar.model.Events;
import dev.switchboard.channel.calendar.client.GoogleCalendarClient;
import dev.switchboard.core.channel.ChannelException;
import dev.switchboard.core.vault.Secret;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Incremental sync: list with the stored sync token (deleted events come back as cancelled),
 * page by page, keep the new token from the last page. Without a token, or when Google answers
 * 410 (the token expired), the cache is dropped and a full sync starts over.
 */
public class CalendarSync {

    private static final Logger log = LoggerFactory.getLogger(CalendarSync.class);

    private final GoogleCalendarClient client;
    private final CalendarSyncStore store;

    public CalendarSync(GoogleCalendarClient client, CalendarSyncStore store) {
        this.client = client;
        this.store = store;
    }

    public void synchronize(UUID integrationId, Secret refreshToken, String calendarId) throws ChannelException {
        Optional<String> token = store.syncToken(integrationId, calendarId);
        if (token.isPresent()) {
            try {
                pages(integrationId, refreshToken, calendarId, token.get());
                return;
            } catch (ChannelException e) {
                if (e.status() != 410) {
                    throw e;
                }
                log.info("calendar sync token expired integration={}: full sync", integrationId);
            }
        }
        store.clear(integrationId, calendarId);
        pages(integrationId, refreshToken, calendarId, null);
    }

    private void pages(UUID integrationId, Secret refreshToken, String calendarId, String syncToken)
            throws ChannelException {
        String pageToken = null;
        do {
            String page = pageToken;
            Events events = client.call(integrationId, refreshToken, "events.list", calendar -> {
                var list = calendar.events().list(calendarId).setMaxResults(250).setPageToken(page);
                return syncToken == null ? list.execute() : list.setSyncToken(syncToken).execute();
            });
            if (events.getItems() != null) {
                for (Event event : events.getItems()) {
                    store.upsert(integrationId, calendarId, new CalendarSyncStore.SyncedEvent(event.getId(),
                            event.getStatus() == null ? "confirmed" : event.getStatus(), event.getSummary(),
                            instant(event.getStart()), instant(event.getEnd()),
                            event.getUpdated() == null ? null : Instant.ofEpochMilli(event.getUpdated().getValue())));
                }
            }
            pageToken = events.getNextPageToken();
            if (pageToken == null && events.getNextSyncToken() != null) {
                store.saveSyncToken(integrationId, calendarId, events.getNextSyncToken(), syncToken == null);
            }
        } while (pageToken != null);
    }

    static Instant instant(EventDateTime time) {
        if (time == null) {
            return null;
        }
        if (time.getDateTime() != null) {
            return Instant.ofEpochMilli(time.getDateTime().getValue());
        }
        return time.getDate() == null ? null : Instant.ofEpochMilli(time.getDate().getValue());
    }
}
