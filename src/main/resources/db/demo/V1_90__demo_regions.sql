-- Demo slice below the counties: two streets/townships per county and a few communities/villages.
-- The codes have the statistical-division structure (county + 3 digits, township + 3 digits); they are
-- illustrative for the demo and must be replaced by the current official list in production.
INSERT INTO region (code, name, level, parent_code, urban_rural) VALUES
  ('220102001', '南岭街道', 'TOWNSHIP', '220102', 'URBAN'),
  ('220102002', '自强街道', 'TOWNSHIP', '220102', 'URBAN'),
  ('220122100', '农安镇', 'TOWNSHIP', '220122', 'RURAL'),
  ('220122101', '伏龙泉镇', 'TOWNSHIP', '220122', 'RURAL'),
  ('220102001001', '南岭社区', 'VILLAGE', '220102001', 'URBAN'),
  ('220102001002', '建和社区', 'VILLAGE', '220102001', 'URBAN'),
  ('220102002001', '自强社区', 'VILLAGE', '220102002', 'URBAN'),
  ('220122100201', '宝塔村', 'VILLAGE', '220122100', 'RURAL'),
  ('220122100202', '新阳村', 'VILLAGE', '220122100', 'RURAL'),
  ('220122101201', '伏龙泉村', 'VILLAGE', '220122101', 'RURAL');
