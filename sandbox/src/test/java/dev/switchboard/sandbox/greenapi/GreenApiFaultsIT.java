package dev.switchboard.sandbox.greenapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every fault kind and the per-method rate limits, as a client sees them over HTTP. */
class GreenApiFaultsIT extends GreenApiITBase {

    @Test
    void statusFaultsAnswerWhatGreenApiAnswersThenTheMethodWorksAgain() {
        for (int status : new int[] {401, 403, 429, 499, 500}) {
            green.armFault(instance.idInstance(), "sendMessage", Fault.status(status), 1);
            GreenClient.Reply reply = sendText(ANN_CHAT, "hi");
            assertThat(reply.status()).as("fault %d", status).isEqualTo(status);
        }
        assertThat(sendText(ANN_CHAT, "hi").status()).isEqualTo(200);
        assertThat(green.sent(instance.idInstance())).hasSize(1);
    }

    @Test
    void a466CarriesTheQuotaBody() {
        green.armFault(instance.idInstance(), "sendMessage", Fault.status(466), 1);

        GreenClient.Reply reply = sendText(ANN_CHAT, "hi");

        assertThat(reply.status()).isEqualTo(466);
        assertThat(reply.json().path("invokeStatus").path("status").asString()).isEqualTo("QUOTE_EXCEEDED");
        assertThat(reply.json().path("invokeStatus").path("method").asString()).isEqualTo("sendmessage");
        assertThat(reply.json().path("correspondentsStatus").path("total").asInt()).isEqualTo(3);
    }

    @Test
    void a502IsNginxsPage() {
        green.armFault(instance.idInstance(), "*", Fault.status(502), 2);

        GreenClient.Reply first = api.get(instance, "getStateInstance");
        GreenClient.Reply second = sendText(ANN_CHAT, "hi");

        assertThat(first.status()).isEqualTo(502);
        assertThat(first.text()).contains("502 Bad Gateway");
        assertThat(second.status()).isEqualTo(502);
        assertThat(api.get(instance, "getStateInstance").status()).isEqualTo(200);
    }

    @Test
    void faultsOnlyHitTheirMethodAndInstance() {
        Instance other = green.createInstance();
        green.armFault(instance.idInstance(), "sendMessage", Fault.status(500), 1);

        assertThat(api.get(instance, "getStateInstance").status()).isEqualTo(200);
        assertThat(api.post(other, "sendMessage", "{\"chatId\":\"" + ANN_CHAT + "\",\"message\":\"x\"}").status())
                .isEqualTo(200);
        assertThat(sendText(ANN_CHAT, "hi").status()).isEqualTo(500);
        assertThat(green.calls(instance.idInstance())).extracting(GreenCall::status).containsExactly(200, 500);
    }

    @Test
    void aHangOutlastsTheClientTimeoutAndTheSendStillHappens() {
        green.armFault(instance.idInstance(), "sendMessage", Fault.hang(Duration.ofMillis(800)), 1);
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.url(instance, "sendMessage")))
                .timeout(Duration.ofMillis(200)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"chatId\":\"" + ANN_CHAT + "\",\"message\":\"slow\"}"))
                .build();

        assertThatThrownBy(() -> api.http().send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(3))
                .until(() -> green.sent(instance.idInstance()).size() == 1);
    }

    @Test
    void aDroppedConnectionGivesNoResponse() {
        green.armFault(instance.idInstance(), "sendMessage", Fault.dropConnection(), 1);
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.url(instance, "sendMessage")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"chatId\":\"" + ANN_CHAT + "\",\"message\":\"x\"}"))
                .build();

        assertThatThrownBy(() -> api.http().send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
        assertThat(green.calls(instance.idInstance()).get(0).status()).isZero();
        assertThat(green.sent(instance.idInstance())).isEmpty();
    }

    @Test
    void rateLimitsFollowThePerMethodTable() {
        green.enforceRateLimits(true);

        assertThat(api.get(instance, "getStateInstance").status()).isEqualTo(200);
        GreenClient.Reply limited = api.get(instance, "getStateInstance");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(api.get(instance, "getSettings").status()).isEqualTo(200);
        for (int i = 0; i < 10; i++) {
            assertThat(api.post(instance, "checkWhatsapp", "{\"phoneNumber\":" + ANN + "}").status()).isEqualTo(200);
        }
        assertThat(api.post(instance, "checkWhatsapp", "{\"phoneNumber\":" + ANN + "}").status()).isEqualTo(429);
        assertThat(RateLimiter.limit("sendMessage")).isEqualTo(50);
        assertThat(RateLimiter.limit("receiveNotification")).isEqualTo(100);
    }
}
