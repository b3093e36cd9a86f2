package dev.switchboard.sandbox.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The status timeline, signed status callbacks and their duplicate/out-of-order quirks, the 24-hour window. */
class TwilioCallbacksIT extends TwilioITBase {

    @Test
    void statusesProgressAndEachChangeIsPostedSigned() {
        annWrites();
        String callback = receiver.url("/status?tenant=7");
        String sid = send("To", ANN, "From", SENDER, "Body", "Booked", "StatusCallback", callback).json().path("sid")
                .asString();

        await().atMost(Duration.ofSeconds(3)).until(() -> receiver.received("/status").size() == 3);

        List<FormReceiver.Post> posts = receiver.received("/status");
        assertThat(posts).extracting(post -> post.params().get("MessageStatus")).containsExactly("sent", "delivered",
                "read");
        for (FormReceiver.Post post : posts) {
            assertThat(post.signature()).isEqualTo(ExpectedSignature.of(account.authToken(), callback, post.params()));
            assertThat(post.params()).containsEntry("MessageSid", sid).containsEntry("SmsSid", sid)
                    .containsEntry("AccountSid", account.sid()).containsEntry("From", SENDER).containsEntry("To", ANN)
                    .containsEntry("ApiVersion", "2010-04-01").containsEntry("ChannelPrefix", "whatsapp")
                    .containsEntry("ChannelToAddress", "+5511900000001");
            assertThat(post.params().get("SmsStatus")).isEqualTo(post.params().get("MessageStatus"));
            assertThat(post.params().get("ChannelInstallSid")).matches("XE[0-9a-f]{32}");
            assertThat(post.contentType()).startsWith("application/x-www-form-urlencoded");
            assertThat(post.query()).isEqualTo("tenant=7");
        }
        assertThat(posts.get(1).params()).containsEntry("EventType", "DELIVERED");
        assertThat(posts.get(2).params()).containsEntry("EventType", "READ");
        TwilioMessage message = twilio.message(sid);
        assertThat(message.status()).isEqualTo("read");
        assertThat(message.statusHistory()).containsExactly("queued", "sent", "delivered", "read");
        assertThat(message.dateSent()).isNotNull();
        assertThat(twilio.statusCallbacks(account.sid())).hasSize(3)
                .allSatisfy(delivery -> assertThat(delivery.status()).isEqualTo(200));
    }

    @Test
    void callbacksHaveEveryFieldOfTheDocumentedExample() {
        annWrites();
        send("To", ANN, "From", SENDER, "Body", "hi", "StatusCallback", receiver.url("/status"));

        await().atMost(Duration.ofSeconds(3)).until(() -> receiver.received("/status").size() == 3);

        Map<String, String> read = receiver.received("/status").get(2).params();
        assertThat(read.keySet()).containsAll(Fixtures.form("status-callback-read.form").keySet());
        assertThat(read).containsEntry("EventType", "READ").containsEntry("MessageStatus", "read");
    }

    @Test
    void outsideTheWindowAFreeFormMessageIsCreatedThenFailsWith63016() {
        assertThat(twilio.windowOpen(SENDER, ANN)).isFalse();
        TwilioClient.Reply reply = send("To", ANN, "From", SENDER, "Body", "Your table is ready",
                "StatusCallback", receiver.url("/status"));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().path("status").asString()).isEqualTo("queued");
        await().atMost(Duration.ofSeconds(3)).until(() -> receiver.received("/status").size() == 1);
        Map<String, String> params = receiver.received("/status").get(0).params();
        assertThat(params).containsEntry("MessageStatus", "failed").containsEntry("ErrorCode", "63016");
        String sid = reply.json().path("sid").asString();
        TwilioClient.Reply fetched = api.get(account, "/2010-04-01/Accounts/" + account.sid() + "/Messages/" + sid
                + ".json");
        assertThat(fetched.json().path("status").asString()).isEqualTo("failed");
        assertThat(fetched.json().path("error_code").asInt()).isEqualTo(63016);
        assertThat(fetched.json().path("error_message").asString()).contains("outside the allowed window");
    }

    @Test
    void aTemplatePassesOutsideTheWindow() {
        String sid = send("To", ANN, "From", SENDER, "ContentSid", "HX" + "c".repeat(32), "ContentVariables",
                "{\"1\":\"Ann\"}").json().path("sid").asString();

        await().atMost(Duration.ofSeconds(3)).until(() -> twilio.message(sid).status().equals("read"));
        assertThat(twilio.message(sid).errorCode()).isNull();
    }

    @Test
    void eachInboundMessageOpensTheWindowFor24Hours() {
        annWrites();
        assertThat(twilio.windowOpen(SENDER, ANN)).isTrue();
        assertThat(twilio.windowOpen(SENDER, "whatsapp:+5511900000002")).isFalse();

        twilio.advanceClock(Duration.ofHours(23));
        assertThat(twilio.windowOpen(SENDER, ANN)).isTrue();
        String inside = send("To", ANN, "From", SENDER, "Body", "still open").json().path("sid").asString();
        twilio.advanceClock(Duration.ofHours(1).plusSeconds(1));
        assertThat(twilio.windowOpen(SENDER, ANN)).isFalse();
        String outside = send("To", ANN, "From", SENDER, "Body", "too late").json().path("sid").asString();

        await().atMost(Duration.ofSeconds(3)).until(() -> twilio.message(outside).status().equals("failed"));
        await().atMost(Duration.ofSeconds(3)).until(() -> twilio.message(inside).status().equals("read"));
        annWrites();
        assertThat(twilio.windowOpen(SENDER, ANN)).isTrue();
    }

    @Test
    void duplicateCallbacksArriveTwiceWithTheSameIdempotencyToken() {
        annWrites();
        twilio.duplicateCallbacks(true);
        send("To", ANN, "From", SENDER, "Body", "hi", "StatusCallback", receiver.url("/status"));

        await().atMost(Duration.ofSeconds(3)).until(() -> receiver.received("/status").size() == 6);

        List<FormReceiver.Post> posts = receiver.received("/status");
        assertThat(posts).extracting(post -> post.params().get("MessageStatus"))
                .containsExactly("sent", "sent", "delivered", "delivered", "read", "read");
        assertThat(posts.get(0).idempotencyToken()).isEqualTo(posts.get(1).idempotencyToken())
                .isNotEqualTo(posts.get(2).idempotencyToken());
    }

    @Test
    void outOfOrderCallbacksDeliverReadBeforeDelivered() {
        annWrites();
        twilio.outOfOrderCallbacks(true);
        String sid = send("To", ANN, "From", SENDER, "Body", "hi", "StatusCallback", receiver.url("/status")).json()
                .path("sid").asString();

        await().atMost(Duration.ofSeconds(3)).until(() -> receiver.received("/status").size() == 3);

        assertThat(receiver.received("/status")).extracting(post -> post.params().get("MessageStatus"))
                .containsExactly("sent", "read", "delivered");
        assertThat(twilio.message(sid).status()).isEqualTo("read");
    }

    @Test
    void failMessageForcesFailedOrUndeliveredWithTheErrorCode() {
        annWrites();
        twilio.statusTimeline(Duration.ofMillis(10), Duration.ofHours(1), Duration.ofHours(2));
        String failed = send("To", ANN, "From", SENDER, "Body", "a", "StatusCallback", receiver.url("/a")).json()
                .path("sid").asString();
        String undelivered = send("To", ANN, "From", SENDER, "Body", "b", "StatusCallback", receiver.url("/b"))
                .json().path("sid").asString();
        await().atMost(Duration.ofSeconds(3)).until(() -> receiver.received().size() == 2);

        twilio.failMessage(failed, 63038);
        twilio.failMessage(undelivered, 30008);

        await().atMost(Duration.ofSeconds(3)).until(() -> receiver.received().size() == 4);
        assertThat(receiver.received("/a").get(1).params()).containsEntry("MessageStatus", "failed")
                .containsEntry("ErrorCode", "63038");
        assertThat(receiver.received("/b").get(1).params()).containsEntry("MessageStatus", "undelivered")
                .containsEntry("ErrorCode", "30008").containsEntry("ErrorMessage", "Unknown error");
        twilio.advanceClock(Duration.ofHours(3));
        assertThat(twilio.message(failed).statusHistory()).containsExactly("queued", "sent", "failed");
    }

    @Test
    void badSignaturesSwitchSignsWithTheWrongKey() {
        annWrites();
        twilio.badSignatures(true);
        send("To", ANN, "From", SENDER, "Body", "hi", "StatusCallback", receiver.url("/status"));

        await().atMost(Duration.ofSeconds(3)).until(() -> !receiver.received("/status").isEmpty());
        FormReceiver.Post post = receiver.received("/status").get(0);
        assertThat(post.signature()).isNotEqualTo(ExpectedSignature.of(account.authToken(), receiver.url("/status"),
                post.params()));
    }

    @Test
    void theTimelineFollowsTheEmulatorClock() {
        annWrites();
        twilio.statusTimeline(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(3));
        String sid = send("To", ANN, "From", SENDER, "Body", "slow").json().path("sid").asString();
        assertThat(twilio.message(sid).status()).isEqualTo("queued");

        twilio.advanceClock(Duration.ofMinutes(2).plusSeconds(1));

        await().atMost(Duration.ofSeconds(3)).until(() -> twilio.message(sid).status().equals("delivered"));
    }
}
