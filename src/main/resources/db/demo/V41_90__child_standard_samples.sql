-- SAMPLE monthly standards of 儿童基本生活费 for the two demo counties (demo profile only). These are NOT official
-- figures: neither the domain brief nor the Jilin notice (吉民发〔2020〕40号) gives a Jilin standard for 孤儿 or
-- 事实无人抚养儿童. Replace them through POST /api/child/standards with the standard the county published.
INSERT INTO child_standard (county_code, care_mode, monthly_amount, effective_from, sample, source_note, created_by,
    created_at) VALUES
  ('220102', 'INSTITUTION', 1600.00, DATE '2020-01-01', TRUE, '示例数值（SAMPLE），非官方标准：南关区集中养育，仅供演示', 'demo-seed', TIMESTAMP WITH TIME ZONE '2020-01-01 00:00:00+08:00'),
  ('220102', 'HOME', 1200.00, DATE '2020-01-01', TRUE, '示例数值（SAMPLE），非官方标准：南关区社会散居，仅供演示', 'demo-seed', TIMESTAMP WITH TIME ZONE '2020-01-01 00:00:00+08:00'),
  ('220122', 'INSTITUTION', 1500.00, DATE '2020-01-01', TRUE, '示例数值（SAMPLE），非官方标准：农安县集中养育，仅供演示', 'demo-seed', TIMESTAMP WITH TIME ZONE '2020-01-01 00:00:00+08:00'),
  ('220122', 'HOME', 1100.00, DATE '2020-01-01', TRUE, '示例数值（SAMPLE），非官方标准：农安县社会散居，仅供演示', 'demo-seed', TIMESTAMP WITH TIME ZONE '2020-01-01 00:00:00+08:00'),
  ('220102', 'INSTITUTION', 1800.00, DATE '2025-01-01', TRUE, '示例数值（SAMPLE），非官方标准：南关区集中养育，仅供演示', 'demo-seed', TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+08:00'),
  ('220102', 'HOME', 1400.00, DATE '2025-01-01', TRUE, '示例数值（SAMPLE），非官方标准：南关区社会散居，仅供演示', 'demo-seed', TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+08:00'),
  ('220122', 'INSTITUTION', 1700.00, DATE '2025-01-01', TRUE, '示例数值（SAMPLE），非官方标准：农安县集中养育，仅供演示', 'demo-seed', TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+08:00'),
  ('220122', 'HOME', 1300.00, DATE '2025-01-01', TRUE, '示例数值（SAMPLE），非官方标准：农安县社会散居，仅供演示', 'demo-seed', TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+08:00');
