-- Generations: one row per provider call through the admission gate (chat answers, batch and
-- upload analyses), for the admin console. Written in batches by GenerationWriter, purged after the
-- retention period by GenerationRetention; generation_daily keeps the totals that outlive them.

CREATE TABLE generation (
  id                     VARCHAR(36)     NOT NULL,
  started_at             TIMESTAMP       NOT NULL,
  ended_at               TIMESTAMP       NOT NULL,
  source                 VARCHAR(16)     NOT NULL,
  reference              VARCHAR(200),
  batch_id               VARCHAR(36),
  owner                  VARCHAR(255)    NOT NULL,
  model                  VARCHAR(200)    NOT NULL,
  answered_model         VARCHAR(200),
  provider               VARCHAR(100),
  priority               VARCHAR(16)     NOT NULL,
  status                 VARCHAR(16)     NOT NULL,
  error_kind             VARCHAR(40),
  error_message          VARCHAR(2000),
  attempt_count          INTEGER         NOT NULL,
  attempts               VARCHAR(20000),
  fallback_chain         VARCHAR(2000),
  gate_wait_ms           BIGINT          NOT NULL,
  time_to_first_token_ms BIGINT,
  total_ms               BIGINT          NOT NULL,
  input_tokens           INTEGER         NOT NULL,
  output_tokens          INTEGER         NOT NULL,
  cost_usd               NUMERIC(18, 10) NOT NULL,
  prompt                 VARCHAR,
  answer                 VARCHAR,
  CONSTRAINT pk_generation PRIMARY KEY (id),
  CONSTRAINT ck_generation_source CHECK (source IN ('CHAT', 'BATCH', 'UPLOAD', 'OTHER')),
  CONSTRAINT ck_generation_status CHECK (status IN ('COMPLETED', 'FAILED', 'CANCELLED'))
);

-- The console lists newest first by (started_at, id), keyset-paged, optionally filtered; each filter
-- has an index whose order is the list's order after the filter's value (descending, because H2
-- reads an index only forwards; the query orders by the filter column first so that both databases
-- see the index gives the order and read about a page of entries, not every matching row).
CREATE INDEX ix_generation_started ON generation (started_at DESC, id DESC);
CREATE INDEX ix_generation_status ON generation (status, started_at DESC, id DESC);
CREATE INDEX ix_generation_model ON generation (model, started_at DESC, id DESC);
CREATE INDEX ix_generation_owner ON generation (owner, started_at DESC, id DESC);
CREATE INDEX ix_generation_source ON generation (source, started_at DESC, id DESC);
CREATE INDEX ix_generation_batch ON generation (batch_id);

-- Tokens and cost per day, user and model, kept as calls are recorded, so "today" and the costs
-- page never scan generation (and survive its purge).
CREATE TABLE generation_daily (
  usage_day     DATE            NOT NULL,
  owner         VARCHAR(255)    NOT NULL,
  model         VARCHAR(200)    NOT NULL,
  calls         BIGINT          NOT NULL,
  failed        BIGINT          NOT NULL,
  input_tokens  BIGINT          NOT NULL,
  output_tokens BIGINT          NOT NULL,
  cost_usd      NUMERIC(24, 10) NOT NULL,
  CONSTRAINT pk_generation_daily PRIMARY KEY (usage_day, owner, model)
);

-- The overview counts chat jobs by status (queued, streaming; ended in the last hour).
CREATE INDEX ix_chat_message_status ON chat_message (status, updated_at);
