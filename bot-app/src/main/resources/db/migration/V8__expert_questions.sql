-- Questions people chose to send to the communications team ("Ask the communications team"), and
-- the channel of each workspace or tenant where the team receives them.
-- The asker (platform id, to send the answer privately; its pseudonym, for "forget me") and the
-- question text are kept only while the question is open: answering, declining or "forget me"
-- set them to NULL, and the retention task deletes every row after charter.privacy.question-retention.
CREATE TABLE expert_question (
    id              CHAR(32)                 NOT NULL PRIMARY KEY,
    tenant_key      VARCHAR(300)             NOT NULL,
    asker_pseudonym VARCHAR(100),
    asker_platform  VARCHAR(10),
    asker_tenant    VARCHAR(300),
    asker_id        VARCHAR(300),
    asker_name      VARCHAR(200)             NOT NULL,
    question_text   VARCHAR(1800),
    language        VARCHAR(5)               NOT NULL,
    section_ids     VARCHAR(1000)            NOT NULL,
    asked_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    status          VARCHAR(12)              NOT NULL,
    channel_tenant  VARCHAR(300),
    channel_id      VARCHAR(300),
    card_id         VARCHAR(200),
    closed_at       TIMESTAMP WITH TIME ZONE,
    closed_by       VARCHAR(200)             NOT NULL,
    reminded_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX expert_question_asked_at_ix ON expert_question (asked_at);
CREATE INDEX expert_question_asker_ix ON expert_question (asker_pseudonym);

CREATE TABLE experts_channel (
    platform   VARCHAR(10)              NOT NULL,
    tenant     VARCHAR(300)             NOT NULL,
    channel_id VARCHAR(300)             NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (platform, tenant)
);
