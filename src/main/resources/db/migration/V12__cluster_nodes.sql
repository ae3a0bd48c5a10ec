-- The nodes of a cluster (one server alone is a cluster of one): each run of a server registers
-- with a fresh id and renews a lease by heartbeats. A node that stops, restarts under its name or
-- misses its heartbeats for a lease is ended; one survivor claims the recovery of its work.

CREATE TABLE cluster_node (
  id           VARCHAR(36)  NOT NULL,
  name         VARCHAR(200) NOT NULL,
  started_at   TIMESTAMP    NOT NULL,
  heartbeat_at TIMESTAMP    NOT NULL,
  ended_at     TIMESTAMP,
  ended_how    VARCHAR(16),
  recovered_by VARCHAR(36),
  recovered_at TIMESTAMP,
  CONSTRAINT pk_cluster_node PRIMARY KEY (id),
  CONSTRAINT ck_cluster_node_end CHECK (ended_how IN ('STOPPED', 'RESTARTED', 'EXPIRED'))
);

CREATE INDEX ix_cluster_node_name ON cluster_node (name, ended_at);
CREATE INDEX ix_cluster_node_ended ON cluster_node (ended_at, recovered_at);
CREATE INDEX ix_cluster_node_recovered ON cluster_node (recovered_at);

-- The node whose run claimed the answer (streaming) or the batch (running): its writes to the work
-- name it, so a node taken for dead cannot write over what a survivor recovered. NULL: claimed
-- before nodes existed, or not claimed.
ALTER TABLE chat_message ADD COLUMN owner_node VARCHAR(36);
ALTER TABLE analysis_batch ADD COLUMN owner_node VARCHAR(36);
