-- Platform events already handled (Slack event ids, Teams activity ids), so that an event the
-- platform delivers twice, to the same replica or another, is processed once. Rows are deleted
-- after a day by the retention task; they hold no personal data, only the platform's event id.
CREATE TABLE seen_event (
    event_key VARCHAR(200)             NOT NULL PRIMARY KEY,
    seen_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX seen_event_seen_at_ix ON seen_event (seen_at);
