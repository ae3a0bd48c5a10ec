-- Provider batches (issue 16): a document batch may run through a provider's own batch API at its
-- batch price. The batch says which way it runs; while the provider works it is WAITING.
ALTER TABLE analysis_batch ADD COLUMN mode VARCHAR(16) DEFAULT 'INTERACTIVE' NOT NULL;
ALTER TABLE analysis_batch ADD CONSTRAINT ck_analysis_batch_mode CHECK (mode IN ('INTERACTIVE', 'PROVIDER'));
ALTER TABLE analysis_batch DROP CONSTRAINT ck_analysis_batch_status;
ALTER TABLE analysis_batch ADD CONSTRAINT ck_analysis_batch_status CHECK (
  status IN ('STARTING', 'STARTED', 'WAITING', 'STOPPING', 'STOPPED', 'FAILED', 'COMPLETED', 'ABANDONED'));

-- One batch at a provider. Its row exists (CREATING) before the provider is asked to create it, so
-- that a crash between the two is noticed; external_id is the provider's id once created. The
-- snapshot is the provider's state as last polled (ProviderBatch JSON: counts, result files).
CREATE TABLE provider_batch (
  id              VARCHAR(36)     NOT NULL,
  batch_id        VARCHAR(36)     NOT NULL,
  provider        VARCHAR(100)    NOT NULL,
  model           VARCHAR(200)    NOT NULL,
  external_id     VARCHAR(200),
  status          VARCHAR(16)     NOT NULL,
  snapshot        VARCHAR(4000),
  request_count   INTEGER         NOT NULL,
  succeeded       INTEGER         DEFAULT 0 NOT NULL,
  errored         INTEGER         DEFAULT 0 NOT NULL,
  expired         INTEGER         DEFAULT 0 NOT NULL,
  cancelled       INTEGER         DEFAULT 0 NOT NULL,
  cancel_wanted   BOOLEAN         DEFAULT FALSE NOT NULL,
  collect_state   VARCHAR(16)     DEFAULT 'WAITING' NOT NULL,
  collect_node    VARCHAR(36),
  cost_usd        NUMERIC(18, 10) DEFAULT 0 NOT NULL,
  list_cost_usd   NUMERIC(18, 10) DEFAULT 0 NOT NULL,
  created_at      TIMESTAMP       NOT NULL,
  updated_at      TIMESTAMP       NOT NULL,
  polled_at       TIMESTAMP,
  CONSTRAINT pk_provider_batch PRIMARY KEY (id),
  CONSTRAINT fk_provider_batch_batch FOREIGN KEY (batch_id) REFERENCES analysis_batch (id) ON DELETE CASCADE,
  CONSTRAINT ck_provider_batch_collect CHECK (collect_state IN ('WAITING', 'COLLECTING', 'COLLECTED'))
);
CREATE INDEX ix_provider_batch_batch ON provider_batch (batch_id, created_at);
CREATE INDEX ix_provider_batch_open ON provider_batch (collect_state, polled_at);

-- A (document, analysis) handed to a provider batch and not yet collected: it has no result row
-- yet. Written in the chunk's transaction with its checkpoint; provider_batch_id is set when the
-- request file it went into becomes a provider batch; collecting its result deletes it in the
-- transaction that writes the result, so a result is collected once.
CREATE TABLE provider_batch_request (
  batch_id          VARCHAR(36) NOT NULL,
  document_id       VARCHAR(36) NOT NULL,
  analysis          VARCHAR(32) NOT NULL,
  item_no           INTEGER     NOT NULL,
  partition_no      INTEGER     NOT NULL,
  provider_batch_id VARCHAR(36),
  created_at        TIMESTAMP   NOT NULL,
  CONSTRAINT pk_provider_batch_request PRIMARY KEY (batch_id, document_id, analysis),
  CONSTRAINT fk_provider_batch_request_batch FOREIGN KEY (batch_id) REFERENCES analysis_batch (id) ON DELETE CASCADE
);
CREATE INDEX ix_provider_batch_request_order ON provider_batch_request (batch_id, provider_batch_id, item_no, analysis);
CREATE INDEX ix_provider_batch_request_batch ON provider_batch_request (provider_batch_id);
