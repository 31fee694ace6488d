-- H2 (the embedded default) has no covering indexes; the PostgreSQL migration of the same version
-- adds one for provinces' figures. Nothing to change here: the plain index stays.
select 1;
