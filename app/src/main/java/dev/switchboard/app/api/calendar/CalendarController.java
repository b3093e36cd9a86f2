package dev.switchboard.app.api.calendar;

import dev.switchboard.app.api.ApiTenant;
import dev.switchboard.app.api.ProviderFailureException;
import dev.switchboard.core.calendar.CalendarProvider;
import dev.switchboard.core.calendar.CalendarProvider.BusyPeriod;
import dev.switchboard.core.calendar.CalendarProvider.CalendarEvent;
import dev.switchboard.core.calendar.CalendarProvider.EventDraft;
import dev.switchboard.core.calendar.CalendarProviders;
import dev.switchboard.core.channel.ChannelException;
import dev.switchboard.core.channel.IntegrationHandle;
import dev.switchboard.core.channel.InvalidInputException;
import dev.switchboard.core.integration.IntegrationService;
import dev.switchboard.core.lifecycle.IntegrationLifecycle;
import dev.switchboard.core.support.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A connected calendar's events and free/busy. Writes take a caller's key: the same key always
 * names the same event, so a retried create never makes two.
 */
@RestController
@RequestMapping("/api/v1/integrations/{id}/calendar")
class CalendarController {

    private static final Duration MAX_RANGE = Duration.ofDays(366);

    record NewEvent(@NotBlank @Size(max = 200) String key, @NotBlank @Size(max = 500) String summary,
                    @Size(max = 5000) String description, @NotNull OffsetDateTime start, @NotNull OffsetDateTime end,
                    @Size(max = 64) String timeZone) {
    }

    record Range(@NotNull OffsetDateTime from, @NotNull OffsetDateTime to) {
    }

    record Events(List<CalendarEvent> items) {
    }

    record FreeBusy(Instant from, Instant to, List<BusyPeriod> busy) {
    }

    private final IntegrationService integrations;
    private final CalendarProviders calendars;
    private final IntegrationLifecycle lifecycle;

    CalendarController(IntegrationService integrations, CalendarProviders calendars, IntegrationLifecycle lifecycle) {
        this.integrations = integrations;
        this.calendars = calendars;
        this.lifecycle = lifecycle;
    }

    @GetMapping("/events")
    Events events(@PathVariable UUID id, @RequestParam OffsetDateTime from, @RequestParam OffsetDateTime to) {
        Instant start = from.toInstant();
        Instant end = checked(start, to.toInstant());
        return new Events(call(id, (provider, handle) -> provider.events(handle, start, end)));
    }

    @PostMapping("/events")
    @ResponseStatus(HttpStatus.CREATED)
    CalendarEvent create(@PathVariable UUID id, @Valid @RequestBody NewEvent event) {
        Instant start = event.start().toInstant();
        Instant end = checked(start, event.end().toInstant());
        return call(id, (provider, handle) -> provider.upsert(handle, event.key(),
                new EventDraft(event.summary(), event.description(), start, end, event.timeZone())));
    }

    @PutMapping("/events/{key}")
    CalendarEvent update(@PathVariable UUID id, @PathVariable String key, @Valid @RequestBody NewEvent event) {
        Instant start = event.start().toInstant();
        Instant end = checked(start, event.end().toInstant());
        return call(id, (provider, handle) -> provider.upsert(handle, key,
                new EventDraft(event.summary(), event.description(), start, end, event.timeZone())));
    }

    @DeleteMapping("/events/{key}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void cancel(@PathVariable UUID id, @PathVariable String key) {
        call(id, (provider, handle) -> {
            provider.cancel(handle, key);
            return null;
        });
    }

    @PostMapping("/freebusy")
    FreeBusy freeBusy(@PathVariable UUID id, @Valid @RequestBody Range range) {
        Instant start = range.from().toInstant();
        Instant end = checked(start, range.to().toInstant());
        return new FreeBusy(start, end, call(id, (provider, handle) -> provider.freeBusy(handle, start, end)));
    }

    private interface CalendarCall<T> {
        T run(CalendarProvider provider, IntegrationHandle handle) throws ChannelException;
    }

    /** Calls the provider; refused credentials also turn the integration {@code error} and tell the tenant. */
    private <T> T call(UUID integrationId, CalendarCall<T> call) {
        ApiTenant.require();
        IntegrationHandle handle = integrations.handle(integrationId);
        CalendarProvider provider = calendars.byType(handle.type())
                .orElseThrow(() -> new NotFoundException("calendar " + integrationId));
        try {
            return call.run(provider, handle);
        } catch (ChannelException e) {
            if (e.kind() == ChannelException.Kind.UNAUTHORIZED) {
                lifecycle.refused(integrationId, e);
            }
            throw new ProviderFailureException(e);
        }
    }

    private static Instant checked(Instant start, Instant end) {
        if (!end.isAfter(start)) {
            throw InvalidInputException.of("to", "must be after the start");
        }
        if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
            throw InvalidInputException.of("to", "the range may span at most a year");
        }
        return end;
    }
}
