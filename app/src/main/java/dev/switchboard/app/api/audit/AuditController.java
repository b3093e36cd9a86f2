package dev.switchboard.app.api.audit;

import dev.switchboard.app.api.ApiTenant;
import dev.switchboard.core.audit.AuditLog;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail: the tenant's own, and the platform's for the administrator. */
@RestController
class AuditController {

    record Entries(List<AuditLog.Entry> items) {
    }

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/api/v1/audit")
    Entries tenant() {
        ApiTenant.require();
        return new Entries(audit.recent(200));
    }

    @GetMapping("/api/v1/admin/audit")
    Entries platform() {
        return new Entries(audit.recentPlatform(200));
    }
}
