-- Demo only (docs/vagrants.md): one assistance station per demo county. Names marked 演示; not real addresses.
INSERT INTO vagrant_station (code, name, county_code, address, phone, created_by, created_at) VALUES
  ('JZ220102', '长春市救助管理站（演示）', '220102', '南关区（演示地址）', '043100000000', 'demo', CURRENT_TIMESTAMP),
  ('JZ220122', '农安县救助管理站（演示）', '220122', '农安县农安镇（演示地址）', '043100000001', 'demo', CURRENT_TIMESTAMP);
