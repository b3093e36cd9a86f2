package dev.switchboard.agent.knowledge;

import java.util.UUID;

/** A passage as the index keeps it (its vector lives in the index's matrix). */
record IndexedChunk(UUID documentId, String title, int ordinal, String heading, String text) {
}
