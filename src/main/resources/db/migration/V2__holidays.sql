-- Working-day calendar: national holidays and joint leave days (cuti bersama).
create table holiday (
  date date         not null primary key,
  kind varchar(20)  not null,
  name varchar(150) not null
);
