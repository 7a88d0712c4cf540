-- Quizzes and tip rotation. Portable SQL: runs unchanged on PostgreSQL and on H2 in
-- MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE.
--
-- People are stored only as pseudonyms (an HMAC of platform, tenant and user id under a secret
-- key, 64 hex characters): never a platform user id. The platform and tenant are kept beside the
-- pseudonym where a person has to be given back to the application.

-- Spaced-repetition state: one Leitner card per person and question.
CREATE TABLE quiz_progress (
    user_pseudonym  VARCHAR(64)              NOT NULL,
    question_id     VARCHAR(512)             NOT NULL,
    leitner_box     INTEGER                  NOT NULL,
    due_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    seen_count      INTEGER                  NOT NULL,
    correct_count   INTEGER                  NOT NULL,
    CONSTRAINT pk_quiz_progress PRIMARY KEY (user_pseudonym, question_id)
);

-- Personal quizzes in progress. question_ids: the ids in order, one a line (backslash-escaped);
-- answer_results: one character per answered question, '1' right and '0' wrong.
CREATE TABLE quiz_session (
    id              VARCHAR(64)              NOT NULL,
    platform        VARCHAR(16)              NOT NULL,
    tenant          VARCHAR(512)             NOT NULL,
    user_pseudonym  VARCHAR(64)              NOT NULL,
    language_tag    VARCHAR(16)              NOT NULL,
    question_ids    VARCHAR                  NOT NULL,
    question_count  INTEGER                  NOT NULL,
    current_index   INTEGER                  NOT NULL,
    correct_count   INTEGER                  NOT NULL,
    answer_results  VARCHAR                  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_quiz_session PRIMARY KEY (id)
);

CREATE INDEX ix_quiz_session_user ON quiz_session (user_pseudonym);
CREATE INDEX ix_quiz_session_expires ON quiz_session (expires_at);

-- Micro-quizzes posted in channels.
CREATE TABLE channel_quiz (
    id              VARCHAR(64)              NOT NULL,
    platform        VARCHAR(16)              NOT NULL,
    tenant          VARCHAR(512)             NOT NULL,
    channel_id      VARCHAR(512)             NOT NULL,
    question_id     VARCHAR(512)             NOT NULL,
    language_tag    VARCHAR(16)              NOT NULL,
    posted_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_channel_quiz PRIMARY KEY (id)
);

CREATE INDEX ix_channel_quiz_channel ON channel_quiz (platform, tenant, channel_id, posted_at);
CREATE INDEX ix_channel_quiz_posted ON channel_quiz (posted_at);

-- Who answered a channel quiz: the key makes a person's first answer the only one.
CREATE TABLE channel_quiz_answer (
    quiz_id         VARCHAR(64)              NOT NULL,
    user_pseudonym  VARCHAR(64)              NOT NULL,
    platform        VARCHAR(16)              NOT NULL,
    tenant          VARCHAR(512)             NOT NULL,
    option_index    INTEGER                  NOT NULL,
    CONSTRAINT pk_channel_quiz_answer PRIMARY KEY (quiz_id, user_pseudonym),
    CONSTRAINT fk_channel_quiz_answer_quiz FOREIGN KEY (quiz_id) REFERENCES channel_quiz (id) ON DELETE CASCADE
);

CREATE INDEX ix_channel_quiz_answer_user ON channel_quiz_answer (user_pseudonym);

-- The tips shown in a channel in the current rotation cycle.
CREATE TABLE tip_shown (
    platform        VARCHAR(16)              NOT NULL,
    tenant          VARCHAR(512)             NOT NULL,
    channel_id      VARCHAR(512)             NOT NULL,
    tip_id          VARCHAR(512)             NOT NULL,
    CONSTRAINT pk_tip_shown PRIMARY KEY (platform, tenant, channel_id, tip_id)
);

-- The tip shown last in a channel, kept across cycles.
CREATE TABLE tip_last (
    platform        VARCHAR(16)              NOT NULL,
    tenant          VARCHAR(512)             NOT NULL,
    channel_id      VARCHAR(512)             NOT NULL,
    tip_id          VARCHAR(512)             NOT NULL,
    CONSTRAINT pk_tip_last PRIMARY KEY (platform, tenant, channel_id)
);
