package dev.switchboard.agent.llm;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;

/**
 * Counts tokens with OpenAI's o200k_base encoding. Other models (Llama, DeepSeek, Qwen) cut text
 * differently, but within a few tens of percent for English and Russian, which is what a prompt
 * budget needs: the budgets leave that much room below any model's context window.
 */
public final class TokenCounter {

    /** What a chat message costs besides its text (role and separators), per OpenAI's accounting. */
    static final int PER_MESSAGE = 4;

    private final Encoding encoding = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

    public int count(String text) {
        return text == null || text.isEmpty() ? 0 : encoding.countTokensOrdinary(text);
    }
}
