-- The tenant's knowledge: documents the agent answers from, cut into passages, each with the
-- vector of the in-process embedding model. There is no pgvector on the embedded database, so
-- vectors are float32 arrays (little-endian, L2-normalized) in bytea and similarity is computed in
-- the application over a per-tenant in-memory index; at thousands of passages per tenant a full
-- scan takes milliseconds.

CREATE TABLE knowledge_document (
    id              uuid        PRIMARY KEY,
    title           text        NOT NULL,
    format          text        NOT NULL CHECK (format IN ('markdown', 'text')),
    content         text        NOT NULL,
    size_bytes      integer     NOT NULL,
    chunk_count     integer     NOT NULL,
    -- the model that embedded the passages; passages of another model are re-embedded on load
    embedding_model text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX knowledge_document_created ON knowledge_document (created_at);

CREATE TABLE knowledge_chunk (
    document_id uuid    NOT NULL REFERENCES knowledge_document (id) ON DELETE CASCADE,
    ordinal     integer NOT NULL,
    -- the Markdown section path the passage came from ("Rooms > Check-in"), null for none
    heading     text,
    text        text    NOT NULL,
    embedding   bytea   NOT NULL,
    PRIMARY KEY (document_id, ordinal)
);

-- Bumped by every change of the knowledge, in the changing transaction: every node compares it
-- with the version of its cached index before a search, so no node answers from stale passages.
CREATE TABLE knowledge_state (
    singleton  boolean     PRIMARY KEY DEFAULT true CHECK (singleton),
    version    bigint      NOT NULL DEFAULT 0,
    updated_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO knowledge_state DEFAULT VALUES;
