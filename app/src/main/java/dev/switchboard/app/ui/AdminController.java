package dev.switchboard.app.ui;

import dev.switchboard.app.security.TenantScopeFilter;
import dev.switchboard.core.tenant.Tenant;
import dev.switchboard.core.tenant.TenantService;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's pages ({@code /admin/**} needs the administrator): every tenant, and opening
 * one, which makes the tenant pages act for it until the administrator leaves it.
 */
@Controller
@RequestMapping("/admin")
class AdminController {

    private final TenantService tenants;

    AdminController(TenantService tenants) {
        this.tenants = tenants;
    }

    @GetMapping("/tenants")
    String tenants(Model model) {
        List<Tenant> all = tenants.list(0, 500).getContent();
        model.addAttribute("tenants", all);
        return "admin/tenants";
    }

    @PostMapping("/tenants/{slug}/open")
    String open(@PathVariable String slug, HttpSession session, RedirectAttributes redirect) {
        Tenant tenant = tenants.get(slug);
        session.setAttribute(TenantScopeFilter.ACTING_TENANT, tenant.getSlug());
        redirect.addFlashAttribute("notice", "You are looking at \u201c" + tenant.getName() + "\u201d as the administrator.");
        return "redirect:/channels";
    }

    @PostMapping("/tenants/leave")
    String leave(HttpSession session) {
        session.removeAttribute(TenantScopeFilter.ACTING_TENANT);
        return "redirect:/admin/tenants";
    }
}
