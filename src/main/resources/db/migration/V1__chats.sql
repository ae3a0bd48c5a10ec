-- Chats and their messages. Written once for H2 (MODE=LEGACY) and PostgreSQL 15: only types and
-- clauses both accept (VARCHAR without a length is unbounded text on both; no TEXT/CLOB, which H2
-- reads back as a LOB).

CREATE TABLE chat (
  id            VARCHAR(36)    NOT NULL,
  owner         VARCHAR(255)   NOT NULL,
  title         VARCHAR(200)   NOT NULL,
  model         VARCHAR(200)   NOT NULL,
  system_prompt VARCHAR(20000),
  created_at    TIMESTAMP      NOT NULL,
  updated_at    TIMESTAMP      NOT NULL,
  CONSTRAINT pk_chat PRIMARY KEY (id)
);

-- A user's chats, most recently active first, paged by the key (updated_at, id).
CREATE INDEX ix_chat_owner_updated ON chat (owner, updated_at, id);

CREATE TABLE chat_message (
  id                     VARCHAR(36)    NOT NULL,
  chat_id                VARCHAR(36)    NOT NULL,
  seq                    INTEGER        NOT NULL,
  role                   VARCHAR(16)    NOT NULL,
  content                VARCHAR        NOT NULL,
  status                 VARCHAR(16)    NOT NULL,
  model_requested        VARCHAR(200),
  model_answered         VARCHAR(200),
  input_tokens           INTEGER,
  output_tokens          INTEGER,
  cached_tokens          INTEGER,
  cost_usd               NUMERIC(18, 10),
  time_to_first_token_ms BIGINT,
  total_time_ms          BIGINT,
  attempts               VARCHAR,
  error_code             VARCHAR(64),
  error_message          VARCHAR(2000),
  priority               VARCHAR(16)    NOT NULL,
  created_at             TIMESTAMP      NOT NULL,
  updated_at             TIMESTAMP      NOT NULL,
  CONSTRAINT pk_chat_message PRIMARY KEY (id),
  CONSTRAINT fk_chat_message_chat FOREIGN KEY (chat_id) REFERENCES chat (id) ON DELETE CASCADE,
  -- Also the index for reading a chat's messages in order (and for the foreign key).
  CONSTRAINT uq_chat_message_seq UNIQUE (chat_id, seq),
  CONSTRAINT ck_chat_message_role CHECK (role IN ('SYSTEM', 'USER', 'ASSISTANT')),
  CONSTRAINT ck_chat_message_status CHECK (
    status IN ('QUEUED', 'STREAMING', 'COMPLETED', 'FAILED', 'CANCELLED', 'INTERRUPTED')),
  CONSTRAINT ck_chat_message_priority CHECK (
    priority IN ('URGENT', 'HIGH', 'NORMAL', 'LOW', 'BATCH'))
);
