package dev.switchboard.core.calendar;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The calendar providers present in this build, by integration type. */
@Component
public class CalendarProviders {

    private final List<CalendarProvider> providers;

    public CalendarProviders(List<CalendarProvider> providers) {
        this.providers = providers;
    }

    public Optional<CalendarProvider> byType(String type) {
        return providers.stream().filter(p -> p.type().equals(type)).findFirst();
    }
}
