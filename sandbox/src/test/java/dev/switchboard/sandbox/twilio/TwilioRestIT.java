package dev.switchboard.sandbox.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Authentication, the account resource, message create/fetch/list and validation codes, over real HTTP. */
class TwilioRestIT extends TwilioITBase {

    private String messagesPath() {
        return "/2010-04-01/Accounts/" + account.sid() + "/Messages.json";
    }

    @Test
    void wrongOrMissingCredentialsAre401With20003() {
        TwilioClient.Reply wrong = api.get(new Account(account.sid(), "f".repeat(32)), messagesPath());
        TwilioClient.Reply missing = api.get(null, messagesPath());

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.code()).isEqualTo(20003);
        assertThat(wrong.json().path("message").asString()).isEqualTo("Authenticate");
        assertThat(wrong.json().path("more_info").asString()).isEqualTo("https://www.twilio.com/docs/errors/20003");
        assertThat(wrong.json().path("status").asInt()).isEqualTo(401);
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value ->
                assertThat(value).startsWith("Basic"));
    }

    @Test
    void anotherAccountInThePathIs404With20404() {
        Account other = twilio.createAccount();

        TwilioClient.Reply reply = api.get(account, "/2010-04-01/Accounts/" + other.sid() + "/Messages.json");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.code()).isEqualTo(20404);
    }

    @Test
    void theAccountResourceValidatesCredentials() {
        TwilioClient.Reply reply = api.get(account, "/2010-04-01/Accounts/" + account.sid() + ".json");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("sid").asString()).isEqualTo(account.sid());
        assertThat(reply.json().path("status").asString()).isEqualTo("active");
        assertThat(reply.json().path("type").asString()).isEqualTo("Full");
        assertThat(reply.json().path("friendly_name").asString()).isNotBlank();
        assertThat(reply.json().path("date_created").asString()).matches("\\w{3}, \\d{2} \\w{3} \\d{4} [\\d:]{8} \\+0000");
        assertThat(reply.headers().firstValue("Twilio-Request-Id")).hasValueSatisfying(id ->
                assertThat(id).matches("RQ[0-9a-f]{32}"));
    }

    @Test
    void createAnswers201WithTheFullQueuedResource() {
        annWrites();
        TwilioClient.Reply reply = send("To", ANN, "From", SENDER, "Body", "Table for 4 at 19:00",
                "StatusCallback", "https://example.com/status");

        assertThat(reply.status()).isEqualTo(201);
        JsonNode json = reply.json();
        assertThat(json.path("sid").asString()).matches("SM[0-9a-f]{32}");
        assertThat(json.path("account_sid").asString()).isEqualTo(account.sid());
        assertThat(json.path("from").asString()).isEqualTo(SENDER);
        assertThat(json.path("to").asString()).isEqualTo(ANN);
        assertThat(json.path("body").asString()).isEqualTo("Table for 4 at 19:00");
        assertThat(json.path("status").asString()).isEqualTo("queued");
        assertThat(json.path("direction").asString()).isEqualTo("outbound-api");
        assertThat(json.path("api_version").asString()).isEqualTo("2010-04-01");
        assertThat(json.path("num_media").asString()).isEqualTo("0");
        assertThat(json.path("num_segments").asString()).isEqualTo("1");
        assertThat(json.path("error_code").isNull()).isTrue();
        assertThat(json.path("date_sent").isNull()).isTrue();
        assertThat(json.path("messaging_service_sid").isNull()).isTrue();
        assertThat(json.path("price_unit").asString()).isEqualTo("USD");
        assertThat(json.path("uri").asString()).isEqualTo("/2010-04-01/Accounts/" + account.sid() + "/Messages/"
                + json.path("sid").asString() + ".json");
        assertThat(json.path("subresource_uris").path("media").asString()).endsWith("/Media.json");
        assertThat(json.path("date_created").asString()).endsWith("+0000");
    }

    @Test
    void repeatedMediaUrlsAndContentTemplatesAreKept() {
        TwilioClient.Reply media = send("To", ANN, "From", SENDER, "MediaUrl", "https://example.com/a.jpg",
                "MediaUrl", "https://example.com/b.jpg", "Body", "photos");
        TwilioClient.Reply template = send("To", ANN, "From", SENDER, "ContentSid", "HX" + "a".repeat(32),
                "ContentVariables", "{\"1\":\"Ann\",\"2\":\"10:30\"}");

        assertThat(media.json().path("num_media").asString()).isEqualTo("2");
        assertThat(twilio.message(media.json().path("sid").asString()).mediaUrls())
                .containsExactly("https://example.com/a.jpg", "https://example.com/b.jpg");
        assertThat(template.status()).isEqualTo(201);
        TwilioMessage stored = twilio.message(template.json().path("sid").asString());
        assertThat(stored.contentSid()).isEqualTo("HX" + "a".repeat(32));
        assertThat(stored.contentVariables()).isEqualTo("{\"1\":\"Ann\",\"2\":\"10:30\"}");
    }

    @Test
    void invalidRequestsAnswerTwiliosCodes() {
        assertThat(send("From", SENDER, "Body", "x").code()).isEqualTo(21604);
        assertThat(send("To", ANN, "Body", "x").code()).isEqualTo(21603);
        assertThat(send("To", ANN, "From", SENDER).code()).isEqualTo(21619);
        TwilioClient.Reply badTo = send("To", "whatsapp:5511900000001", "From", SENDER, "Body", "x");
        assertThat(badTo.status()).isEqualTo(400);
        assertThat(badTo.code()).isEqualTo(21211);
        assertThat(badTo.json().path("more_info").asString()).isEqualTo("https://www.twilio.com/docs/errors/21211");
        assertThat(send("To", "+5511900000001", "From", SENDER, "Body", "x").code()).isEqualTo(21910);
        assertThat(send("To", ANN, "From", "whatsapp:14155238886", "Body", "x").code()).isEqualTo(21212);
        assertThat(send("To", ANN, "From", "whatsapp:+14155550000", "Body", "x").code()).isEqualTo(63007);
        assertThat(send("To", ANN, "From", SENDER, "Body", "x".repeat(1601)).code()).isEqualTo(21617);
        assertThat(send("To", ANN, "From", SENDER, "Body", "x".repeat(1600)).status()).isEqualTo(201);
        assertThat(send("To", ANN, "From", SENDER, "ContentVariables", "{}", "Body", "x").code()).isEqualTo(21654);
        assertThat(send("To", ANN, "From", SENDER, "ContentSid", "HX123").code()).isEqualTo(21655);
        assertThat(send("To", ANN, "From", SENDER, "ContentSid", "HX" + "b".repeat(32), "ContentVariables",
                "not json").code()).isEqualTo(21656);
        assertThat(send("To", ANN, "From", SENDER, "Body", "x", "StatusCallback", "ftp://nope").code())
                .isEqualTo(21609);
        assertThat(twilio.messages(account.sid())).hasSize(1);
    }

    @Test
    void aMessagingServiceSendsFromItsSenderStartingAccepted() {
        String service = twilio.createMessagingService(account.sid(), SENDER);

        TwilioClient.Reply reply = send("To", ANN, "MessagingServiceSid", service, "Body", "hi");

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().path("status").asString()).isEqualTo("accepted");
        assertThat(reply.json().path("from").asString()).isEqualTo(SENDER);
        assertThat(reply.json().path("messaging_service_sid").asString()).isEqualTo(service);
    }

    @Test
    void fetchReturnsTheMessageAndUnknownSidsAre404() {
        String sid = send("To", ANN, "From", SENDER, "Body", "hi").json().path("sid").asString();

        TwilioClient.Reply fetched = api.get(account, "/2010-04-01/Accounts/" + account.sid() + "/Messages/" + sid
                + ".json");
        TwilioClient.Reply unknown = api.get(account, "/2010-04-01/Accounts/" + account.sid() + "/Messages/SM"
                + "0".repeat(32) + ".json");

        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json().path("sid").asString()).isEqualTo(sid);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo(20404);
        TwilioClient.Reply delete = api.send(HttpRequest.newBuilder(URI.create(twilio.baseUrl()
                + "/2010-04-01/Accounts/" + account.sid() + ".json")).DELETE()
                .header("Authorization", TwilioClient.basic(account.sid(), account.authToken())));
        assertThat(delete.status()).isEqualTo(405);
    }

    @Test
    void listFiltersByToAndFromNewestFirst() {
        String bob = "whatsapp:+5511900000002";
        String first = send("To", ANN, "From", SENDER, "Body", "1").json().path("sid").asString();
        send("To", bob, "From", SENDER, "Body", "2");
        String third = send("To", ANN, "From", SENDER, "Body", "3").json().path("sid").asString();

        TwilioClient.Reply toAnn = api.get(account, messagesPath() + "?To=" + TwilioClient.enc(ANN));

        assertThat(toAnn.status()).isEqualTo(200);
        List<String> sids = sids(toAnn.json());
        assertThat(sids).containsExactly(third, first);
        assertThat(toAnn.json().path("page").asInt()).isZero();
        assertThat(toAnn.json().path("page_size").asInt()).isEqualTo(50);
        assertThat(toAnn.json().path("next_page_uri").isNull()).isTrue();
        assertThat(sids(api.get(account, messagesPath() + "?From=" + TwilioClient.enc(SENDER)).json())).hasSize(3);
    }

    @Test
    void pagingFollowsNextPageUriToTheEnd() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(0, send("To", ANN, "From", SENDER, "Body", "m" + i).json().path("sid").asString());
        }
        List<String> seen = new ArrayList<>();
        String next = messagesPath() + "?PageSize=2";
        int pages = 0;
        while (next != null) {
            JsonNode page = api.get(account, next).json();
            seen.addAll(sids(page));
            next = page.path("next_page_uri").isNull() ? null : page.path("next_page_uri").asString();
            pages++;
        }

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(created);
    }

    @Test
    void dateSentFiltersOnlyMatchSentMessages() {
        annWrites();
        java.time.LocalDate today = java.time.LocalDate.ofInstant(twilio.now(), java.time.ZoneOffset.UTC);
        String queuedSid = send("To", ANN, "From", SENDER, "Body", "not sent yet").json().path("sid").asString();
        twilio.statusTimeline(java.time.Duration.ofHours(1), java.time.Duration.ofHours(2),
                java.time.Duration.ofHours(3));
        String stillQueued = send("To", ANN, "From", SENDER, "Body", "queued").json().path("sid").asString();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(3))
                .until(() -> twilio.message(queuedSid).dateSent() != null);

        List<String> sentToday = sids(api.get(account, messagesPath() + "?DateSent=" + today).json());
        List<String> since = sids(api.get(account, messagesPath() + "?" + TwilioClient.enc("DateSent>") + "="
                + today.minusDays(1)).json());
        List<String> before = sids(api.get(account, messagesPath() + "?" + TwilioClient.enc("DateSent<") + "="
                + today.minusDays(1)).json());

        assertThat(sentToday).contains(queuedSid).doesNotContain(stillQueued);
        assertThat(since).contains(queuedSid).doesNotContain(stillQueued);
        assertThat(before).isEmpty();
    }

    private static List<String> sids(JsonNode page) {
        List<String> sids = new ArrayList<>();
        page.path("messages").forEach(message -> sids.add(message.path("sid").asString()));
        return sids;
    }
}
