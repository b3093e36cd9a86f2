package dev.switchboard.sandbox.telegram;

import dev.switchboard.sandbox.http.Json;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/** getMe and the bot command list (setMyCommands/getMyCommands/deleteMyCommands). */
final class AccountMethods {

    private static final Pattern COMMAND = Pattern.compile("[a-z0-9_]{1,32}");

    void register(MethodTable methods) {
        methods.add("getMe", call -> ApiResult.of(Payloads.me(call.account().bot)))
                .add("setMyCommands", this::setCommands)
                .add("getMyCommands", call -> ApiResult.of(call.account().commands == null ? Json.array()
                        : call.account().commands.deepCopy()))
                .add("deleteMyCommands", call -> {
                    call.account().commands = null;
                    return ApiResult.ok();
                });
    }

    private ApiResult setCommands(CallContext call) {
        JsonNode commands = call.params().json("commands", "can't parse commands JSON object").orElse(Json.array());
        if (!commands.isArray()) {
            throw ApiException.badRequest("expected an Array of BotCommand");
        }
        ArrayNode validated = Json.array();
        for (JsonNode command : commands) {
            validated.add(validate(command));
        }
        call.account().commands = validated;
        return ApiResult.ok();
    }

    private static JsonNode validate(JsonNode command) {
        if (!command.isObject() || !command.path("command").isString() || !command.path("description").isString()) {
            throw ApiException.badRequest("can't parse BotCommand: expected an Object with command and description");
        }
        String name = command.get("command").stringValue();
        if (!COMMAND.matcher(name.startsWith("/") ? name.substring(1) : name).matches()) {
            throw ApiException.badRequest("BOT_COMMAND_INVALID");
        }
        int descriptionLength = command.get("description").stringValue().length();
        if (descriptionLength < 1 || descriptionLength > 256) {
            throw ApiException.badRequest("BOT_COMMAND_DESCRIPTION_INVALID");
        }
        return command.deepCopy();
    }
}
