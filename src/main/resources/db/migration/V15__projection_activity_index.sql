-- Connectivity counts an institution's activity: complaints verified or answered in the last days.
create index ix_projection_verified on complaint_projection (verified_at);
create index ix_projection_answered on complaint_projection (answered_at);
