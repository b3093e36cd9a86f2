-- Bookings confirmed in chat: venues, their managers, the guests (clients), bookings with
-- pre-orders and a history of every transition, and the notifications sent about them.

CREATE TABLE venue (
    id                       uuid        PRIMARY KEY,
    name                     text        NOT NULL,
    kind                     text        NOT NULL CHECK (kind IN ('restaurant', 'hotel')),
    manager_language         text        NOT NULL,
    timezone                 text        NOT NULL,
    default_duration_minutes integer     NOT NULL DEFAULT 120,
    whatsapp_integration_id  uuid        REFERENCES integration (id) ON DELETE SET NULL,
    telegram_integration_id  uuid        REFERENCES integration (id) ON DELETE SET NULL,
    calendar_integration_id  uuid        REFERENCES integration (id) ON DELETE SET NULL,
    -- Twilio Content templates for the manager notification, by language: {"ru": "HX…"}
    manager_templates        jsonb       NOT NULL DEFAULT '{}',
    created_at               timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE manager (
    id                uuid        PRIMARY KEY,
    venue_id          uuid        NOT NULL REFERENCES venue (id) ON DELETE CASCADE,
    name              text        NOT NULL,
    phone             text,
    telegram_chat_id  text,
    invite_code       text        UNIQUE,
    invite_expires_at timestamptz,
    created_at        timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE client (
    id               uuid        PRIMARY KEY,
    name             text,
    phone            text UNIQUE,
    telegram_chat_id text UNIQUE,
    language         text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE booking (
    id                uuid        PRIMARY KEY,
    venue_id          uuid        NOT NULL REFERENCES venue (id) ON DELETE CASCADE,
    code              text        NOT NULL UNIQUE,
    status            text        NOT NULL CHECK (status IN ('DRAFT', 'PENDING', 'APPROVED', 'REJECTED')),
    starts_at         timestamptz NOT NULL,
    duration_minutes  integer     NOT NULL,
    party_size        integer     NOT NULL,
    table_label       text,
    notes             text,
    client_id         uuid        REFERENCES client (id) ON DELETE SET NULL,
    claimed_integration_id uuid,
    claimed_chat_id   text,
    decided_by        text,
    reject_reason     text,
    calendar_event_id text,
    reminded_at       timestamptz,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX booking_pending ON booking (status, updated_at);

CREATE TABLE booking_item (
    booking_id uuid    NOT NULL REFERENCES booking (id) ON DELETE CASCADE,
    position   integer NOT NULL,
    item       text    NOT NULL,
    quantity   integer NOT NULL,
    PRIMARY KEY (booking_id, position)
);

CREATE TABLE booking_history (
    id          bigserial   PRIMARY KEY,
    booking_id  uuid        NOT NULL REFERENCES booking (id) ON DELETE CASCADE,
    at          timestamptz NOT NULL DEFAULT now(),
    from_status text,
    to_status   text        NOT NULL,
    actor       text        NOT NULL,
    note        text
);
CREATE INDEX booking_history_booking ON booking_history (booking_id, at);

-- Each manager notification sent: what a numbered reply answers, and where a failed one falls back.
CREATE TABLE booking_notice (
    id             uuid        PRIMARY KEY,
    booking_id     uuid        NOT NULL REFERENCES booking (id) ON DELETE CASCADE,
    manager_id     uuid        NOT NULL REFERENCES manager (id) ON DELETE CASCADE,
    integration_id uuid        NOT NULL,
    chat_id        text        NOT NULL,
    message_id     uuid        NOT NULL,
    fallback_done  boolean     NOT NULL DEFAULT false,
    sent_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX booking_notice_chat ON booking_notice (integration_id, chat_id, sent_at DESC);
