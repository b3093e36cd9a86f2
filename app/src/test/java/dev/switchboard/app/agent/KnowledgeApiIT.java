package dev.switchboard.app.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.support.Api;
import dev.switchboard.app.support.AppIT;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/knowledge}: documents in, passages embedded, search, update, delete, validation, isolation. */
class KnowledgeApiIT extends AppIT {

    private static final String SPA = """
            # Spa
            ## Sauna door code
            The door of the sauna opens with the code 7391.

            ## Opening hours
            The sauna is heated from 15:00 to 22:00 every day.
            """;

    @Test
    void aDocumentIsEmbeddedOnArrivalFoundByMeaningReplacedAndRemoved() {
        TestTenant tenant = newTenant("kdocs");

        Api.Response created = tenant.api().post("/api/v1/knowledge/documents", Map.of("title", "Spa", "content", SPA));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.text("id");
        assertThat(created.json().path("chunks").asInt()).isEqualTo(2);
        assertThat(created.json().path("indexedChunks").asInt()).isEqualTo(2);
        assertThat(created.json().path("status").asString()).isEqualTo("ready");
        assertThat(created.json().path("format").asString()).isEqualTo("markdown");
        assertThat(created.json().path("sizeBytes").asInt()).isEqualTo(SPA.length());
        assertThat(created.json().path("embeddingModel").asString()).isEqualTo("all-minilm-l6-v2");
        assertThat(tenant.api().get("/api/v1/knowledge/documents/" + id).text("content")).isEqualTo(SPA);
        JsonNode list = tenant.api().get("/api/v1/knowledge/documents").json();
        assertThat(list.path("total").asInt()).isEqualTo(1);
        assertThat(list.path("items").get(0).has("content")).as("lists leave the content out").isFalse();

        JsonNode best = search(tenant, "what is the code of the sauna door?").get(0);
        assertThat(best.path("documentId").asString()).isEqualTo(id);
        assertThat(best.path("text").asString()).contains("7391");
        assertThat(best.path("heading").asString()).isEqualTo("Spa > Sauna door code");
        assertThat(best.path("score").asDouble()).isGreaterThan(0.2);

        Api.Response replaced = tenant.api().put("/api/v1/knowledge/documents/" + id, Map.of("title", "Spa",
                "content", SPA.replace("7391", "4826")));
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        String text = search(tenant, "what is the code of the sauna door?").get(0).path("text").asString();
        assertThat(text).contains("4826").doesNotContain("7391");

        assertThat(tenant.api().delete("/api/v1/knowledge/documents/" + id).status()).isEqualTo(204);
        assertThat(tenant.api().get("/api/v1/knowledge/documents/" + id).status()).isEqualTo(404);
        assertThat(search(tenant, "what is the code of the sauna door?")).isEmpty();
        assertThat(tenant.api().delete("/api/v1/knowledge/documents/" + id).status()).isEqualTo(404);
    }

    @Test
    void aLargeDocumentIsAcceptedAtOnceAndIndexedInTheBackgroundSliceBySlice() {
        TestTenant tenant = newTenant("klarge");
        StringBuilder handbook = new StringBuilder("# Handbook\n");
        for (int room = 1; room <= 150; room++) {
            handbook.append("## Room ").append(room).append("\nRoom ").append(room).append(" is on floor ")
                    .append(room / 20 + 1).append(" and faces the ").append(room % 2 == 0 ? "garden" : "street").append(".\n");
        }
        handbook.append("## Safe\nThe safe in every room opens with the code 5512 after check-in.\n");

        Api.Response accepted = tenant.api().post("/api/v1/knowledge/documents", Map.of("title", "Handbook",
                "content", handbook.toString()));

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        assertThat(accepted.json().path("status").asString()).isEqualTo("indexing");
        assertThat(accepted.json().path("chunks").asInt()).isEqualTo(151);
        String id = accepted.text("id");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                tenant.api().get("/api/v1/knowledge/documents/" + id).text("status")).isEqualTo("ready"));
        assertThat(tenant.api().get("/api/v1/knowledge/documents/" + id).json().path("indexedChunks").asInt())
                .isEqualTo(151);
        assertThat(search(tenant, "what is the code of the safe in my room?").get(0).path("text").asString())
                .contains("5512");

        Api.Response replaced = tenant.api().put("/api/v1/knowledge/documents/" + id, Map.of("title", "Handbook",
                "content", handbook.toString().replace("5512", "6620")));
        assertThat(replaced.status()).isEqualTo(202);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                tenant.api().get("/api/v1/knowledge/documents/" + id).text("status")).isEqualTo("ready"));
        assertThat(search(tenant, "what is the code of the safe in my room?").get(0).path("text").asString())
                .contains("6620");
        assertThat(search(tenant, "safe code 5512")).allSatisfy(p -> assertThat(p.path("text").asString())
                .doesNotContain("5512"));
    }

    @Test
    void anotherTenantNeitherSeesNorFindsNorChangesIt() {
        TestTenant a = newTenant("kiso_a");
        TestTenant b = newTenant("kiso_b");
        String id = a.api().post("/api/v1/knowledge/documents", Map.of("title", "Spa", "content", SPA)).text("id");
        b.api().post("/api/v1/knowledge/documents", Map.of("title", "Menu", "content", "Soup of the day: 6 EUR."));

        assertThat(b.api().get("/api/v1/knowledge/documents/" + id).status()).isEqualTo(404);
        assertThat(b.api().put("/api/v1/knowledge/documents/" + id, Map.of("title", "x", "content", "y")).status())
                .isEqualTo(404);
        assertThat(b.api().delete("/api/v1/knowledge/documents/" + id).status()).isEqualTo(404);
        assertThat(b.api().get("/api/v1/knowledge/documents").json().path("items").findValuesAsString("id"))
                .doesNotContain(id);
        assertThat(search(b, "what is the code of the sauna door?")).allSatisfy(passage ->
                assertThat(passage.path("text").asString()).doesNotContain("7391"));
        assertThat(search(a, "what is the code of the sauna door?").get(0).path("text").asString()).contains("7391");
        assertThat(admin().withHeader("X-Tenant", a.slug()).get("/api/v1/knowledge/documents/" + id).status())
                .isEqualTo(200);
    }

    @Test
    void plainTextIsNotCutAtHashMarks() {
        TestTenant tenant = newTenant("ktext");

        Api.Response created = tenant.api().post("/api/v1/knowledge/documents", Map.of("title", "Notes", "format", "text",
                "content", "# of rooms: 40\n\nParking behind the building."));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("format").asString()).isEqualTo("text");
        assertThat(search(tenant, "how many rooms are there").get(0).path("heading").isNull()).isTrue();
    }

    @Test
    void invalidDocumentsAreProblemsNamingTheirFields() {
        TestTenant tenant = newTenant("kinvalid");

        assertField(tenant.api().post("/api/v1/knowledge/documents", Map.of("title", " ", "content", "x")), "title");
        assertField(tenant.api().post("/api/v1/knowledge/documents", Map.of("title", "t")), "content");
        assertField(tenant.api().post("/api/v1/knowledge/documents", Map.of("title", "t", "content", "x", "format", "pdf")),
                "format");
        assertField(tenant.api().post("/api/v1/knowledge/documents", Map.of("title", "t", "content", "# Only\n## Headings")),
                "content");
        // 600,000 Cyrillic characters are 1.2 MB of UTF-8: the limit is in bytes
        Api.Response tooLarge = tenant.api().post("/api/v1/knowledge/documents", Map.of("title", "t",
                "content", "я".repeat(600_000)));
        assertField(tooLarge, "content");
        assertThat(tooLarge.json().path("errors").get(0).path("message").asString()).contains("1048576 bytes");
        assertField(tenant.api().get("/api/v1/knowledge/search?q=%20"), "q");
        assertThat(tenant.api().get("/api/v1/knowledge/documents/not-a-uuid").status()).isEqualTo(400);
        assertThat(tenant.api().get("/api/v1/knowledge/documents").json().path("total").asInt()).isZero();
    }

    private static void assertField(Api.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("errors").findValuesAsString("field")).as(response.body()).contains(field);
    }

    private static java.util.List<JsonNode> search(TestTenant tenant, String q) {
        Api.Response found = tenant.api().get("/api/v1/knowledge/search?k=3&q="
                + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        return found.json().path("items").valueStream().toList();
    }
}
