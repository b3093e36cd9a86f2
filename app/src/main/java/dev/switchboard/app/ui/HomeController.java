package dev.switchboard.app.ui;

import dev.switchboard.app.security.Caller;
import dev.switchboard.app.security.Callers;
import dev.switchboard.core.integration.IntegrationService;
import dev.switchboard.core.tenant.TenantContext;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page (Spring Security handles its POST and {@code /logout}) and where {@code /} leads. */
@Controller
class HomeController {

    private final IntegrationService integrations;

    HomeController(IntegrationService integrations) {
        this.integrations = integrations;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    /** A tenant with no channel starts on the Channels page; the administrator on the tenant list. */
    @GetMapping("/")
    String home() {
        if (TenantContext.current().isEmpty()) {
            return Callers.current().filter(Caller.Admin.class::isInstance).isPresent()
                    ? "redirect:/admin/tenants" : "redirect:/login";
        }
        return integrations.list(0, 1).isEmpty() ? "redirect:/channels" : "redirect:/inbox";
    }
}
