package dev.switchboard.sandbox.telegram;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.BooleanNode;

/** A successful result; some methods (setWebhook) also carry a description. */
record ApiResult(JsonNode result, String description) {

    static ApiResult of(JsonNode result) {
        return new ApiResult(result, null);
    }

    static ApiResult ok() {
        return of(BooleanNode.TRUE);
    }

    static ApiResult ok(String description) {
        return new ApiResult(BooleanNode.TRUE, description);
    }
}
