-- Connectivity of institutions (seed 001): the decree (SK) on complaint management, and when staff last logged in.
alter table institution add column decree_number varchar(100);
alter table institution add column decree_date date;
alter table institution add column decree_file_name varchar(120);
alter table institution add column decree_content_type varchar(60);
-- the signed document apart, so that reading the registry never reads the scans
create table decree_document (
  institution_code varchar(40) not null primary key references institution (code),
  content          bytea       not null
);

create table staff_login (
  user_id       varchar(100) not null primary key,
  last_login_at timestamp(6) with time zone not null
);
