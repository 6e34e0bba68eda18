-- TwoNodesPostgresIT only (a filesystem Flyway location the test adds): a street and a community in two more counties
-- of 长春市 (宽城区 and 朝阳区, shipped by V62_2), so that the two nodes run the payroll of four counties at once. Same
-- path as the demo regions (db/demo/V1_90).
INSERT INTO region (code, name, level, parent_code, urban_rural) VALUES
  ('220103001', '新发街道', 'TOWNSHIP', '220103', 'URBAN'),
  ('220104001', '前进街道', 'TOWNSHIP', '220104', 'URBAN'),
  ('220103001001', '新发社区', 'VILLAGE', '220103001', 'URBAN'),
  ('220104001001', '前进社区', 'VILLAGE', '220104001', 'URBAN');
