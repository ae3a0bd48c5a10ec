-- A regenerated answer or an edited question replaces an earlier message of its chat: this is that
-- message's seq. Both are kept and shown; prompts leave out what was replaced (see PromptHistory).
ALTER TABLE chat_message ADD COLUMN replaces_seq INTEGER;
