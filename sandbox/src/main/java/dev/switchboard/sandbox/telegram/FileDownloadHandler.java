package dev.switchboard.sandbox.telegram;

import dev.switchboard.sandbox.http.SandboxHandler;
import dev.switchboard.sandbox.http.SandboxRequest;
import dev.switchboard.sandbox.http.SandboxResponse;

/** {@code /file/bot<token>/<file_path>}: downloads of files the bot may see (after getFile). */
final class FileDownloadHandler implements SandboxHandler {

    static final String PREFIX = "/file/bot";

    private final TelegramState state;

    FileDownloadHandler(TelegramState state) {
        this.state = state;
    }

    @Override
    public SandboxResponse handle(SandboxRequest request) {
        String rest = request.path().substring(PREFIX.length());
        int slash = rest.indexOf('/');
        if (slash <= 0) {
            return Envelopes.error(ApiException.notFound());
        }
        String token = rest.substring(0, slash);
        String filePath = rest.substring(slash + 1);
        return state.locked(() -> {
            BotAccount bot = state.account(token);
            if (bot == null || bot.revoked) {
                return Envelopes.error(ApiException.unauthorized());
            }
            StoredFile file = state.files.byPath(bot.id(), filePath);
            if (file == null) {
                return Envelopes.error(ApiException.notFound());
            }
            return Envelopes.withServerHeaders(SandboxResponse.bytes(200, file.mimeType(), file.content()));
        });
    }
}
