-- Conversation references of the Microsoft Teams team channels and group chats the bot was
-- installed in or spoke in: proactive nudges need them verbatim (TeamsChannelMessenger).
-- Personal chats are not kept, and a reference names the bot, the tenant and the conversation,
-- never the person whose message it was taken from.
-- Runs unchanged on PostgreSQL and on H2 in MODE=PostgreSQL (CHECK with CASE: see V1).
CREATE TABLE teams_conversation (
    tenant          VARCHAR(255)  NOT NULL,
    conversation_id VARCHAR(1024) NOT NULL,
    scope           VARCHAR(16)   NOT NULL,
    service_url     VARCHAR(2048) NOT NULL,
    reference_json  TEXT          NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT teams_conversation_pk PRIMARY KEY (tenant, conversation_id),
    CONSTRAINT teams_conversation_scope_ck CHECK (CASE WHEN scope = 'CHANNEL' THEN TRUE WHEN scope = 'GROUP_CHAT' THEN TRUE ELSE FALSE END)
);
