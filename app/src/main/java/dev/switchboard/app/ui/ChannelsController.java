package dev.switchboard.app.ui;

import dev.switchboard.core.channel.ChannelRegistry;
import dev.switchboard.core.channel.HealthReport;
import dev.switchboard.core.channel.InvalidInputException;
import dev.switchboard.core.integration.ConnectFailedException;
import dev.switchboard.core.integration.IntegrationDetails;
import dev.switchboard.core.integration.IntegrationService;
import dev.switchboard.core.integration.NewIntegration;
import dev.switchboard.core.support.ConflictException;
import dev.switchboard.core.support.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Channels page: the tenant's integrations with their status, and the forms that connect,
 * test, disable, enable, re-key and delete them. Everything goes through {@link IntegrationService},
 * which verifies credentials with the provider before anything is stored.
 */
@Controller
@RequestMapping("/channels")
class ChannelsController {

    private static final int MAX_NAME = 100;
    private static final String CALENDAR = "google_calendar";

    private final IntegrationService integrations;
    private final ChannelRegistry channels;

    ChannelsController(IntegrationService integrations, ChannelRegistry channels) {
        this.integrations = integrations;
        this.channels = channels;
    }

    /** @param connected set by the OAuth callback (Google Calendar) when it created an integration */
    @GetMapping
    String page(@RequestParam(required = false) UUID connected, Model model) {
        UiTenant.require();
        List<ChannelCard> cards = cards();
        if (connected != null && !model.containsAttribute("notice")) {
            cards.stream().filter(c -> c.id().equals(connected)).findFirst().ifPresent(c -> model.addAttribute("notice",
                    "\u201c" + c.name() + "\u201d is connected: " + c.statusLabel().toLowerCase() + "."));
        }
        model.addAttribute("calendarAvailable", channels.byType(CALENDAR).isPresent());
        if (!model.containsAttribute("connect")) {
            model.addAttribute("connect", ConnectState.initial(cards.isEmpty()));
        }
        model.addAttribute("cards", cards);
        return "channels";
    }

    @PostMapping("/connect/{type}")
    String connect(@PathVariable String type, @RequestParam Map<String, String> params, Model model,
                   HttpServletResponse response, RedirectAttributes redirect) {
        UiTenant.require();
        ConnectForm form = ConnectForm.from(type, params).orElseThrow(() -> new NotFoundException("channel type " + type));
        FormErrors errors = checkName(form);
        if (errors.isEmpty()) {
            try {
                IntegrationDetails created = integrations.create(new NewIntegration(form.type(), form.nameOrDefault(),
                        form.credentials(), Map.of()));
                redirect.addFlashAttribute("notice", "\u201c" + created.integration().getName() + "\u201d is connected: "
                        + ChannelCard.of(created).statusLabel().toLowerCase() + ".");
                return "redirect:/channels#channel-" + created.integration().getId();
            } catch (InvalidInputException e) {
                errors = fieldErrors(form, e);
            } catch (ConnectFailedException e) {
                errors = refused(form, e);
            }
        }
        response.setStatus(422);
        model.addAttribute("connect", ConnectState.failed(form, errors));
        return page(null, model);
    }

    @PostMapping("/{id}/credentials")
    String replaceCredentials(@PathVariable UUID id, @RequestParam Map<String, String> params, Model model,
                              HttpServletResponse response, RedirectAttributes redirect) {
        UiTenant.require();
        IntegrationDetails current = integrations.get(id);
        ConnectForm form = ConnectForm.from(current.integration().getType(), params)
                .orElseThrow(() -> new NotFoundException("integration " + id));
        FormErrors errors;
        try {
            integrations.replaceCredentials(id, form.credentials());
            redirect.addFlashAttribute("notice", "New credentials for \u201c" + current.integration().getName()
                    + "\u201d were verified and saved.");
            return "redirect:/channels#channel-" + id;
        } catch (InvalidInputException e) {
            errors = fieldErrors(form, e);
        } catch (ConnectFailedException e) {
            errors = refused(form, e);
        }
        response.setStatus(422);
        model.addAttribute("connect", ConnectState.failedReplace(id, form, errors));
        return page(null, model);
    }

    @PostMapping("/{id}/test")
    String test(@PathVariable UUID id, RedirectAttributes redirect) {
        UiTenant.require();
        String name = integrations.get(id).integration().getName();
        HealthReport report = integrations.test(id);
        redirect.addFlashAttribute(report.ok() ? "notice" : "problem", (report.ok() ? "Connection test passed for \u201c"
                : "Connection test failed for \u201c") + name + "\u201d: " + report.summary());
        return "redirect:/channels#channel-" + id;
    }

    @PostMapping("/{id}/disable")
    String disable(@PathVariable UUID id, RedirectAttributes redirect) {
        UiTenant.require();
        IntegrationDetails disabled = integrations.disable(id);
        redirect.addFlashAttribute("notice", "\u201c" + disabled.integration().getName()
                + "\u201d is disabled: it neither receives nor sends until you enable it.");
        return "redirect:/channels#channel-" + id;
    }

    @PostMapping("/{id}/enable")
    String enable(@PathVariable UUID id, RedirectAttributes redirect) {
        UiTenant.require();
        try {
            IntegrationDetails enabled = integrations.enable(id);
            redirect.addFlashAttribute("notice", "\u201c" + enabled.integration().getName() + "\u201d is enabled again.");
        } catch (ConnectFailedException e) {
            redirect.addFlashAttribute("problem", "Could not enable it: " + e.getMessage());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/channels#channel-" + id;
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        UiTenant.require();
        String name = integrations.get(id).integration().getName();
        integrations.delete(id);
        redirect.addFlashAttribute("notice", "\u201c" + name + "\u201d was deleted and disconnected from the provider.");
        return "redirect:/channels";
    }

    private List<ChannelCard> cards() {
        return integrations.list(0, 200).getContent().stream().map(ChannelCard::of).toList();
    }

    private static FormErrors checkName(ConnectForm form) {
        return form.name() != null && form.name().trim().length() > MAX_NAME
                ? FormErrors.single("name", "must be at most " + MAX_NAME + " characters")
                : FormErrors.none();
    }

    /** Beside each named field; an error about the credentials as a whole beside the secret field. */
    private static FormErrors fieldErrors(ConnectForm form, InvalidInputException e) {
        return FormErrors.of(e, ConnectForm.fields(form.type()), Map.of("credentials", form.secretField()));
    }

    /** The provider said no (its reason, beside the secret) or could not be reached (at the top of the form). */
    private static FormErrors refused(ConnectForm form, ConnectFailedException e) {
        return e.rejected()
                ? FormErrors.single(form.secretField(), e.getMessage())
                : FormErrors.single(FormErrors.FORM, Channels.label(form.type())
                        + " could not be reached, nothing was saved: " + e.getMessage() + ". Try again in a minute.");
    }
}
