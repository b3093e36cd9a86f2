package dev.switchboard.app.api.notifications;

import dev.switchboard.app.api.ApiTenant;
import dev.switchboard.core.notify.NotificationRecipient;
import dev.switchboard.core.notify.NotificationSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Where the tenant is told about hand-offs, broken integrations and alerts. */
@RestController
@RequestMapping("/api/v1/notifications")
class NotificationController {

    record Recipients(@NotNull @Size(max = 50) List<NotificationRecipient> recipients) {
    }

    private final NotificationSettings settings;

    NotificationController(NotificationSettings settings) {
        this.settings = settings;
    }

    @GetMapping
    Recipients get() {
        ApiTenant.require();
        return new Recipients(settings.recipients());
    }

    @PutMapping
    Recipients put(@Valid @RequestBody Recipients request) {
        ApiTenant.require();
        return new Recipients(settings.replace(request.recipients()));
    }
}
