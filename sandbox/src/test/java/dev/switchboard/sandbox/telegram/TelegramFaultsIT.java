package dev.switchboard.sandbox.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Armed faults reach the client exactly as Telegram's failures do. */
class TelegramFaultsIT extends TelegramITBase {

    private String chat;

    @BeforeEach
    void annHasStarted() {
        annStarts();
        chat = Long.toString(ANN_ID);
    }

    private BotApiClient.Reply send() {
        return api.form(token, "sendMessage", Map.of("chat_id", chat, "text", "Your booking is confirmed"));
    }

    @Test
    void unauthorized() {
        telegram.armFault(token, "sendMessage", Fault.unauthorized(), 1);

        BotApiClient.Reply reply = send();

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.errorCode()).isEqualTo(401);
        assertThat(reply.description()).isEqualTo("Unauthorized");
        assertThat(send().status()).isEqualTo(200);
    }

    @Test
    void blockedByTheUser() {
        telegram.armFault(token, "sendMessage", Fault.blocked(), 1);

        BotApiClient.Reply reply = send();

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.description()).isEqualTo("Forbidden: bot was blocked by the user");
        assertThat(telegram.sentMessages(token)).isEmpty();
    }

    @Test
    void tooManyRequestsCarriesRetryAfter() {
        telegram.armFault(token, "sendMessage", Fault.tooManyRequests(7), 1);

        BotApiClient.Reply reply = send();

        assertThat(reply.status()).isEqualTo(429);
        assertThat(reply.description()).isEqualTo("Too Many Requests: retry after 7");
        assertThat(reply.body().path("parameters").path("retry_after").asInt()).isEqualTo(7);
    }

    @Test
    void serverErrors() {
        telegram.armFault(token, "*", Fault.serverError(502), 1);
        telegram.armFault(token, "*", Fault.serverError(500), 1);

        BotApiClient.Reply badGateway = send();
        BotApiClient.Reply internal = api.call(token, "getMe");

        assertThat(badGateway.status()).isEqualTo(502);
        assertThat(badGateway.errorCode()).isEqualTo(502);
        assertThat(badGateway.description()).isEqualTo("Bad Gateway");
        assertThat(internal.status()).isEqualTo(500);
        assertThat(internal.description()).isEqualTo("Internal Server Error");
    }

    @Test
    void badRequestForOneChat() {
        long group = telegram.group("Front desk");
        telegram.armChatFault(token, ANN_ID, Fault.badRequest("chat not found"), 1);

        BotApiClient.Reply toGroup = sendText(group, "hello desk");
        BotApiClient.Reply toAnn = send();

        assertThat(toGroup.status()).isEqualTo(200);
        assertThat(toAnn.status()).isEqualTo(400);
        assertThat(toAnn.description()).isEqualTo("Bad Request: chat not found");
        assertThat(send().status()).isEqualTo(200);
    }

    @Test
    void hangHoldsTheRequestThenAnswersNormally() {
        telegram.armFault(token, "sendMessage", Fault.hang(Duration.ofMillis(800)), 1);
        HttpRequest request = HttpRequest.newBuilder(api.uri("/bot" + token + "/sendMessage"))
                .timeout(Duration.ofMillis(200))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("chat_id=" + chat + "&text=slow")).build();

        assertThatThrownBy(() -> api.exchange(request, HttpResponse.BodyHandlers.ofString()))
                .hasCauseInstanceOf(HttpTimeoutException.class);
        assertThat(api.call(token, "getMe").status()).as("other calls are not held").isEqualTo(200);

        await().atMost(Duration.ofSeconds(3)).until(() -> !telegram.sentMessages(token).isEmpty());
        assertThat(telegram.sentMessages(token).get(0).text()).isEqualTo("slow");
    }

    @Test
    void droppedConnectionsGiveNoResponse() {
        telegram.armFault(token, "getMe", Fault.dropConnection(), 1);

        // POST: the JDK client silently retries an idempotent GET on a closed pooled connection.
        assertThatThrownBy(() -> api.form(token, "getMe", Map.of())).hasCauseInstanceOf(IOException.class);
        assertThat(api.call(token, "getMe").status()).isEqualTo(200);
        assertThat(telegram.calls(token)).extracting(ApiCall::status).containsSubsequence(0, 200);
    }

    @Test
    void faultsCountDownAndMatchTheirMethod() {
        telegram.armFault(token, "SENDMESSAGE", Fault.serverError(503), 2);

        assertThat(api.call(token, "getMe").status()).isEqualTo(200);
        assertThat(send().status()).isEqualTo(503);
        assertThat(send().status()).isEqualTo(503);
        assertThat(send().status()).isEqualTo(200);
        assertThat(telegram.calls(token)).extracting(ApiCall::status).containsExactly(200, 503, 503, 200);
        assertThat(telegram.calls(token).get(1).description()).isEqualTo("Service Unavailable");
    }

    @Test
    void clearFaultsDisarmsEverything() {
        telegram.armFault(token, "*", Fault.blocked(), 10);
        telegram.armChatFault(token, ANN_ID, Fault.blocked(), 10);

        telegram.clearFaults();

        assertThat(send().status()).isEqualTo(200);
    }

    @Test
    void faultsAreScopedToTheirBot() {
        Bot other = telegram.createBot("other_bot");
        telegram.armFault(other.token(), "*", Fault.unauthorized(), 1);

        assertThat(api.call(token, "getMe").status()).isEqualTo(200);
        assertThat(api.call(other.token(), "getMe").status()).isEqualTo(401);
    }
}
