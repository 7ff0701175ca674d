-- Events of this run's articles; cluster ids are assigned after the insert.
INSERT OR REPLACE INTO events (event_id, article_id, event_type, mode, context, cameo_root, quad_class,
                               actor1_id, actor2_id, event_date, date_precision, location, location_country,
                               latitude, longitude, location_source, sentence_id, sentence, trigger,
                               negated, future, reported, confidence, cluster_id)
SELECT s.event_id, s.article_id, s.event_type, s.mode, s.context, s.cameo_root, s.quad_class,
       s.actor1_id, s.actor2_id, s.event_date, s.date_precision, s.location, s.location_country,
       s.latitude, s.longitude, s.location_source, s.sentence_id, s.sentence, s.trigger,
       s.negated, s.future, s.reported, s.confidence, NULL
FROM staged_events s
SEMI JOIN winners w ON s.article_id = w.article_id AND s._batch = w._batch;
