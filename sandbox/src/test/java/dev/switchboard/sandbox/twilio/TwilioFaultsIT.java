package dev.switchboard.sandbox.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Armed REST faults and create-attempt counting, as a client with the SDK's retry sees them. */
class TwilioFaultsIT extends TwilioITBase {

    @Test
    void tooManyRequestsIs429With20429AndCreatesNothing() {
        twilio.armFault(account.sid(), Fault.tooManyRequests(), 1);

        TwilioClient.Reply reply = send("To", ANN, "From", SENDER, "Body", "hi");

        assertThat(reply.status()).isEqualTo(429);
        assertThat(reply.code()).isEqualTo(20429);
        assertThat(reply.json().path("more_info").asString()).isEqualTo("https://www.twilio.com/docs/errors/20429");
        assertThat(twilio.messages(account.sid())).isEmpty();
        assertThat(send("To", ANN, "From", SENDER, "Body", "hi").status()).isEqualTo(201);
    }

    @Test
    void serverErrorsAre500And503() {
        twilio.armFault(account.sid(), Fault.serverError(), 1);
        twilio.armFault(account.sid(), Fault.serviceUnavailable(), 1);

        TwilioClient.Reply first = api.get(account, "/2010-04-01/Accounts/" + account.sid() + ".json");
        TwilioClient.Reply second = api.get(account, "/2010-04-01/Accounts/" + account.sid() + ".json");

        assertThat(first.status()).isEqualTo(500);
        assertThat(first.code()).isEqualTo(20500);
        assertThat(second.status()).isEqualTo(503);
        assertThat(second.code()).isEqualTo(20503);
        assertThat(api.get(account, "/2010-04-01/Accounts/" + account.sid() + ".json").status()).isEqualTo(200);
    }

    @Test
    void createAttemptsCountTheSdksRetriesOf5xx() {
        twilio.armFault(account.sid(), Fault.serverError(), 2);

        TwilioClient.Reply reply = sendRetrying5xx("To", ANN, "From", SENDER, "Body", "Booked");

        assertThat(reply.status()).isEqualTo(201);
        TwilioMessage message = twilio.message(reply.json().path("sid").asString());
        assertThat(message.createAttempts()).isEqualTo(3);
        assertThat(send("To", ANN, "From", SENDER, "Body", "Booked").status()).isEqualTo(201);
        assertThat(twilio.messages(account.sid())).extracting(TwilioMessage::createAttempts).containsExactly(3, 1);
    }

    @Test
    void aHangOutlastsTheClientTimeoutButTheMessageIsCreatedAnyway() {
        twilio.armFault(account.sid(), Fault.hang(Duration.ofMillis(700)), 1);
        HttpRequest request = HttpRequest.newBuilder(URI.create(twilio.baseUrl() + "/2010-04-01/Accounts/"
                        + account.sid() + "/Messages.json"))
                .timeout(Duration.ofMillis(200))
                .header("Authorization", TwilioClient.basic(account.sid(), account.authToken()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("To=" + TwilioClient.enc(ANN) + "&From="
                        + TwilioClient.enc(SENDER) + "&Body=slow"))
                .build();

        assertThatThrownBy(() -> api.http().send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(3))
                .until(() -> twilio.messages(account.sid()).size() == 1);
        TwilioClient.Reply list = api.get(account, "/2010-04-01/Accounts/" + account.sid() + "/Messages.json?To="
                + TwilioClient.enc(ANN));
        assertThat(list.json().path("messages").size()).isEqualTo(1);
    }

    @Test
    void faultsOnlyHitTheirAccount() {
        Account other = twilio.createAccount();
        twilio.armFault(account.sid(), Fault.status(503), 1);

        assertThat(api.get(other, "/2010-04-01/Accounts/" + other.sid() + ".json").status()).isEqualTo(200);
        assertThat(api.get(account, "/2010-04-01/Accounts/" + account.sid() + ".json").status()).isEqualTo(503);
    }

    @Test
    void controlSurfaceDrivesTheEmulatorOverHttp() {
        TwilioClient.Reply created = api.send(HttpRequest.newBuilder(URI.create(twilio.baseUrl()
                + "/_sandbox/twilio/accounts")).POST(HttpRequest.BodyPublishers.noBody()));
        String sid = created.json().path("sid").asString();
        String token = created.json().path("auth_token").asString();
        api.send(HttpRequest.newBuilder(URI.create(twilio.baseUrl() + "/_sandbox/twilio/accounts/" + sid + "/senders"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"address\":\"" + SENDER + "\"}")));
        TwilioClient.Reply inbound = api.send(HttpRequest.newBuilder(URI.create(twilio.baseUrl()
                + "/_sandbox/twilio/accounts/" + sid + "/inbound")).POST(HttpRequest.BodyPublishers.ofString(
                "{\"from\":\"" + ANN + "\",\"to\":\"" + SENDER + "\",\"body\":\"hi\",\"profile_name\":\"Ann\"}")));

        assertThat(created.status()).isEqualTo(200);
        assertThat(inbound.json().path("message_sid").asString()).matches("SM[0-9a-f]{32}");
        assertThat(twilio.windowOpen(SENDER, ANN)).isTrue();
        assertThat(api.createMessage(new Account(sid, token), TwilioClient.form("To", ANN, "From", SENDER, "Body",
                "hello")).status()).isEqualTo(201);
    }

    /** What twilio-java's reliableRequest does: up to 3 attempts, 100 ms apart, while the answer is 5xx. */
    private TwilioClient.Reply sendRetrying5xx(String... form) {
        TwilioClient.Reply reply = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            reply = send(form);
            if (reply.status() < 500) {
                return reply;
            }
            sleep(100);
        }
        return reply;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
