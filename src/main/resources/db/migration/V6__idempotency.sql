-- Idempotency-Key of submissions: a retried request gets the first answer (kept 24 hours).
create table idempotency_record (
  key_hash        varchar(64)  primary key,
  request_hash    varchar(64)  not null,
  tracking_number varchar(20)  not null,
  token_sealed    varchar(300) not null,
  created_at      timestamp(6) with time zone not null
);
create index ix_idempotency_created on idempotency_record (created_at);
