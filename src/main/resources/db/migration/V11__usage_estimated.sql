-- Whether a generation's token counts were estimated by Sluice (the provider reported no usage,
-- or the stream broke off before it did) rather than reported by the provider. Rows written before
-- this column existed were all reported ones.
ALTER TABLE generation ADD COLUMN usage_estimated BOOLEAN DEFAULT FALSE NOT NULL;
