package dev.switchboard.app.ui;

import dev.switchboard.app.demo.DemoMode;
import dev.switchboard.app.security.Caller;
import dev.switchboard.app.security.Callers;
import dev.switchboard.core.support.NotFoundException;
import dev.switchboard.core.tenant.TenantContext;
import dev.switchboard.core.tenant.TenantService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * What every page needs (who is looking, the CSRF header for htmx) and how the pages fail: a
 * missing object — including one of another tenant — is the 404 page, never a stack trace.
 * Ordered before the API's handler, which would answer JSON.
 */
@ControllerAdvice(basePackages = {"dev.switchboard.app.ui", "dev.switchboard.app.demo"})
@Order(Ordered.HIGHEST_PRECEDENCE)
class UiAdvice {

    private static final Logger log = LoggerFactory.getLogger(UiAdvice.class);

    private final TenantService tenants;
    private final boolean demo;

    UiAdvice(TenantService tenants, Environment environment) {
        this.tenants = tenants;
        this.demo = DemoMode.active(environment);
    }

    @ModelAttribute("viewer")
    Viewer viewer() {
        Optional<Caller> caller = Callers.current();
        if (caller.isEmpty()) {
            return null;
        }
        String email = SecurityContextHolder.getContext().getAuthentication().getName();
        boolean admin = caller.get() instanceof Caller.Admin;
        // only the administrator's banner names the tenant: a tenant user's pages need no lookup
        return TenantContext.current()
                .map(t -> new Viewer(email, admin, t.slug(), admin ? tenants.get(t.slug()).getName() : null, demo))
                .orElse(new Viewer(email, admin, null, null, demo));
    }

    /** htmx sends it with every request ({@code hx-headers} on the body): no inline script needed. */
    @ModelAttribute("csrfHeaders")
    String csrfHeaders(CsrfToken token) {
        return token == null ? "{}" : "{\"" + token.getHeaderName() + "\": \"" + token.getToken() + "\"}";
    }

    @ExceptionHandler({NotFoundException.class, MethodArgumentTypeMismatchException.class})
    String notFound(Exception e, HttpServletRequest request, HttpServletResponse response, Model model) {
        return error(request, response, model, 404, "Not found",
                "This page does not exist, or it belongs to another account.");
    }

    @ExceptionHandler(UiTenant.NoTenantChosenException.class)
    String chooseTenant() {
        return "redirect:/admin/tenants";
    }

    /** A live stream whose page went away: nothing to answer, nobody to answer to. */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void streamClosed() {
        // the browser closed the connection (page left or reloaded)
    }

    @ExceptionHandler(Exception.class)
    String unexpected(Exception e, HttpServletRequest request, HttpServletResponse response, Model model) {
        if (e instanceof ErrorResponse framework) {
            // a request Spring MVC could not map: wrong method, missing parameter, unreadable form
            int status = framework.getStatusCode().value();
            return error(request, response, model, status, status == 404 ? "Not found" : "This request cannot be handled",
                    status == 404 ? "This page does not exist." : "Go back and try again.");
        }
        log.error("web UI request failed", e);
        return error(request, response, model, 500, "Something went wrong",
                "The error was logged. Go back and try again; if it keeps happening, tell your administrator.");
    }

    private String error(HttpServletRequest request, HttpServletResponse response, Model model, int status,
                         String title, String message) {
        response.setStatus(status);
        model.addAttribute("viewer", viewer());
        model.addAttribute("csrfHeaders", csrfHeaders((CsrfToken) request.getAttribute(CsrfToken.class.getName())));
        model.addAttribute("status", status);
        model.addAttribute("title", title);
        model.addAttribute("message", message);
        return "error";
    }
}
