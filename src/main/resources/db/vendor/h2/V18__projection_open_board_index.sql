-- H2 (the embedded default) has neither partial nor covering indexes; the PostgreSQL migration of
-- the same version adds one for the traffic-light boards. Nothing to change here.
select 1;
