-- Documents for analysis. ${binary_type} is the database's unbounded byte string (BYTEA on
-- PostgreSQL, VARBINARY on H2), set by SchemaMigration; everything else is written for both.

CREATE TABLE document (
  id           VARCHAR(36)  NOT NULL,
  owner        VARCHAR(255) NOT NULL,
  title        VARCHAR(500) NOT NULL,
  content_type VARCHAR(200) NOT NULL,
  size_bytes   BIGINT       NOT NULL,
  text         VARCHAR,
  char_count   INTEGER      NOT NULL,
  token_count  INTEGER      NOT NULL,
  created_at   TIMESTAMP    NOT NULL,
  CONSTRAINT pk_document PRIMARY KEY (id)
);

-- A user's documents, newest first, paged by the key (created_at, id); filters by type and title
-- narrow within one owner's rows.
CREATE INDEX ix_document_owner_created ON document (owner, created_at, id);
CREATE INDEX ix_document_owner_type ON document (owner, content_type);

CREATE TABLE document_content (
  document_id VARCHAR(36)    NOT NULL,
  bytes       ${binary_type} NOT NULL,
  CONSTRAINT pk_document_content PRIMARY KEY (document_id),
  CONSTRAINT fk_document_content FOREIGN KEY (document_id) REFERENCES document (id) ON DELETE CASCADE
);
