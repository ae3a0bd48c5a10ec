-- What each node of a cluster last reported of itself (JSON, written every heartbeat): its lanes'
-- use and its last hour of provider calls, which the console merges into the cluster's figures.
ALTER TABLE cluster_node ADD COLUMN report VARCHAR(1000000);
