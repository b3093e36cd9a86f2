package dev.switchboard.channel.whatsapp.twilio;

import dev.switchboard.channel.whatsapp.twilio.client.HttpTwilioClient;
import dev.switchboard.channel.whatsapp.twilio.client.TwilioClient;
import dev.switchboard.channel.whatsapp.twilio.webhook.TwilioWebhook;
import dev.switchboard.core.channel.ChannelProvider;
import dev.switchboard.core.metrics.ProviderCalls;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** Registers the Twilio WhatsApp channel; it shares nothing with the Green API one but the E.164 rules. */
@AutoConfiguration
@EnableConfigurationProperties(TwilioProperties.class)
class TwilioAutoConfiguration {

    @Bean
    TwilioClient twilioClient(TwilioProperties properties, ObjectProvider<ProviderCalls> calls) {
        return new HttpTwilioClient(properties, calls.getIfAvailable(() -> ProviderCalls.NONE));
    }

    @Bean
    ChannelProvider twilioChannel(TwilioClient client) {
        return new TwilioChannel(client, new TwilioWebhook());
    }
}
