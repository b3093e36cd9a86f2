package dev.switchboard.channel.whatsapp.greenapi;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code switchboard.greenapi.*}. Green API assigns hosts per instance, so the base URLs an
 * integration uses are part of its credentials ({@code apiUrl}, {@code mediaUrl}); these are only
 * the defaults for credentials that name none.
 *
 * @param defaultApiUrl   the API host of credentials without {@code apiUrl}
 * @param defaultMediaUrl the media host of credentials without either URL
 * @param connectTimeout  TCP connect timeout of every call
 * @param requestTimeout  answer timeout of every call (file sends take up to 20 s at Green API);
 *                        receiveNotification adds its long-poll time
 */
@ConfigurationProperties("switchboard.greenapi")
public record GreenApiProperties(
        @DefaultValue("https://api.green-api.com") URI defaultApiUrl,
        @DefaultValue("https://media.green-api.com") URI defaultMediaUrl,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("30s") Duration requestTimeout) {
}
