package dev.switchboard.channel.calendar;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.JsonFactory;
import com.google.api.client.json.gson.GsonFactory;
import dev.switchboard.channel.calendar.client.GoogleCalendarClient;
import dev.switchboard.channel.calendar.oauth.AccessTokens;
import dev.switchboard.channel.calendar.oauth.GoogleOAuth;
import dev.switchboard.channel.calendar.sync.CalendarSync;
import dev.switchboard.channel.calendar.sync.CalendarSyncStore;
import dev.switchboard.core.metrics.ProviderCalls;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Registers Google Calendar: a channel (push webhooks, lifecycle), a calendar provider and an OAuth connector. */
@AutoConfiguration
@EnableConfigurationProperties(GoogleCalendarProperties.class)
class GoogleCalendarAutoConfiguration {

    @Bean
    CalendarSyncStore calendarSyncStore(JdbcClient jdbc) {
        return new CalendarSyncStore(jdbc);
    }

    @Bean
    GoogleCalendarIntegration googleCalendarIntegration(GoogleCalendarProperties properties, CalendarSyncStore store,
                                                        ObjectProvider<ProviderCalls> calls) {
        HttpTransport transport = new NetHttpTransport();
        JsonFactory json = GsonFactory.getDefaultInstance();
        Clock clock = Clock.systemUTC();
        GoogleOAuth oauth = new GoogleOAuth(properties, transport, json);
        AccessTokens tokens = new AccessTokens(oauth, clock);
        GoogleCalendarClient client = new GoogleCalendarClient(properties, transport, json, tokens,
                calls.getIfAvailable(() -> ProviderCalls.NONE));
        return new GoogleCalendarIntegration(properties, oauth, tokens, client, new CalendarSync(client, store), clock);
    }
}
