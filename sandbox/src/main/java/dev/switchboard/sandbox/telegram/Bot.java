package dev.switchboard.sandbox.telegram;

/** A bot known to the emulator. The id is the numeric prefix of its token, as at Telegram. */
public record Bot(long id, String username, String token) {

    /** Masks the token: records end up in assertion messages and logs. */
    @Override
    public String toString() {
        return "Bot[id=" + id + ", username=" + username + ", token=" + Tokens.mask(token) + "]";
    }
}
