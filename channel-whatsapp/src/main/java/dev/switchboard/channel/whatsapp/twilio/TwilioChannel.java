package dev.switchboard.channel.whatsapp.twilio;

import dev.switchboard.channel.whatsapp.PhoneNumbers;
import dev.switchboard.channel.whatsapp.twilio.client.TwilioAuth;
import dev.switchboard.channel.whatsapp.twilio.client.TwilioClient;
import dev.switchboard.channel.whatsapp.twilio.model.NewMessage;
import dev.switchboard.channel.whatsapp.twilio.model.TwilioAccount;
import dev.switchboard.channel.whatsapp.twilio.model.TwilioMessage;
import dev.switchboard.channel.whatsapp.twilio.webhook.TwilioWebhook;
import dev.switchboard.core.channel.ChannelCapabilities;
import dev.switchboard.core.channel.ChannelCredentials;
import dev.switchboard.core.channel.ChannelException;
import dev.switchboard.core.channel.ChannelProvider;
import dev.switchboard.core.channel.ConnectResult;
import dev.switchboard.core.channel.HealthReport;
import dev.switchboard.core.channel.InboundEvent;
import dev.switchboard.core.channel.IntegrationHandle;
import dev.switchboard.core.channel.OutboundMessage;
import dev.switchboard.core.channel.ReconcileReport;
import dev.switchboard.core.channel.SendReceipt;
import dev.switchboard.core.channel.WebhookReply;
import dev.switchboard.core.channel.WebhookRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tenant's own WhatsApp sender on Twilio. Connect checks the credentials with an account fetch;
 * Twilio's WhatsApp senders are configured in its console, so the integration's {@code webhookUrl}
 * (inbound messages) and {@code statusCallbackUrl} (receipts; also sent with every message) are
 * shown for the user to paste there. Sends go through the Messages API as {@code whatsapp:+E164}.
 */
public class TwilioChannel implements ChannelProvider {

    public static final String TYPE = "twilio";
    static final String STATUS_CALLBACK_URL = "statusCallbackUrl";

    /**
     * No free-form buttons on WhatsApp through Twilio (quick replies need approved Content
     * templates): the platform sends numbered text. Twilio's default WhatsApp throughput is 80
     * messages a second per sender; per chat WhatsApp publishes no rate, one a second keeps it calm.
     */
    private static final ChannelCapabilities CAPABILITIES =
            new ChannelCapabilities(false, true, true, true, 1600, 80, 1, 20);

    private final TwilioClient client;
    private final TwilioWebhook webhook;

    public TwilioChannel(TwilioClient client, TwilioWebhook webhook) {
        this.client = client;
        this.webhook = webhook;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public ChannelCapabilities capabilities() {
        return CAPABILITIES;
    }

    /** Twilio's WhatsApp chats are people: an E.164 number, in any form {@link PhoneNumbers} takes. */
    @Override
    public String normalizeRecipient(String to) {
        return PhoneNumbers.require("to", to);
    }

    @Override
    public ChannelCredentials validateCredentials(Map<String, Object> raw) {
        return TwilioCredentials.validate(raw);
    }

    @Override
    public ConnectResult connect(IntegrationHandle integration) throws ChannelException {
        TwilioAuth auth = TwilioCredentials.auth(integration.credentials());
        String number = TwilioCredentials.whatsappNumber(integration.credentials());
        TwilioAccount account = client.fetchAccount(auth);
        if (!account.active()) {
            throw TwilioException.accountNotActive(account.status());
        }
        Map<String, Object> settings = new LinkedHashMap<>(integration.settings());
        settings.put("whatsappNumber", number);
        settings.put("accountName", account.friendlyName());
        settings.put(STATUS_CALLBACK_URL, statusCallbackUrl(integration));
        return new ConnectResult(integration.credentials().with(TwilioCredentials.WHATSAPP_NUMBER, number, false),
                settings, "paste webhookUrl (\"A message comes in\") and statusCallbackUrl into the WhatsApp sender's "
                + "settings in the Twilio console");
    }

    @Override
    public ReconcileReport reconcile(IntegrationHandle integration) throws ChannelException {
        TwilioAccount account = client.fetchAccount(TwilioCredentials.auth(integration.credentials()));
        return new ReconcileReport(false, account.active() ? "in order" : "the Twilio account is " + account.status(),
                accountDetails(account));
    }

    /** Nothing to remove: Switchboard registers nothing at Twilio (the console holds the URLs). */
    @Override
    public void disconnect(IntegrationHandle integration) {
    }

    @Override
    public HealthReport check(IntegrationHandle integration) throws ChannelException {
        TwilioAccount account = client.fetchAccount(TwilioCredentials.auth(integration.credentials()));
        Map<String, Object> details = accountDetails(account);
        details.put("whatsappNumber", integration.credentials().value(TwilioCredentials.WHATSAPP_NUMBER).orElse(null));
        details.put("webhookUrl", integration.target().webhookUrl().toString());
        details.put(STATUS_CALLBACK_URL, statusCallbackUrl(integration));
        details.put("webhookRegistration", "set in the Twilio console; Twilio offers no way to read it back here");
        return account.active()
                ? new HealthReport(true, "Twilio account " + account.friendlyName() + " is active", details)
                : new HealthReport(false, "the Twilio account is " + account.status()
                        + ": reactivate it in the Twilio console", details);
    }

    private static Map<String, Object> accountDetails(TwilioAccount account) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("accountStatus", account.status());
        details.put("accountType", account.type());
        details.put("operational", account.active());
        return details;
    }

    @Override
    public void authenticate(IntegrationHandle integration, WebhookRequest request) {
        ChannelCredentials credentials = integration.credentials();
        webhook.authenticate(credentials.value(TwilioCredentials.AUTH_TOKEN).orElse(null),
                credentials.value(TwilioCredentials.ACCOUNT_SID).orElse(null), request);
    }

    @Override
    public List<InboundEvent> parse(IntegrationHandle integration, WebhookRequest request) {
        return webhook.parse(request);
    }

    /** Twilio wants TwiML for an inbound message; an empty {@code <Response/>} sends nothing back. */
    @Override
    public WebhookReply webhookReply(IntegrationHandle integration, WebhookRequest request) {
        return TwilioWebhook.kind(request) == TwilioWebhook.Kind.MESSAGE
                ? new WebhookReply("text/xml", TwilioWebhook.EMPTY_TWIML) : WebhookReply.EMPTY;
    }

    @Override
    public SendReceipt send(IntegrationHandle integration, OutboundMessage message) throws ChannelException {
        TwilioAuth auth = TwilioCredentials.auth(integration.credentials());
        String from = "whatsapp:" + TwilioCredentials.whatsappNumber(integration.credentials());
        String to = "whatsapp:" + PhoneNumbers.e164(message.to()).orElseThrow(() ->
                new TwilioException(400, 21211, "the recipient is not an E.164 number"));
        TwilioMessage created = client.createMessage(auth, TwilioMessages.of(message, to, from,
                statusCallbackUrl(integration)));
        if (created.errorCode() != null && ("failed".equals(created.status()) || "undelivered".equals(created.status()))) {
            throw new TwilioException(400, created.errorCode(), created.errorMessage());
        }
        return new SendReceipt(created.sid());
    }

    static String statusCallbackUrl(IntegrationHandle integration) {
        return integration.target().webhookUrl() + "/" + TwilioWebhook.STATUS_PATH;
    }
}
