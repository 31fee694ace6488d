-- A national archive for the supervision benchmark (PostgreSQL): 34 provinces, 466 regencies and
-- cities (500 regional governments), 10 OPDs each, and :n complaints over the ten years before
-- :now in the read model, with the history of each (verification, forwarding, opening, follow-up,
-- escalations, returns, transfers, reopenings, rating, closure). Busy regencies get many more
-- complaints than quiet ones, recent years more than early ones; complaints of the last 30 days are
-- partly still open, and about 1 % of older ones are stuck (the overdue backlog).
-- Rows are written in the order complaints arrive, as a live system appends them (so a period's
-- complaints share pages, as they would).
-- Placeholders (:n, :now) are replaced by SupervisionBenchmark before it runs.

insert into institution (code, name, kind, parent_code, time_zone)
select 'ID', 'Admin Nasional', 'NATIONAL', null, 'Asia/Jakarta'
 where not exists (select 1 from institution where code = 'ID');

create temporary table bench_province as
select p, (10 + p)::text as code,
       (array['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'])[1 + (p % 7 = 0)::int + (p % 11 = 0)::int] as zone
  from generate_series(1, 34) p;

insert into institution (code, name, kind, parent_code, time_zone)
select code, 'Provinsi Uji ' || p, 'PROVINCE', 'ID', zone from bench_province;

create temporary table bench_regency as
select row_number() over (order by p.p, r) - 1 as idx, p.code || '.' || lpad(r::text, 2, '0') as code,
       p.code as province, p.zone, r
  from bench_province p cross join generate_series(1, 14) r
 where r <= case when p.p <= 24 then 14 else 13 end;

insert into institution (code, name, kind, parent_code, time_zone)
select code, case when r % 5 = 0 then 'Kota Uji ' else 'Kab. Uji ' end || code,
       case when r % 5 = 0 then 'CITY' else 'REGENCY' end, province, zone from bench_regency;

insert into institution (code, name, kind, parent_code, time_zone)
select r.code || '.' || o.name, 'OPD ' || o.name || ' ' || r.code, 'OPD', r.code, r.zone
  from bench_regency r cross join unnest(array['dinkes', 'pupr', 'disdik', 'disdukcapil', 'dlh', 'rsud', 'dinsos',
       'satpolpp', 'dishub', 'pdam']) as o(name);

create temporary table bench_complaint as
select g,
       :now::timestamptz - (1 - power(random(), 0.6)) * interval '3652 days' as received,
       floor(power(random(), 2.2) * (select count(*) from bench_regency))::int as ri,
       floor(random() * 10)::int as oi,
       random() as fate, random() as speed, random() as r3, random() as r4, random() as r5, random() as r6
  from generate_series(1, :n) g;

insert into complaint_projection (tracking_number, province_code, regency_code, opd_code, classification, category,
    channel, status, light, received_at, verification_due_at, verified_at, verified_on_time, forwarded_at,
    reached_opd_at, opened_at, answered_at, answered_on_time, follow_up_work_minutes, due_at, institution_due_at,
    closed_at, resolution, archive_reason, escalation_count, highest_escalation, return_count, transfer_count,
    reopen_count, rating, event_count, last_event_at)
select 'LPR-B' || lpad(c.g::text, 10, '0'),
       reg.province, reg.code,
       case when c.stage in ('SUBMITTED', 'ARCHIVED', 'MERGED') then null
            else reg.code || '.' || (array['dinkes', 'pupr', 'disdik', 'disdukcapil', 'dlh', 'rsud', 'dinsos',
                 'satpolpp', 'dishub', 'pdam'])[1 + c.oi] end,
       (array['PENGADUAN', 'PENGADUAN', 'PENGADUAN', 'ASPIRASI', 'PERMINTAAN_INFORMASI'])[1 + floor(c.r3 * 5)::int],
       (array['INFRASTRUKTUR', 'KESEHATAN', 'KEPENDUDUKAN', 'PENDIDIKAN', 'LINGKUNGAN', 'AIR_LISTRIK',
              'BANTUAN_SOSIAL', 'KETERTIBAN_UMUM', 'PERIZINAN', 'LAINNYA'])[1 + floor(c.r4 * 10)::int],
       (array['WEB', 'WEB', 'WEB', 'API', 'SMS', 'WHATSAPP', 'WHATSAPP', 'OPEN311'])[1 + floor(c.r5 * 8)::int],
       c.stage,
       case c.stage when 'FORWARDED' then 'RED' when 'IN_PROGRESS' then 'YELLOW'
            when 'ANSWERED' then 'GREEN' when 'RESOLVED' then 'GREEN' end,
       c.received, c.received + interval '3 days',
       case when c.stage = 'SUBMITTED' then null else c.verified end,
       case when c.stage = 'SUBMITTED' then null else c.verified <= c.received + interval '3 days' end,
       case when c.at_opd then c.verified end,
       case when c.at_opd then c.verified end,
       case when c.stage in ('IN_PROGRESS', 'ANSWERED', 'RESOLVED') then c.verified + c.speed * interval '1 day' end,
       case when c.answered_stage then c.answered end,
       case when c.answered_stage then c.answered <= c.verified + interval '7 days' end,
       case when c.answered_stage then (extract(epoch from c.answered - c.verified) / 60 * 8 / 24 * 5 / 7)::bigint end,
       c.due, case when c.stage in ('SUBMITTED', 'FORWARDED', 'IN_PROGRESS') then c.due end,
       case when c.stage in ('RESOLVED', 'ARCHIVED', 'MERGED') then c.closed end,
       case when c.stage = 'RESOLVED' then (case when c.r6 < 0.7 then 'ACCEPTED' else 'NO_REPLY' end) end,
       case when c.stage = 'ARCHIVED' then 'UNINTELLIGIBLE' end,
       c.escalations, case c.escalations when 0 then 'NONE' when 1 then 'PROVINCE' else 'NATIONAL' end,
       (c.r6 < 0.05)::int, (c.r6 > 0.98)::int,
       case when c.stage = 'RESOLVED' and c.r3 > 0.97 then 1 else 0 end,
       case when c.stage = 'RESOLVED' and c.r6 < 0.4 then 1 + floor(c.r5 * 5)::int end,
       3 + 2 * c.answered_stage::int + c.escalations,
       coalesce(c.closed, c.answered, c.verified, c.received)
  from (
    select b.*,
           x.stage,
           x.stage in ('FORWARDED', 'IN_PROGRESS', 'ANSWERED', 'RESOLVED') as at_opd,
           x.stage in ('ANSWERED', 'RESOLVED') as answered_stage,
           b.received + power(b.speed, 2) * interval '4 days' as verified,
           b.received + power(b.speed, 2) * interval '4 days' + power(b.r6, 1.5) * interval '14 days' as answered,
           b.received + power(b.speed, 2) * interval '4 days' + power(b.r6, 1.5) * interval '14 days'
             + interval '5 days' as closed,
           case when x.stage = 'SUBMITTED' then b.received + interval '3 days'
                when x.stage in ('FORWARDED', 'IN_PROGRESS') then b.received + power(b.speed, 2) * interval '4 days'
                  + interval '7 days'
                when x.stage = 'ANSWERED' then b.received + interval '21 days' end as due,
           case when power(b.r6, 1.5) * 14 > 9 then 2 when power(b.r6, 1.5) * 14 > 7 then 1 else 0 end as escalations
      from bench_complaint b
      cross join lateral (select case
          when b.received > :now::timestamptz - interval '30 days' then
            case when b.fate < 0.08 then 'SUBMITTED' when b.fate < 0.25 then 'FORWARDED'
                 when b.fate < 0.40 then 'IN_PROGRESS' when b.fate < 0.50 then 'ANSWERED'
                 when b.fate < 0.56 then 'ARCHIVED' else 'RESOLVED' end
          when b.fate < 0.003 then 'FORWARDED' when b.fate < 0.006 then 'IN_PROGRESS' when b.fate < 0.01 then 'SUBMITTED'
          when b.fate < 0.08 then 'ARCHIVED' when b.fate < 0.10 then 'MERGED' else 'RESOLVED' end as stage) x
  ) c
  join bench_regency reg on reg.idx = c.ri
 -- in the order they arrived, as a live system appends them
 order by c.received;
