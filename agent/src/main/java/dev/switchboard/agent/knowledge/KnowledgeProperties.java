package dev.switchboard.agent.knowledge;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code switchboard.agent.knowledge.*}: documents, passages and retrieval.
 *
 * @param maxDocumentBytes largest document content accepted (UTF-8 bytes)
 * @param chunkChars       longest passage; a Markdown section shorter than this is one passage
 * @param overlapChars     a boundary sentence up to this long is repeated in the next passage
 * @param lexicalWeight    share of the lexical coverage in a passage's score (the rest: cosine)
 * @param centeringPrior   pseudo-count shrinking the per-script mean vectors (negative: no centering)
 * @param cacheMaxPassages passages kept in memory across all tenants' indexes (about 3 KB each: vector, text, terms)
 * @param preloadModel     load the embedding model in the background after start-up instead of on first use
 * @param embeddingThreads passages of one document embedded at once (0: one per CPU)
 * @param inlinePassages   a document of up to this many passages is embedded before its POST answers; a larger
 *                         one in the background
 * @param slicePassages    passages the background indexer embeds per work item (keep a slice's time far below
 *                         the worker lease)
 */
@Validated
@ConfigurationProperties("switchboard.agent.knowledge")
public record KnowledgeProperties(
        @DefaultValue("1048576") @Min(1) int maxDocumentBytes,
        @DefaultValue("800") @Min(100) @Max(4000) int chunkChars,
        @DefaultValue("150") @Min(0) int overlapChars,
        @DefaultValue("0.4") @DecimalMin("0") @DecimalMax("1") double lexicalWeight,
        @DefaultValue("10") int centeringPrior,
        @DefaultValue("100000") @Min(1) long cacheMaxPassages,
        @DefaultValue("true") boolean preloadModel,
        @DefaultValue("0") @Min(0) int embeddingThreads,
        @DefaultValue("64") @Min(1) int inlinePassages,
        @DefaultValue("64") @Min(1) @Max(1000) int slicePassages) {
}
