-- TwoNodesPostgresIT only (a filesystem Flyway location the test adds): two more counties of 长春市, so that the
-- two nodes run the payroll of four counties at once. Same path as the demo regions (db/demo/V1_90).
INSERT INTO region (code, name, level, parent_code, urban_rural) VALUES
  ('220103', '宽城区', 'COUNTY', '220100', 'URBAN'),
  ('220104', '朝阳区', 'COUNTY', '220100', 'URBAN'),
  ('220103001', '新发街道', 'TOWNSHIP', '220103', 'URBAN'),
  ('220104001', '前进街道', 'TOWNSHIP', '220104', 'URBAN'),
  ('220103001001', '新发社区', 'VILLAGE', '220103001', 'URBAN'),
  ('220104001001', '前进社区', 'VILLAGE', '220104001', 'URBAN');
