package dev.switchboard.app.api.conversations;

import dev.switchboard.app.api.ApiTenant;
import dev.switchboard.app.api.PageResponse;
import dev.switchboard.core.conversation.Contact;
import dev.switchboard.core.conversation.Conversations;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The people who write to the tenant. */
@RestController
@RequestMapping("/api/v1/contacts")
class ContactController {

    record ContactView(UUID id, UUID integrationId, String externalId, String displayName, String username,
                       String phone, String language, Instant createdAt) {
        static ContactView of(Contact c) {
            return new ContactView(c.getId(), c.getIntegrationId(), c.getExternalId(), c.getDisplayName(),
                    c.getUsername(), c.getPhone(), c.getLanguage(), c.getCreatedAt());
        }
    }

    private final Conversations conversations;

    ContactController(Conversations conversations) {
        this.conversations = conversations;
    }

    @GetMapping
    PageResponse<ContactView> list(@RequestParam(defaultValue = "0") @Min(0) int page,
                                   @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        ApiTenant.require();
        return PageResponse.of(conversations.contacts(page, size), ContactView::of);
    }

    @GetMapping("/{id}")
    ContactView get(@PathVariable UUID id) {
        ApiTenant.require();
        return ContactView.of(conversations.contact(id));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void erase(@PathVariable UUID id) {
        ApiTenant.require();
        conversations.erase(id);
    }
}
