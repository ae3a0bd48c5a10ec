-- Single-document runs: an upload that asks for analyses (POST /api/documents?analyze=...) gets a
-- run of its own in analysis_batch (kind UPLOAD, one batch_item), so its results share the batches'
-- key (run, document, analysis). Batch listings leave UPLOAD runs out.

ALTER TABLE analysis_batch ADD COLUMN kind VARCHAR(16) DEFAULT 'BATCH' NOT NULL;
ALTER TABLE analysis_batch ADD CONSTRAINT ck_analysis_batch_kind CHECK (kind IN ('BATCH', 'UPLOAD'));

-- The transactional outbox of document jobs, as chat_job_outbox is for chat jobs: written in the
-- upload's transaction, marked dispatched once the job is on the DocumentJobs queue.
CREATE TABLE document_job_outbox (
  run_id        VARCHAR(36) NOT NULL,
  priority      VARCHAR(16) NOT NULL,
  created_at    TIMESTAMP   NOT NULL,
  dispatched_at TIMESTAMP,
  CONSTRAINT pk_document_job_outbox PRIMARY KEY (run_id),
  CONSTRAINT fk_document_job_outbox_run FOREIGN KEY (run_id)
    REFERENCES analysis_batch (id) ON DELETE CASCADE
);

CREATE INDEX ix_document_job_outbox_pending ON document_job_outbox (dispatched_at, created_at);
