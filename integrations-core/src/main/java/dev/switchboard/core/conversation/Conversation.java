package dev.switchboard.core.conversation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One chat on one integration. {@code mode} says whether the agent answers (bot) or a person does (human). */
@Entity
@Table(name = "conversation")
public class Conversation {

    public static final String BOT = "bot";
    public static final String HUMAN = "human";

    @Id
    private UUID id;
    @Column(name = "integration_id")
    private UUID integrationId;
    @Column(name = "contact_id")
    private UUID contactId;
    @Column(name = "chat_id")
    private String chatId;
    private String mode;
    @Column(name = "last_message_at")
    private Instant lastMessageAt;
    @Column(name = "created_at")
    private Instant createdAt;

    protected Conversation() {
    }

    public void switchTo(String newMode) {
        this.mode = newMode;
    }

    public UUID getId() {
        return id;
    }

    public UUID getIntegrationId() {
        return integrationId;
    }

    public UUID getContactId() {
        return contactId;
    }

    public String getChatId() {
        return chatId;
    }

    public String getMode() {
        return mode;
    }

    public Instant getLastMessageAt() {
        return lastMessageAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
