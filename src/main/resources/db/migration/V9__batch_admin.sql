-- The admin console's batch queries (GET /api/admin/batches and /{id}/errors).

-- Every user's batches newest first, paged by the key (created_at, id): read in index order and
-- stopped after one page. Descending, because H2 reads an index in its own order only; PostgreSQL
-- reads it either way. Filters by owner or status use V5's (owner, created_at, id) and
-- (status, created_at).
CREATE INDEX ix_analysis_batch_created ON analysis_batch (created_at DESC, id DESC);

-- A batch's failed results in item order (the errors page), without reading its other results.
CREATE INDEX ix_analysis_result_status ON analysis_result (batch_id, status, item_no, analysis);
