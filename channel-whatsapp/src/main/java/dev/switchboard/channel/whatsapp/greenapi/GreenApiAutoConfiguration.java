package dev.switchboard.channel.whatsapp.greenapi;

import dev.switchboard.channel.whatsapp.greenapi.client.GreenApiClient;
import dev.switchboard.channel.whatsapp.greenapi.client.HttpGreenApiClient;
import dev.switchboard.channel.whatsapp.greenapi.webhook.GreenApiNotificationParser;
import dev.switchboard.channel.whatsapp.greenapi.webhook.GreenApiWebhook;
import dev.switchboard.core.channel.ChannelProvider;
import dev.switchboard.core.metrics.ProviderCalls;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** Registers the Green API channel; it shares nothing with the Twilio one but the E.164 rules. */
@AutoConfiguration
@EnableConfigurationProperties(GreenApiProperties.class)
class GreenApiAutoConfiguration {

    @Bean
    GreenApiClient greenApiClient(GreenApiProperties properties, ObjectProvider<ProviderCalls> calls) {
        return new HttpGreenApiClient(properties, calls.getIfAvailable(() -> ProviderCalls.NONE));
    }

    @Bean
    ChannelProvider greenApiChannel(GreenApiClient client, GreenApiProperties properties) {
        return new GreenApiChannel(client, new GreenApiWebhook(HttpGreenApiClient.JSON, new GreenApiNotificationParser()),
                properties);
    }
}
