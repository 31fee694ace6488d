-- The duplicate index follows complaints by their last change.
create index ix_complaint_updated on complaint (updated_at, id);
