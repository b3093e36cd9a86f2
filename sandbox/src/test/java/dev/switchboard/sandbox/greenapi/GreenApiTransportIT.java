package dev.switchboard.sandbox.greenapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Routing, credentials, hosts, verbs, the account methods and call recording, over real HTTP. */
class GreenApiTransportIT extends GreenApiITBase {

    @Test
    void instancesLookRealAndAnswerTheirState() {
        assertThat(instance.idInstance()).isBetween(1_000_000_000L, 9_999_999_999L);
        assertThat(instance.apiTokenInstance()).matches("[0-9a-f]{50}");
        assertThat(instance.wid()).matches("\\d{11}@c\\.us");

        GreenClient.Reply reply = api.get(instance, "getStateInstance");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("stateInstance").asString()).isEqualTo("authorized");
    }

    @Test
    void unknownInstanceIs403WrongTokenIs401UnknownMethodIs404() {
        Instance stranger = new Instance(1_101_999_999L, instance.apiTokenInstance(), instance.wid());
        Instance wrongToken = new Instance(instance.idInstance(), "0".repeat(50), instance.wid());

        assertThat(api.get(stranger, "getStateInstance").status()).isEqualTo(403);
        assertThat(api.get(wrongToken, "getStateInstance").status()).isEqualTo(401);
        GreenClient.Reply unknown = api.get(instance, "getStateOfTheUniverse");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text()).contains("404 Not Found").contains("nginx");
        assertThat(api.getUrl(green.apiUrl() + "/waInstance" + instance.idInstance()).status()).isEqualTo(404);
    }

    @Test
    void wrongHttpVerbIs404AndMethodNamesIgnoreCase() {
        assertThat(api.post(instance, "getStateInstance", "{}").status()).isEqualTo(404);
        assertThat(api.get(instance, "sendMessage").status()).isEqualTo(404);
        assertThat(api.get(instance, "GetStateInstance").status()).isEqualTo(200);
        assertThat(api.post(instance, "SendMessage", "{\"chatId\":\"" + ANN_CHAT + "\",\"message\":\"hi\"}").status())
                .isEqualTo(200);
    }

    @Test
    void uploadsLiveOnlyOnTheMediaBaseAndEverythingElseOnlyOnTheApiBase() {
        Multipart form = new Multipart().field("chatId", ANN_CHAT).file("file", "menu.pdf", "application/pdf",
                "%PDF-1.4 menu".getBytes());

        assertThat(upload(api.url(instance, "sendFileByUpload"), form).status()).isEqualTo(404);
        assertThat(upload(api.mediaUrl(instance, "sendFileByUpload"), form).status()).isEqualTo(200);
        assertThat(api.getUrl(api.mediaUrl(instance, "getStateInstance")).status()).isEqualTo(404);
        assertThat(api.postTo(api.mediaUrl(instance, "sendMessage"), "{\"chatId\":\"" + ANN_CHAT
                + "\",\"message\":\"hi\"}").status()).isEqualTo(404);
    }

    @Test
    void getSettingsShowsEverySwitchOffAndTheWid() {
        GreenClient.Reply reply = api.get(instance, "getSettings");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("wid").asString()).isEqualTo(instance.wid());
        assertThat(reply.json().path("webhookUrl").asString()).isEmpty();
        assertThat(reply.json().path("incomingWebhook").asString()).isEqualTo("no");
        assertThat(reply.json().path("outgoingWebhook").asString()).isEqualTo("no");
        assertThat(reply.json().path("stateWebhook").asString()).isEqualTo("no");
        assertThat(reply.json().path("delaySendMessagesMilliseconds").asLong()).isEqualTo(5000);
    }

    @Test
    void setSettingsTakesAnySubsetAndRejectsWhatGreenApiRejects() {
        GreenClient.Reply saved = api.post(instance, "setSettings",
                "{\"incomingWebhook\":\"yes\",\"webhookUrlToken\":\"s3cret\",\"delaySendMessagesMilliseconds\":1000}");

        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.json().path("saveSettings").asBoolean()).isTrue();
        assertThat(green.settings(instance.idInstance())).containsEntry("incomingWebhook", "yes")
                .containsEntry("webhookUrlToken", "s3cret").containsEntry("delaySendMessagesMilliseconds", 1000L)
                .containsEntry("outgoingWebhook", "no");

        GreenClient.Reply badSwitch = api.post(instance, "setSettings", "{\"incomingWebhook\":\"maybe\"}");
        assertThat(badSwitch.status()).isEqualTo(400);
        assertThat(badSwitch.text()).startsWith("Validation failed. Details: 'incomingWebhook'");
        assertThat(api.post(instance, "setSettings", "{\"noSuchSetting\":\"yes\"}").text())
                .contains("'noSuchSetting' is not allowed");
        assertThat(api.post(instance, "setSettings", "{\"delaySendMessagesMilliseconds\":100}").status())
                .isEqualTo(400);
        assertThat(api.post(instance, "setSettings", "{\"webhookUrl\":\"not a url\"}").status()).isEqualTo(400);
        assertThat(green.settings(instance.idInstance())).containsEntry("incomingWebhook", "yes");
    }

    @Test
    void setSettingsAndRebootShowStartingForTheRestartWindow() throws InterruptedException {
        green.restartWindow(Duration.ofMillis(300));

        assertThat(api.post(instance, "setSettings", "{\"stateWebhook\":\"yes\"}").status()).isEqualTo(200);
        assertThat(api.get(instance, "getStateInstance").json().path("stateInstance").asString()).isEqualTo("starting");
        green.advanceClock(Duration.ofMillis(400));
        awaitState("authorized");

        green.setState(instance.idInstance(), "yellowCard");
        assertThat(api.get(instance, "reboot").json().path("isReboot").asBoolean()).isTrue();
        assertThat(green.state(instance.idInstance())).isEqualTo("starting");
        green.advanceClock(Duration.ofMillis(400));
        awaitState("authorized");
    }

    @Test
    void logoutLeavesTheInstanceNotAuthorized() {
        assertThat(api.get(instance, "logout").json().path("isLogout").asBoolean()).isTrue();
        assertThat(api.get(instance, "getStateInstance").json().path("stateInstance").asString())
                .isEqualTo("notAuthorized");
        assertThat(api.get(instance, "qr").json().path("type").asString()).isEqualTo("qrCode");
    }

    @Test
    void checkWhatsappKnowsRegisteredNumbersAndNeedsASession() {
        green.registerWhatsAppUser("79005550001");

        assertThat(api.post(instance, "checkWhatsapp", "{\"phoneNumber\":79005550001}").json()
                .path("existsWhatsapp").asBoolean()).isTrue();
        assertThat(api.post(instance, "checkWhatsapp", "{\"phoneNumber\":79005550002}").json()
                .path("existsWhatsapp").asBoolean()).isFalse();
        assertThat(api.post(instance, "checkWhatsapp", "{\"phoneNumber\":\"x\"}").status()).isEqualTo(400);

        green.setState(instance.idInstance(), "notAuthorized");
        GreenClient.Reply offline = api.post(instance, "checkWhatsapp", "{\"phoneNumber\":79005550001}");
        assertThat(offline.status()).isEqualTo(400);
        assertThat(offline.text()).isEqualTo("instance account not authorized");
        green.setState(instance.idInstance(), "starting");
        assertThat(api.post(instance, "checkWhatsapp", "{\"phoneNumber\":79005550001}").text())
                .isEqualTo("instance in starting process try later");
    }

    @Test
    void callsAreRecordedPerInstanceSoATestCanTellWhichCredentialsWereUsed() {
        Instance other = green.createInstance();
        Instance otherWithMyToken = new Instance(other.idInstance(), instance.apiTokenInstance(), other.wid());

        api.get(instance, "getStateInstance");
        api.get(other, "getSettings");
        api.get(otherWithMyToken, "getStateInstance");

        assertThat(green.calls(instance.idInstance())).extracting(GreenCall::method, GreenCall::status)
                .containsExactly(tuple("getStateInstance", 200));
        List<GreenCall> otherCalls = green.calls(other.idInstance());
        assertThat(otherCalls).extracting(GreenCall::method, GreenCall::status, GreenCall::tokenValid)
                .containsExactly(tuple("getSettings", 200, true),
                        tuple("getStateInstance", 401, false));
    }

    @Test
    void controlSurfaceDrivesTheEmulatorOverHttp() {
        GreenClient.Reply created = api.postTo(green.apiUrl() + "/_sandbox/greenapi/instances", "{}");
        assertThat(created.status()).isEqualTo(200);
        long id = created.json().path("id_instance").asLong();
        GreenClient.Reply state = api.postTo(green.apiUrl() + "/_sandbox/greenapi/instances/" + id + "/state",
                "{\"state\":\"blocked\"}");

        assertThat(state.status()).isEqualTo(200);
        assertThat(green.state(id)).isEqualTo("blocked");
        GreenClient.Reply injected = api.postTo(green.apiUrl() + "/_sandbox/greenapi/instances/" + id + "/text",
                "{\"from\":\"79001112233\",\"sender_name\":\"Ann\",\"text\":\"hi\"}");
        assertThat(injected.json().path("id_message").asString()).matches("[0-9A-F]{16}");
        assertThat(api.postTo(green.apiUrl() + "/_sandbox/greenapi/nope", "{}").status()).isEqualTo(404);
    }

    private GreenClient.Reply upload(String url, Multipart form) {
        return api.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes())));
    }

    private void awaitState(String expected) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(3))
                .until(() -> api.get(instance, "getStateInstance").json().path("stateInstance").asString()
                        .equals(expected));
    }
}
