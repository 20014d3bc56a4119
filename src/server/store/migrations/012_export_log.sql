-- Who exported or printed which report or list, when and from which device: the officer's audit
-- log ("Nhật ký xuất dữ liệu"). Exports happen on the phone, offline; the phone sends what it
-- did at its next sync, and the server stamps the account and device from the token.
CREATE TABLE export_log (
  commune_code char(5) NOT NULL,
  -- The phone's own id for the event: a resent event is the same row.
  device_id    uuid NOT NULL,
  id           uuid NOT NULL,
  user_id      uuid NOT NULL,
  kind         text NOT NULL,
  what         text NOT NULL,
  village_id   uuid,
  names        boolean NOT NULL,
  -- When the phone says it happened, kept within [received_at - 30 days, received_at].
  at           timestamptz NOT NULL,
  received_at  timestamptz NOT NULL,
  PRIMARY KEY (commune_code, device_id, id)
);
CREATE INDEX export_log_commune_at ON export_log (commune_code, at DESC);
CREATE INDEX export_log_device_received ON export_log (commune_code, device_id, received_at);
