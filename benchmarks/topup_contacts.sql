-- Older contact history for the benchmark cohort, so it carries about 4 million contacts in all
-- (demo_data writes two years of contacts; this adds monthly phone contacts for the years before).
INSERT INTO contacts_contact (young_person_id, occurred_at, kind, made_by, worker_id, successful,
                              reason_unsuccessful, seen_alone, note, by_allocated_worker, created_by_id, created_at,
                              submission_key)
SELECT a.young_person_id, now() - interval '730 days' - g * interval '30 days' - random() * interval '20 days',
       'phone', 'pa', a.worker_id, true, '', NULL, '', true, a.worker_id, now(), NULL
FROM people_allocation a, generate_series(1, 25) AS g
WHERE a.role = 'pa' AND a.end_date IS NULL;
ANALYZE;
