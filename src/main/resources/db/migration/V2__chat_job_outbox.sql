-- The transactional outbox of chat jobs: written in the same transaction as the assistant message,
-- marked dispatched once the job is on the JMS queue. Rows never dispatched are re-sent at start.

CREATE TABLE chat_job_outbox (
  message_id    VARCHAR(36) NOT NULL,
  priority      VARCHAR(16) NOT NULL,
  created_at    TIMESTAMP   NOT NULL,
  dispatched_at TIMESTAMP,
  CONSTRAINT pk_chat_job_outbox PRIMARY KEY (message_id),
  CONSTRAINT fk_chat_job_outbox_message FOREIGN KEY (message_id)
    REFERENCES chat_message (id) ON DELETE CASCADE
);

CREATE INDEX ix_chat_job_outbox_pending ON chat_job_outbox (dispatched_at, created_at);
