-- Which reply of the bot answered which message of a person, so that when the person edits the
-- question its new answer replaces the old reply in place (Slack chat.update, Teams update
-- activity). Only ids are kept: the message's place (platform, workspace or tenant, conversation,
-- message id) as a SHA-256 hash, and the reply's platform id (a Slack ts, a Teams activity id);
-- no text, no user. Rows are deleted a day later by the retention task.
-- (V6 is left to another change.)
CREATE TABLE replied_message (
    message_key CHAR(64)                 NOT NULL PRIMARY KEY,
    reply_id    VARCHAR(200)             NOT NULL,
    replied_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX replied_message_replied_at_ix ON replied_message (replied_at);
