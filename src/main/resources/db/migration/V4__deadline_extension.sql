-- A supervisor may extend the OPD's follow-up deadline once in the life of a complaint.
alter table complaint add column deadline_extended boolean default false not null;
