-- Complainants' personal data is stored encrypted (v1:<key id>:<base64>), which needs more room.
alter table complainant alter column name set data type varchar(1000);
alter table complainant alter column email set data type varchar(1500);
alter table complainant alter column phone set data type varchar(300);
