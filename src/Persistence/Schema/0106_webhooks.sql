-- Outgoing webhooks per organisation (README, "Webhooks"): an administrator subscribes an address for an organisation;
-- every notification addressed to that organisation becomes one delivery per subscription, sent, signed, by the
-- webhook dispatcher and retried with backoff until delivered or failed. Written and read by PostgresWebhookStore.
-- The notifications themselves are read through INotificationFeed, so nothing here refers to their table: a
-- delivery only names the notification's id. Enums are stored as their .NET names.

CREATE TABLE webhook_subscriptions (
    id              uuid PRIMARY KEY,
    organisation_id text COLLATE "C" NOT NULL REFERENCES organisations (id),
    url             text COLLATE "C" NOT NULL CHECK (length(url) BETWEEN 1 AND 2000),
    -- The HMAC key the receiver verifies with. A removed subscription is kept (its deliveries refer to it) but
    -- keeps no secret: removal empties it, and only an active subscription has one.
    secret          text        NOT NULL,
    active          boolean     NOT NULL,
    created_at      timestamptz NOT NULL,
    created_by      text        NOT NULL,
    -- Where the subscription stands in the notification feed: the position of the last notification it has turned
    -- into deliveries (those addressed to its organisation) or passed over (all others). A position orders by the
    -- writing transaction, then the id (NotificationPosition; here the row (cursor_transaction, cursor_id)), not by
    -- the id alone: ids are taken at insert, so a notification can become readable after one with a higher id. Starts
    -- at the feed's head when subscribing; only ever advanced, by a compare-and-set.
    cursor_transaction bigint   NOT NULL CHECK (cursor_transaction >= 0),
    cursor_id       bigint      NOT NULL CHECK (cursor_id >= 0),
    CHECK (active = (secret <> ''))
);

-- One active subscription per organisation and address: a second would send every notification twice. The
-- dispatcher reads the active cursors through it too.
CREATE UNIQUE INDEX webhook_subscriptions_active_url ON webhook_subscriptions (organisation_id, url) WHERE active;

CREATE TABLE webhook_deliveries (
    id               uuid PRIMARY KEY,
    subscription_id  uuid        NOT NULL REFERENCES webhook_subscriptions (id),
    notification_id  bigint      NOT NULL,
    -- The exact text that is sent and signed: built once at enqueueing, so every retry signs the same body (text,
    -- not jsonb, which would reorder and respace it).
    body             text        NOT NULL,
    status           text        NOT NULL CHECK (status IN ('Pending', 'Delivered', 'Failed')),
    -- Attempts whose outcome was recorded; an attempt cut short by a crash is not counted and is made again.
    attempts         integer     NOT NULL CHECK (attempts >= 0),
    next_attempt_at  timestamptz NULL,
    last_status_code integer     NULL CHECK (last_status_code BETWEEN 100 AND 599),
    -- What went wrong, in the dispatcher's words (never the receiver's response, the address or the secret).
    last_error       text        NULL CHECK (length(last_error) <= 500),
    created_at       timestamptz NOT NULL,
    delivered_at     timestamptz NULL,
    -- Set when a dispatcher claims the delivery to send it: no other dispatcher claims it until lease_until, and
    -- the outcome is recorded only by the holder of lease_id.
    lease_id         uuid        NULL,
    lease_until      timestamptz NULL,
    -- One delivery per notification and subscription, whatever the dispatchers do.
    UNIQUE (subscription_id, notification_id),
    CHECK ((status = 'Pending') = (next_attempt_at IS NOT NULL)),
    CHECK ((status = 'Delivered') = (delivered_at IS NOT NULL)),
    CHECK ((lease_id IS NULL) = (lease_until IS NULL)),
    CHECK (status = 'Pending' OR lease_id IS NULL)
);

-- "What is due now, oldest first" (ties in notification order): the claim reads this partial index in order and
-- stops after one batch.
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at, notification_id, id) WHERE status = 'Pending';

-- An administrator's view of one subscription: its deliveries in one status, newest notification first, and the
-- number pending and failed. (The unique key serves the list of all statuses.)
CREATE INDEX webhook_deliveries_subscription_status ON webhook_deliveries (subscription_id, status, notification_id);
