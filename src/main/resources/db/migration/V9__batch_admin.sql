-- The admin console's batch queries (GET /api/admin/batches), each served by one index range read
-- newest first, so a page costs the same with ten or ten thousand batches.

-- Every user's batches (upload runs, kind UPLOAD, left out), newest first by the key (created_at, id).
CREATE INDEX ix_analysis_batch_kind_created ON analysis_batch (kind, created_at, id);
-- ... of one status.
CREATE INDEX ix_analysis_batch_kind_status ON analysis_batch (kind, status, created_at, id);
-- ... of one owner (the owner's own list, /api/batches, uses it too).
CREATE INDEX ix_analysis_batch_kind_owner ON analysis_batch (kind, owner, created_at, id);

-- A batch's failed results in item order (the errors page), and a page of batches' done and failed
-- counts in one grouped query that reads only this index.
CREATE INDEX ix_analysis_result_status ON analysis_result (batch_id, status, item_no, analysis);
