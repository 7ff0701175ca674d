-- Events: PLOVER types, modes, contexts and precisions from the vocabulary; CAMEO and quad class codes.
SELECT event_id, event_type, mode, context, date_precision, quad_class, cameo_root
FROM events
WHERE NOT list_contains($event_types, event_type)
   OR (mode IS NOT NULL AND NOT list_contains($event_modes, mode))
   OR (context IS NOT NULL AND NOT list_contains($contexts, context))
   OR (date_precision IS NOT NULL AND NOT list_contains($date_precisions, date_precision))
   OR (event_date IS NULL) <> (date_precision IS NULL)
   OR (quad_class IS NOT NULL AND NOT list_contains($quad_classes, quad_class))
   OR (cameo_root IS NOT NULL AND NOT regexp_full_match(cameo_root, '[0-9]{2}'))
   OR (actor1_id IS NOT NULL AND actor1_id = actor2_id)
