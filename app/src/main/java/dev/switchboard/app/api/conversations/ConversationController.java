package dev.switchboard.app.api.conversations;

import dev.switchboard.app.api.ApiTenant;
import dev.switchboard.app.api.PageResponse;
import dev.switchboard.app.api.messages.MessageView;
import dev.switchboard.core.conversation.Conversation;
import dev.switchboard.core.conversation.Conversations;
import dev.switchboard.core.outbound.OutboundMessages;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Conversations across the tenant's channels, newest first; a person's reply; bot/human hand-off. */
@RestController
@RequestMapping("/api/v1/conversations")
class ConversationController {

    record ConversationView(UUID id, UUID integrationId, UUID contactId, String chatId, String mode,
                            Instant lastMessageAt, Instant createdAt) {
        static ConversationView of(Conversation c) {
            return new ConversationView(c.getId(), c.getIntegrationId(), c.getContactId(), c.getChatId(), c.getMode(),
                    c.getLastMessageAt(), c.getCreatedAt());
        }
    }

    record Reply(@NotBlank @Size(max = 20000) String text) {
    }

    record HandOff(@NotBlank String mode) {
    }

    record Queued(UUID id, String status) {
    }

    private final Conversations conversations;
    private final OutboundMessages outbound;

    ConversationController(Conversations conversations, OutboundMessages outbound) {
        this.conversations = conversations;
        this.outbound = outbound;
    }

    @GetMapping
    PageResponse<ConversationView> list(@RequestParam(required = false) UUID integrationId,
                                        @RequestParam(required = false) @Size(max = 200) String q,
                                        @RequestParam(defaultValue = "0") @Min(0) int page,
                                        @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        ApiTenant.require();
        return PageResponse.of(conversations.search(integrationId, q, page, size), ConversationView::of);
    }

    @GetMapping("/{id}")
    ConversationView get(@PathVariable UUID id) {
        ApiTenant.require();
        return ConversationView.of(conversations.conversation(id));
    }

    @GetMapping("/{id}/messages")
    PageResponse<MessageView> messages(@PathVariable UUID id,
                                       @RequestParam(defaultValue = "0") @Min(0) int page,
                                       @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        ApiTenant.require();
        return PageResponse.of(conversations.messages(id, page, size), MessageView::of);
    }

    @PostMapping("/{id}/messages")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Queued reply(@PathVariable UUID id, @Valid @RequestBody Reply request) {
        ApiTenant.require();
        OutboundMessages.Accepted accepted = outbound.reply(id, request.text());
        return new Queued(accepted.message().getId(), accepted.message().getStatus().wireName());
    }

    @PostMapping("/{id}/handoff")
    ConversationView handOff(@PathVariable UUID id, @Valid @RequestBody HandOff request) {
        ApiTenant.require();
        return ConversationView.of(conversations.handOff(id, request.mode()));
    }
}
