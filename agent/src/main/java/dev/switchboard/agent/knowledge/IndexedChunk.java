package dev.switchboard.agent.knowledge;

import java.util.UUID;

/** A passage as the index keeps it (its vector lives in the index's matrix). */
record IndexedChunk(UUID documentId, String title, int ordinal, String heading, String text) {

    /** What is embedded and indexed: the passage in its context (document title and section). */
    String indexedText() {
        return Chunk.indexedText(title, heading, text);
    }
}
