-- The statistics scenario's data: the reminders data set (casegrains_bench) holds only open cases received within two
-- months, so on a COPY of it (never on casegrains_bench itself, which is read only) this spreads receipt over
-- 2024-01-01 to 2026-09-26 and gives 85% of the cases an ending a few weeks after receipt, a third of those a
-- decision with findings, from a hash of the case id (the same every run). Run it before the indexes it would
-- otherwise update: at a million cases about 10 minutes on the shared 2-core machine.
UPDATE cases c
   SET received_on = d.received_on,
       accepted_on = CASE WHEN d.h % 100 < 85 AND d.h % 9 <> 0 THEN d.received_on + 3 END,
       ending = e.ending,
       ended_on = CASE WHEN e.ending IS NOT NULL THEN d.received_on + 20 + d.h % 60 END,
       decision_type = CASE WHEN e.ending = 'decided'
                            THEN (ARRAY['alter','annul','partiallyAnnul','declareUnlawful','orderPerformance','declareVoid','uphold','rejectClaim','dismissApplication'])[1 + d.h % 9] END,
       findings = CASE WHEN e.ending = 'decided' AND d.h % 3 = 0
                       THEN ARRAY[(ARRAY['procedure','facts','legalBasis','improperDiscretion','exceedingAuthority','inaction','other'])[1 + d.h % 7]]
                       ELSE '{}' END,
       decision_overdue = coalesce(e.ending = 'decided' AND d.h % 17 = 0, false)
  FROM cases s
 CROSS JOIN LATERAL (SELECT abs(hashtext(s.case_id)) AS h) hh
 CROSS JOIN LATERAL (SELECT hh.h, DATE '2024-01-01' + hh.h % 1000 AS received_on) d
 CROSS JOIN LATERAL (SELECT CASE WHEN d.h % 100 >= 85 THEN NULL
                                 WHEN d.h % 9 = 0 THEN (ARRAY['resolvedBeforeFiling','notAccepted','abandoned'])[1 + d.h / 9 % 3]
                                 WHEN d.h / 100 % 3 = 0 THEN 'decided'
                                 ELSE (ARRAY['withdrawn','withdrawnAfterAgencyCorrected','settled','mediated','terminated'])[1 + d.h / 7 % 5]
                            END AS ending) e
 WHERE c.case_id = s.case_id;
