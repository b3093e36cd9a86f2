package dev.switchboard.app.api.settings;

import dev.switchboard.app.api.ApiTenant;
import dev.switchboard.core.retention.Retention;
import jakarta.validation.constraints.NotNull;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The tenant's settings: how long its messages are kept. */
@RestController
@RequestMapping("/api/v1/settings")
class SettingsController {

    record Settings(@NotNull Integer retentionDays) {
    }

    private final Retention retention;

    SettingsController(Retention retention) {
        this.retention = retention;
    }

    @GetMapping
    Settings get() {
        ApiTenant.require();
        return new Settings(retention.days());
    }

    @PutMapping
    Settings put(@jakarta.validation.Valid @RequestBody Settings settings) {
        ApiTenant.require();
        retention.setDays(settings.retentionDays());
        return new Settings(retention.days());
    }
}
