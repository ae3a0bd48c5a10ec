-- Operators' run-time overrides of admission lanes (PUT /api/admin/lanes/{lane}): one row per
-- overridden lane; a null limit keeps the value from configuration. Every server applies them when
-- it creates the lane and re-reads the table periodically (sluice.admission.settings-refresh).

CREATE TABLE lane_settings (
  lane                VARCHAR(500) NOT NULL,
  max_in_flight       INTEGER,
  requests_per_minute BIGINT,
  tokens_per_minute   BIGINT,
  max_queued          INTEGER,
  updated_at          TIMESTAMP    NOT NULL,
  updated_by          VARCHAR(255) NOT NULL,
  CONSTRAINT pk_lane_settings PRIMARY KEY (lane),
  CONSTRAINT ck_lane_settings_max_in_flight CHECK (max_in_flight IS NULL OR max_in_flight >= 1),
  CONSTRAINT ck_lane_settings_requests CHECK (requests_per_minute IS NULL OR requests_per_minute >= 1),
  CONSTRAINT ck_lane_settings_tokens CHECK (tokens_per_minute IS NULL OR tokens_per_minute >= 1),
  CONSTRAINT ck_lane_settings_max_queued CHECK (max_queued IS NULL OR max_queued >= 0)
);
