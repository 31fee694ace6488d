-- Merging duplicates and transferring complaints between institutions.
alter table complaint add column merged_into_id bigint references complaint (id);
alter table complaint add column transfer_count integer default 0 not null;
-- people who reported the same problem: the complainant, the merged duplicates' complainants, "me too"
alter table complaint add column report_count integer default 1 not null;
create index ix_complaint_merged_into on complaint (merged_into_id);
