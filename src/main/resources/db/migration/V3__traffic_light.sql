-- Traffic light at the OPD: when an OPD user first opened the complaint, when and whether late it was answered.
alter table complaint add column opened_at timestamp(6) with time zone;
alter table complaint add column answered_at timestamp(6) with time zone;
alter table complaint add column answered_late boolean;
create index ix_complaint_opd_status on complaint (opd_code, status);
