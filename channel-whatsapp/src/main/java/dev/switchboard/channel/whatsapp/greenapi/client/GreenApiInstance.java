package dev.switchboard.channel.whatsapp.greenapi.client;

import dev.switchboard.core.vault.Secret;
import java.net.URI;

/**
 * Where and as whom a call goes: the instance's hosts, its id and its token. The token is part of
 * every Green API URL, so those URLs are built only on the wire and never logged.
 */
public record GreenApiInstance(URI apiUrl, URI mediaUrl, long idInstance, Secret token) {

    @Override
    public String toString() {
        return "GreenApiInstance[" + idInstance + "]";
    }
}
