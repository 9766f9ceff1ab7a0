-- Notifications (issue 4): what a case change tells people, written by the case's own commit in the same statement
-- (PostgresCaseStore.AppendAsync), read three ways: a user's inbox (PostgresNotificationInbox), the unread count, and
-- the feed in commit order that the live stream and webhooks follow (PostgresNotificationFeed).
--
-- A notification is addressed to exactly one user, or to one organisation, optionally narrowed to the members with one
-- role (a Role name in camelCase). A user sees those addressed to them, and those addressed to their organisation with
-- no role or with their role (NotificationRecipient.Sees).
--
-- xact_id is the writing transaction's id (xid8: 64 bits, never wraps), the first half of the feed's position
-- (xact_id, id). The identity alone cannot be the feed's order: it is taken at insert, not at commit, so a transaction
-- holding id 5 can commit after one holding id 6. The feed returns a row only once its transaction is older than every
-- transaction still running (below the snapshot's xmin): from then on no row with a smaller position can appear.
CREATE TABLE notifications (
    id                        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    xact_id                   xid8        NOT NULL DEFAULT pg_current_xact_id(),
    case_id                   text COLLATE "C" NOT NULL REFERENCES cases (case_id),
    created_at                timestamptz NOT NULL,
    kind                      text COLLATE "C" NOT NULL CHECK (kind <> ''),
    recipient_organisation_id text COLLATE "C" NULL CHECK (recipient_organisation_id <> ''),
    recipient_role            text COLLATE "C" NULL CHECK (recipient_role <> ''),
    recipient_user_id         text COLLATE "C" NULL CHECK (recipient_user_id <> ''),
    title                     text        NOT NULL CHECK (btrim(title) <> ''),
    text                      text        NOT NULL CHECK (btrim(text) <> ''),
    payload                   jsonb       NOT NULL CHECK (jsonb_typeof(payload) = 'object'),
    CONSTRAINT notifications_one_recipient CHECK (num_nonnulls(recipient_organisation_id, recipient_user_id) = 1),
    CONSTRAINT notifications_role_narrows_organisation CHECK (recipient_role IS NULL OR recipient_organisation_id IS NOT NULL)
);

-- The feed: (xact_id, id) > cursor, in that order.
CREATE INDEX notifications_feed ON notifications (xact_id, id);

-- The inbox is the union of three disjoint parts (to the user; to the organisation without a role; to the
-- organisation and the user's role), each equalities on one of these indexes followed by id, so a page newest first
-- merges three backward index scans and stops after one page. The part without a role has an index of its own: the
-- planner does not take "recipient_role IS NULL" as fixing the column, so (organisation, role, id) would not give it
-- id order.
CREATE INDEX notifications_user ON notifications (recipient_user_id, id) WHERE recipient_user_id IS NOT NULL;
CREATE INDEX notifications_organisation ON notifications (recipient_organisation_id, id)
    WHERE recipient_organisation_id IS NOT NULL AND recipient_role IS NULL;
CREATE INDEX notifications_organisation_role ON notifications (recipient_organisation_id, recipient_role, id)
    WHERE recipient_role IS NOT NULL;

-- A case's notifications (the inbox's case filter) and the foreign key.
CREATE INDEX notifications_case ON notifications (case_id, id);

-- Read state, per user: an organisation's notification read by one member is still unread for the others. A row means
-- read; there is no unread row. The primary key serves "has this user read this one" (the inbox's anti-join).
-- Notifications are never deleted, so the foreign key needs no index of its own.
CREATE TABLE notification_reads (
    user_id         text COLLATE "C" NOT NULL,
    notification_id bigint      NOT NULL REFERENCES notifications (id),
    read_at         timestamptz NOT NULL,
    PRIMARY KEY (user_id, notification_id)
);
