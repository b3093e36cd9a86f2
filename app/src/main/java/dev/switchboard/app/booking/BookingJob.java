package dev.switchboard.app.booking;

import dev.switchboard.app.booking.BookingModel.Booking;
import dev.switchboard.app.booking.BookingModel.Client;
import dev.switchboard.app.booking.BookingModel.Manager;
import dev.switchboard.app.booking.BookingModel.Status;
import dev.switchboard.app.booking.BookingModel.Venue;
import dev.switchboard.core.tenant.TenantContext;
import dev.switchboard.core.tenant.TenantDirectory;
import dev.switchboard.core.tenant.TenantRef;
import java.time.Duration;
import java.time.Instant;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.quartz.QuartzJobBean;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every minute, once across the cluster: reminds the managers, once, of bookings left pending too
 * long; and when a manager's notification failed (Twilio's 63016 outside the 24-hour window, a
 * blocked bot), records it in the booking's history and reaches the manager another way if any.
 */
@DisallowConcurrentExecution
class BookingJob extends QuartzJobBean {

    private static final Logger log = LoggerFactory.getLogger(BookingJob.class);

    private final TenantDirectory tenants;
    private final BookingStore store;
    private final BookingNotifications notifications;
    private final BookingMessages messages;
    private final TransactionTemplate tx;
    private final Duration remindAfter;

    BookingJob(TenantDirectory tenants, BookingStore store, BookingNotifications notifications, BookingMessages messages,
               TransactionTemplate tx, @Value("${switchboard.bookings.remind-after:30m}") Duration remindAfter) {
        this.tenants = tenants;
        this.store = store;
        this.notifications = notifications;
        this.messages = messages;
        this.tx = tx;
        this.remindAfter = remindAfter;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        for (TenantRef tenant : tenants.all()) {
            try (TenantContext.Scope scope = TenantContext.enter(tenant)) {
                tx.executeWithoutResult(status -> {
                    remind();
                    fallBack();
                });
            } catch (RuntimeException e) {
                log.warn("booking job skipped tenant={}: {}", tenant.slug(), e.toString());
            }
        }
    }

    private void remind() {
        for (Booking booking : store.pendingUnreminded(Instant.now().minus(remindAfter))) {
            if (store.markReminded(booking.id())) {
                Venue venue = store.venue(booking.venueId()).orElseThrow();
                notifications.toManagers(venue, messages.text(venue.managerLanguage(), "manager.reminder", booking.code()), null);
                log.info("booking reminder sent booking={}", booking.id());
            }
        }
    }

    private void fallBack() {
        for (BookingStore.FailedNotice failed : store.failedNotices()) {
            store.fallbackDone(failed.id());
            Booking booking = store.booking(failed.bookingId()).orElse(null);
            if (booking == null) {
                continue;
            }
            store.history(booking.id(), booking.status(), booking.status(), "system",
                    "manager notification failed: " + failed.error());
            if (booking.status() != Status.PENDING) {
                continue;
            }
            Venue venue = store.venue(booking.venueId()).orElseThrow();
            Manager manager = store.managers(venue.id()).stream().filter(m -> m.id().equals(failed.managerId()))
                    .findFirst().orElse(null);
            Client client = booking.clientId() == null ? null : store.clientById(booking.clientId()).orElse(null);
            if (manager != null && notifications.request(venue, booking, client, manager, failed.integrationId())) {
                log.info("booking notification fell back to another channel booking={} manager={}", booking.id(), manager.id());
            }
        }
    }
}
