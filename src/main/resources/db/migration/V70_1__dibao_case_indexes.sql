-- A case's evidence is read by its process instance (the information check's result, the assessment, notices,
-- objections, the case file's sections); without these indexes every such read scanned the whole table, so each
-- case cost more than the one before (docs/benchmarks/dibao.md).
CREATE INDEX dibao_notice_case_idx ON dibao_notice (process_instance_id);
CREATE INDEX dibao_check_case_idx ON dibao_check (process_instance_id);
CREATE INDEX dibao_assessment_case_idx ON dibao_assessment (process_instance_id, id);
CREATE INDEX dibao_objection_case_idx ON dibao_objection (process_instance_id);
CREATE INDEX dibao_case_event_case_idx ON dibao_case_event (process_instance_id);
