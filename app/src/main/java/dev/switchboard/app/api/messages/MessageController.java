package dev.switchboard.app.api.messages;

import dev.switchboard.app.api.ApiTenant;
import dev.switchboard.core.channel.OutboundMessage;
import dev.switchboard.core.conversation.Conversations;
import dev.switchboard.core.outbound.NewOutbound;
import dev.switchboard.core.outbound.OutboundMessages;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Sending a message (queued, delivered by the workers) and following its status. */
@RestController
@RequestMapping("/api/v1/messages")
class MessageController {

    record Media(@NotBlank @Pattern(regexp = "^https?://.+", message = "must be an http(s) URL") String url,
                 @Size(max = 1024) String caption, @Size(max = 255) String fileName) {
    }

    record Location(@NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
                    @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude,
                    @Size(max = 255) String name, @Size(max = 500) String address) {
    }

    record Contact(@NotBlank @Size(max = 255) String name, @NotBlank @Size(max = 32) String phone) {
    }

    record Button(@NotBlank @Size(max = 64) String id, @NotBlank @Size(max = 64) String title) {
    }

    record SendMessage(
            @NotNull UUID integrationId,
            @NotBlank @Size(max = 128) String to,
            @Size(max = 20000) String text,
            @Valid Media media,
            @Valid Location location,
            @Valid Contact contact,
            @Size(max = 12) List<@Valid Button> buttons,
            @Size(min = 1, max = 200) String idempotencyKey) {
    }

    record Queued(UUID id, String status) {
    }

    private final OutboundMessages outbound;
    private final Conversations conversations;

    MessageController(OutboundMessages outbound, Conversations conversations) {
        this.outbound = outbound;
        this.conversations = conversations;
    }

    @PostMapping
    ResponseEntity<Queued> send(@Valid @RequestBody SendMessage request) {
        ApiTenant.require();
        OutboundMessages.Accepted accepted = outbound.send(new NewOutbound(request.integrationId(), request.to(),
                request.text(),
                request.media() == null ? null : new OutboundMessage.Media(request.media().url(),
                        request.media().caption(), request.media().fileName()),
                request.location() == null ? null : new OutboundMessage.Location(request.location().latitude(),
                        request.location().longitude(), request.location().name(), request.location().address()),
                request.contact() == null ? null : new OutboundMessage.ContactCard(request.contact().name(),
                        request.contact().phone()),
                request.buttons() == null ? List.of() : request.buttons().stream()
                        .map(b -> new OutboundMessage.Button(b.id(), b.title())).toList(),
                request.idempotencyKey()));
        return ResponseEntity.status(accepted.created() ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .body(new Queued(accepted.message().getId(), accepted.message().getStatus().wireName()));
    }

    @GetMapping("/{id}")
    MessageView get(@PathVariable UUID id) {
        ApiTenant.require();
        return MessageView.of(conversations.message(id));
    }
}
