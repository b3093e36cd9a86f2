package dev.switchboard.channel.whatsapp.twilio.client;

import dev.switchboard.channel.whatsapp.twilio.model.NewMessage;
import dev.switchboard.channel.whatsapp.twilio.model.TwilioAccount;
import dev.switchboard.channel.whatsapp.twilio.model.TwilioMessage;
import dev.switchboard.core.channel.ChannelException;

/** The two Twilio REST calls Switchboard makes. One client serves every account: the account comes with each call. */
public interface TwilioClient {

    TwilioAccount fetchAccount(TwilioAuth auth) throws ChannelException;

    /** One create; never retried here (Twilio sends are not idempotent: the delivery queue decides). */
    TwilioMessage createMessage(TwilioAuth auth, NewMessage message) throws ChannelException;
}
