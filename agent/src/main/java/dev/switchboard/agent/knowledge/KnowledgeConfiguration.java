package dev.switchboard.agent.knowledge;

import dev.switchboard.core.queue.WorkHandler;
import dev.switchboard.core.queue.WorkQueue;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The knowledge beans: one embedding model per JVM, the store, the per-tenant index cache, retrieval. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KnowledgeProperties.class)
public class KnowledgeConfiguration {

    @Bean
    MiniLmEmbedder embedder(KnowledgeProperties properties) {
        int threads = properties.embeddingThreads() > 0 ? properties.embeddingThreads()
                : Runtime.getRuntime().availableProcessors();
        return new MiniLmEmbedder(threads);
    }

    /** Loads the model after start-up, off the main thread: neither start-up nor the first question waits for it. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> embeddingModelPreload(MiniLmEmbedder embedder, KnowledgeProperties properties) {
        return event -> {
            if (properties.preloadModel()) {
                Thread thread = new Thread(embedder::warmUp, "embedding-preload");
                thread.setDaemon(true);
                thread.start();
            }
        };
    }

    @Bean
    KnowledgeStore knowledgeStore(JdbcClient jdbc, NamedParameterJdbcTemplate batch, WorkQueue queue) {
        return new KnowledgeStore(jdbc, batch, queue);
    }

    @Bean
    WorkHandler knowledgeDocumentIndexer(KnowledgeStore store, MiniLmEmbedder embedder, KnowledgeProperties properties) {
        return new DocumentIndexer(store, chunker(properties), embedder, properties.slicePassages());
    }

    @Bean
    KnowledgeIndexCache knowledgeIndexCache(KnowledgeStore store, MiniLmEmbedder embedder, KnowledgeProperties properties) {
        return new KnowledgeIndexCache(store, embedder, properties.centeringPrior(), properties.cacheMaxPassages());
    }

    @Bean
    Retriever retriever(KnowledgeIndexCache indexes, MiniLmEmbedder embedder, KnowledgeProperties properties) {
        return new Retriever(indexes, embedder, properties.lexicalWeight());
    }

    @Bean
    KnowledgeDocuments knowledgeDocuments(KnowledgeStore store, MiniLmEmbedder embedder, KnowledgeProperties properties) {
        return new KnowledgeDocuments(store, chunker(properties), embedder, properties.maxDocumentBytes(),
                properties.inlinePassages());
    }

    private static Chunker chunker(KnowledgeProperties properties) {
        return new Chunker(properties.chunkChars(), properties.overlapChars());
    }
}
