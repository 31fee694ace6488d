-- PostgreSQL: the traffic-light boards count the open complaints where an institution must act
-- (institution_due_at set): a few percent of the read model. This partial covering index holds only
-- them, by province, regency and OPD, with what a board reads, so the nation's and a province's
-- boards are index-only scans of the open complaints instead of visits to their rows spread over ten
-- years of pages. Measured in docs/performance.md.
create index ix_projection_open_board on complaint_projection (province_code, regency_code, opd_code)
  include (institution_due_at, light) where institution_due_at is not null;
