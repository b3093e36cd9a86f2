package dev.switchboard.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Content types, form decoding and the shape-agnostic parameter view. */
class RequestDecodingTest {

    @Test
    void contentTypeParametersAreParsed() {
        ContentType type = ContentType.parse("Multipart/Form-Data; boundary=\"a;b \\\"c\\\"\"; charset=utf-8");

        assertThat(type.value()).isEqualTo("multipart/form-data");
        assertThat(type.parameter("BOUNDARY")).isEqualTo("a;b \"c\"");
        assertThat(type.charsetOrUtf8()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(ContentType.parse(null)).isEqualTo(ContentType.NONE);
        assertThat(ContentType.parse("text/plain; charset=nonsense").charset(StandardCharsets.ISO_8859_1))
                .isEqualTo(StandardCharsets.ISO_8859_1);
    }

    @Test
    void formsDecodePercentEscapesAndPluses() {
        Map<String, String> form = FormDecoder.decode("a=1+2&b=%E2%9C%93&flag&a=3", StandardCharsets.UTF_8);

        assertThat(form).containsEntry("a", "3").containsEntry("b", "✓").containsEntry("flag", "");
        assertThatThrownBy(() -> FormDecoder.decode("x=%ZZ", StandardCharsets.UTF_8))
                .isInstanceOf(MalformedRequestException.class);
    }

    @Test
    void parametersReadTheSameFromJsonAndFromText() {
        RequestParams fromForm = RequestParams.of(Map.of("reply_markup", "{\"a\":1}", "id", "7"));
        RequestParams fromJson = RequestParams.of(Map.of("reply_markup", Json.parse("{\"a\":1}"), "id",
                Json.parse("7")));

        assertThat(fromForm.json("reply_markup")).isEqualTo(fromJson.json("reply_markup"));
        assertThat(fromForm.text("id")).isEqualTo(fromJson.text("id")).hasValue("7");
        assertThat(fromJson.text("reply_markup")).hasValue("{\"a\":1}");
        assertThatThrownBy(() -> RequestParams.of(Map.of("x", "not json")).json("x"))
                .isInstanceOf(MalformedRequestException.class);
    }

    @Test
    void filesAreDescribedNotDumped() {
        RequestParams params = RequestParams.of(Map.of("doc", new UploadedFile("a.pdf", "application/pdf", new byte[3])));

        assertThat(params.file("doc")).isPresent();
        assertThat(params.text("doc")).isEmpty();
        assertThat(params.asText()).containsEntry("doc", "<file a.pdf, 3 bytes>");
    }

    @Test
    void requestsMergeQueryAndBody() {
        SandboxRequest request = new SandboxRequest("post", URI.create("http://h/p?a=q&b=q"),
                Map.of("Content-Type", List.of("application/json")), "{\"b\":\"body\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("content-type")).hasValue("application/json");
        assertThat(request.params().text("a")).hasValue("q");
        assertThat(request.params().text("b")).hasValue("body");
    }
}
