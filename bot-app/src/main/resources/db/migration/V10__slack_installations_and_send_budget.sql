-- Slack installations through OAuth (any number of workspaces and Enterprise Grid organizations)
-- and the nudges' send budget shared by every replica.
-- Runs unchanged on PostgreSQL and on H2 in MODE=PostgreSQL (see V1).

-- One row per installation: 'team:<team id>' for a workspace, 'org:<enterprise id>' for an
-- org-wide install. Tokens are AES-256-GCM ciphertexts under charter.slack.token-encryption-key
-- (never plaintext); no user token and no installing user is kept.
CREATE TABLE slack_installation (
    install_key          VARCHAR(80)   NOT NULL PRIMARY KEY,
    enterprise_id        VARCHAR(64),
    team_id              VARCHAR(64),
    enterprise_install   BOOLEAN       NOT NULL,
    enterprise_url       VARCHAR(512),
    app_id               VARCHAR(64),
    bot_id               VARCHAR(64),
    bot_user_id          VARCHAR(64),
    bot_scopes           VARCHAR(2000),
    bot_token            VARCHAR(2000) NOT NULL,
    bot_refresh_token    VARCHAR(2000),
    bot_token_expires_at TIMESTAMP WITH TIME ZONE,
    installed_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT slack_installation_rotation_ck CHECK ((bot_refresh_token IS NULL) = (bot_token_expires_at IS NULL))
);

-- Which Enterprise Grid organization a workspace was seen in, so that an org-wide installation
-- serves the nudges of that workspace's channels. Ids only.
CREATE TABLE slack_workspace (
    team_id       VARCHAR(64) NOT NULL PRIMARY KEY,
    enterprise_id VARCHAR(64) NOT NULL,
    seen_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX slack_workspace_enterprise_ix ON slack_workspace (enterprise_id);

-- OAuth states already used to finish an install (a SHA-256 of the signed state), so that each is
-- used once whichever replica the person comes back to; deleted once expired.
CREATE TABLE slack_oauth_state (
    state_hash VARCHAR(64)              NOT NULL PRIMARY KEY,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX slack_oauth_state_expires_ix ON slack_oauth_state (expires_at);

-- The send budget (JdbcSendBudget): per tenant ('t:' + tenant key) the next message's theoretical
-- time and when the next caller turned away comes back, per channel ('c:' + a SHA-256 of its key)
-- the earliest time of its next message; nanoseconds since the epoch. A row whose instants are
-- past holds nothing and is deleted by the retention task.
CREATE TABLE send_budget (
    budget_key   VARCHAR(80) NOT NULL PRIMARY KEY,
    next_at      BIGINT,
    come_back_at BIGINT
);

-- The workspace or tenant each question, answer feedback and unanswered question came from
-- ('slack:T0123', 'teams:<tenant id>'; no person), so that an administrator's statistics cover
-- their own workspace, or their Enterprise Grid organization. Rows from before stay without one
-- and count only in the statistics of administrators named in the configuration.
ALTER TABLE activity_question ADD COLUMN tenant_key VARCHAR(300);
ALTER TABLE activity_feedback ADD COLUMN tenant_key VARCHAR(300);
ALTER TABLE unanswered_question ADD COLUMN tenant_key VARCHAR(300);
