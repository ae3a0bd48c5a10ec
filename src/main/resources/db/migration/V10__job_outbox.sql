-- One outbox for every kind of job (chat answers, document uploads): the durable record of a job
-- not yet claimed, written in the same transaction as its work and deleted by the transaction that
-- claims it. The JMS wake-up sent after commit is not persistent; a row whose wake_at has passed is
-- woken again by the sweep, and at start every row is.

CREATE TABLE job_outbox (
  kind         VARCHAR(32) NOT NULL,
  work_id      VARCHAR(36) NOT NULL,
  jms_priority SMALLINT    NOT NULL,
  created_at   TIMESTAMP   NOT NULL,
  wake_at      TIMESTAMP   NOT NULL,
  CONSTRAINT pk_job_outbox PRIMARY KEY (kind, work_id)
);

CREATE INDEX ix_job_outbox_wake ON job_outbox (wake_at);

-- Every job still waiting, whatever the old outboxes said: their persistent messages may still be
-- on the queues (a duplicate wake-up finds its work claimed), but from now on the row is the record.
INSERT INTO job_outbox (kind, work_id, jms_priority, created_at, wake_at)
SELECT 'chat', id,
       CASE priority WHEN 'URGENT' THEN 9 WHEN 'HIGH' THEN 7 WHEN 'NORMAL' THEN 5 WHEN 'LOW' THEN 3
                     ELSE 1 END,
       created_at, created_at
  FROM chat_message
 WHERE status = 'QUEUED' AND role = 'ASSISTANT';

INSERT INTO job_outbox (kind, work_id, jms_priority, created_at, wake_at)
SELECT 'document', id,
       CASE priority WHEN 'URGENT' THEN 9 WHEN 'HIGH' THEN 7 WHEN 'NORMAL' THEN 5 WHEN 'LOW' THEN 3
                     ELSE 1 END,
       created_at, created_at
  FROM analysis_batch
 WHERE kind = 'UPLOAD' AND status = 'STARTING';

DROP TABLE chat_job_outbox;
DROP TABLE document_job_outbox;

-- A provider call cut by a crash (or by its stream breaking) is recorded as interrupted.
ALTER TABLE generation DROP CONSTRAINT ck_generation_status;
ALTER TABLE generation ADD CONSTRAINT ck_generation_status
  CHECK (status IN ('COMPLETED', 'FAILED', 'CANCELLED', 'INTERRUPTED'));

-- Recovery after a crash asks which answers' calls are on record.
CREATE INDEX ix_generation_reference ON generation (reference);
