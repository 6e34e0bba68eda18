-- Demo only (module care, docs/care.md): a few care institutions and beds in 长春市 so that a 特困 person recognised
-- for 集中供养 in the demo is placed (农安县 first, then 南关区 for the city). Names marked 演示; not real capacity.
INSERT INTO care_institution (name, county_code, city_code, kind, created_by, created_at) VALUES
  ('农安县中心敬老院（演示）', '220122', '220100', 'ELDERLY', 'demo', CURRENT_TIMESTAMP),
  ('南关区社会福利中心（演示）', '220102', '220100', 'ELDERLY', 'demo', CURRENT_TIMESTAMP),
  ('长春市儿童福利院（演示）', '220102', '220100', 'CHILD_WELFARE', 'demo', CURRENT_TIMESTAMP);
INSERT INTO care_bed (institution_id, bed_no, bed_type, created_by, created_at)
SELECT i.id, b.bed_no, b.bed_type, 'demo', CURRENT_TIMESTAMP
FROM care_institution i JOIN (VALUES
  ('农安县中心敬老院（演示）', 'N101', 'NURSING'), ('农安县中心敬老院（演示）', 'N102', 'NURSING'),
  ('农安县中心敬老院（演示）', 'G201', 'GENERAL'), ('农安县中心敬老院（演示）', 'G202', 'GENERAL'),
  ('南关区社会福利中心（演示）', 'N101', 'NURSING'), ('南关区社会福利中心（演示）', 'G201', 'GENERAL'),
  ('长春市儿童福利院（演示）', 'N101', 'NURSING'), ('长春市儿童福利院（演示）', 'G201', 'GENERAL')
) AS b (institution_name, bed_no, bed_type) ON b.institution_name = i.name;
