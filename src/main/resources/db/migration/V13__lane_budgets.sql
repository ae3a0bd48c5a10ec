-- Lane budgets shared by the servers of a cluster (sluice.cluster.shared-budgets): one Bucket4j
-- bucket per lane and budget ("<lane>#requests", "<lane>#tokens"), its state serialized by Bucket4j
-- and changed under the row's lock. Unused by a single server, whose budgets live in its memory.

CREATE TABLE lane_budget (
  id    VARCHAR(300) NOT NULL,
  state ${binary_type},
  CONSTRAINT pk_lane_budget PRIMARY KEY (id)
);
