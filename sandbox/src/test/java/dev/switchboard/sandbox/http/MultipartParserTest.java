package dev.switchboard.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultipartParserTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void parsesTextAndFileParts() {
        byte[] body = bytes("preamble\r\n--b\r\nContent-Disposition: form-data; name=\"chat_id\"\r\n\r\n42\r\n"
                + "--b\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"room.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\nJPEGDATA\r\n--b--\r\nepilogue");

        List<MultipartParser.Part> parts = MultipartParser.parse(body, "b");

        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).name()).isEqualTo("chat_id");
        assertThat(parts.get(0).isFile()).isFalse();
        assertThat(parts.get(0).text()).isEqualTo("42");
        assertThat(parts.get(1).fileName()).isEqualTo("room.jpg");
        assertThat(parts.get(1).contentType()).isEqualTo("image/jpeg");
        assertThat(parts.get(1).content()).isEqualTo(bytes("JPEGDATA"));
    }

    @Test
    void contentMayContainLineBreaksAndBoundaryLookalikes() {
        byte[] body = bytes("--frontier\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x\"\r\n\r\n"
                + "line1\r\n--frontie\r\n--frontierX is not it either\r\n\r\n--frontier--");

        MultipartParser.Part part = MultipartParser.parse(body, "frontier").get(0);

        assertThat(new String(part.content(), StandardCharsets.UTF_8))
                .isEqualTo("line1\r\n--frontie\r\n--frontierX is not it either\r\n");
    }

    @Test
    void emptyPartsAndExtendedFileNames() {
        byte[] body = bytes("--b\r\nContent-Disposition: form-data; name=\"empty\"\r\n\r\n\r\n"
                + "--b\r\nContent-Disposition: form-data; name=\"doc\"; filename=\"plain.txt\"; "
                + "filename*=UTF-8''na%C3%AFve%20file.txt\r\n\r\nx\r\n--b--");

        List<MultipartParser.Part> parts = MultipartParser.parse(body, "b");

        assertThat(parts.get(0).text()).isEmpty();
        assertThat(parts.get(1).fileName()).isEqualTo("naïve file.txt");
    }

    @Test
    void textPartsHonourTheirCharset() {
        byte[] body = ("--b\r\nContent-Disposition: form-data; name=\"t\"\r\nContent-Type: text/plain; charset=ISO-8859-1"
                + "\r\n\r\ncaf\u00e9\r\n--b--").getBytes(StandardCharsets.ISO_8859_1);

        assertThat(MultipartParser.parse(body, "b").get(0).text()).isEqualTo("café");
    }

    @Test
    void rejectsBrokenBodies() {
        assertThatThrownBy(() -> MultipartParser.parse(bytes("no boundary here"), "b"))
                .isInstanceOf(MalformedRequestException.class);
        assertThatThrownBy(() -> MultipartParser.parse(bytes("--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nopen"), "b"))
                .isInstanceOf(MalformedRequestException.class).hasMessageContaining("not terminated");
        assertThatThrownBy(() -> MultipartParser.parse(bytes("--b--"), null))
                .isInstanceOf(MalformedRequestException.class);
    }
}
