-- Inbound SMS/WhatsApp messages the gateway delivered, by the gateway's message id: a message
-- delivered twice makes one complaint (and one reply).
create table channel_message (
  message_key     varchar(120) primary key,
  outcome         varchar(20)  not null,
  tracking_number varchar(20),
  received_at     timestamp(6) with time zone not null
);
