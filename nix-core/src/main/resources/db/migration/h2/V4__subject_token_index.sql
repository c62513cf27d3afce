-- Officers' "who asked about this subject" lookups search by keyed subject token.
CREATE INDEX traffic_record_subject ON traffic_record (subject_token);
