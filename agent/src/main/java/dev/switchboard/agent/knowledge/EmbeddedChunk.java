package dev.switchboard.agent.knowledge;

/** A passage with its vector, ready to store. */
record EmbeddedChunk(Chunk chunk, float[] vector) {
}
