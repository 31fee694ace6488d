-- The supervision read model belongs to the supervision module: its row names the complaint it
-- reads, and the complaint no longer names its row (the complaint announces events; supervision
-- keeps its own table).
alter table complaint_projection add column complaint_id bigint;
update complaint_projection p set complaint_id = (select c.id from complaint c where c.projection_id = p.id);
delete from complaint_projection where complaint_id is null;
alter table complaint_projection alter column complaint_id set not null;
alter table complaint_projection add constraint fk_projection_complaint
  foreign key (complaint_id) references complaint (id);
create unique index ux_projection_complaint on complaint_projection (complaint_id);

drop index ux_complaint_projection;
alter table complaint drop column projection_id;
