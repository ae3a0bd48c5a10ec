-- Document batches: the batch as submitted, its frozen selection of documents numbered 1..n (the
-- partitions are ranges of these numbers), and one result per (batch, document, analysis).

CREATE TABLE analysis_batch (
  id                 VARCHAR(36)   NOT NULL,
  owner              VARCHAR(255)  NOT NULL,
  status             VARCHAR(16)   NOT NULL,
  analyses           VARCHAR(500)  NOT NULL,
  model              VARCHAR(200),
  priority           VARCHAR(16)   NOT NULL,
  max_concurrency    INTEGER       NOT NULL,
  partitions         INTEGER       NOT NULL,
  custom_instruction VARCHAR(5000),
  webhook_url        VARCHAR(2000),
  item_count         INTEGER       NOT NULL,
  execution_id       BIGINT,
  created_at         TIMESTAMP     NOT NULL,
  updated_at         TIMESTAMP     NOT NULL,
  started_at         TIMESTAMP,
  finished_at        TIMESTAMP,
  CONSTRAINT pk_analysis_batch PRIMARY KEY (id),
  CONSTRAINT ck_analysis_batch_status CHECK (
    status IN ('STARTING', 'STARTED', 'STOPPING', 'STOPPED', 'FAILED', 'COMPLETED', 'ABANDONED'))
);

-- A user's batches, newest first, paged by the key (created_at, id).
CREATE INDEX ix_analysis_batch_owner_created ON analysis_batch (owner, created_at, id);
CREATE INDEX ix_analysis_batch_status ON analysis_batch (status, created_at);

CREATE TABLE batch_item (
  batch_id    VARCHAR(36) NOT NULL,
  item_no     INTEGER     NOT NULL,
  document_id VARCHAR(36) NOT NULL,
  CONSTRAINT pk_batch_item PRIMARY KEY (batch_id, item_no),
  CONSTRAINT fk_batch_item_batch FOREIGN KEY (batch_id) REFERENCES analysis_batch (id) ON DELETE CASCADE
);

-- The key is the exactly-once guarantee: a re-run item overwrites its row, never adds a second.
CREATE TABLE analysis_result (
  batch_id       VARCHAR(36)     NOT NULL,
  document_id    VARCHAR(36)     NOT NULL,
  analysis       VARCHAR(32)     NOT NULL,
  item_no        INTEGER         NOT NULL,
  partition_no   INTEGER         NOT NULL,
  status         VARCHAR(16)     NOT NULL,
  output         VARCHAR,
  model_answered VARCHAR(200),
  input_tokens   INTEGER         NOT NULL,
  output_tokens  INTEGER         NOT NULL,
  cost_usd       NUMERIC(18, 10) NOT NULL,
  attempts       INTEGER         NOT NULL,
  time_ms        BIGINT          NOT NULL,
  error_code     VARCHAR(64),
  error_message  VARCHAR(2000),
  created_at     TIMESTAMP       NOT NULL,
  updated_at     TIMESTAMP       NOT NULL,
  CONSTRAINT pk_analysis_result PRIMARY KEY (batch_id, document_id, analysis),
  CONSTRAINT fk_analysis_result_batch FOREIGN KEY (batch_id) REFERENCES analysis_batch (id) ON DELETE CASCADE,
  CONSTRAINT ck_analysis_result_status CHECK (status IN ('COMPLETED', 'FAILED', 'SKIPPED'))
);

-- Results in item order (paging, per-partition progress) and a document's analyses across batches.
CREATE INDEX ix_analysis_result_item ON analysis_result (batch_id, item_no, analysis);
CREATE INDEX ix_analysis_result_partition ON analysis_result (batch_id, partition_no, status);
CREATE INDEX ix_analysis_result_document ON analysis_result (document_id);
