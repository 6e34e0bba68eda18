-- SAMPLE 低保 standards for the two demo counties (demo profile only). These are NOT official figures:
-- no Jilin/Changchun standard could be confirmed from a primary source. Replace them through
-- POST /api/admin/dibao-standards with the standard the county government published.
INSERT INTO dibao_standard (county_code, urban_rural, monthly_standard, asset_limit_months, effective_from,
    sample, source_note, created_by, created_at) VALUES
  ('220102', 'URBAN', 646.00, 24, DATE '2020-01-01', TRUE, '示例数值（SAMPLE），非官方标准：南关区城市低保，仅供演示', 'demo-seed', TIMESTAMP WITH TIME ZONE '2020-01-01 00:00:00+08:00'),
  ('220102', 'RURAL', 420.00, 24, DATE '2020-01-01', TRUE, '示例数值（SAMPLE），非官方标准：南关区农村低保，仅供演示', 'demo-seed', TIMESTAMP WITH TIME ZONE '2020-01-01 00:00:00+08:00'),
  ('220122', 'URBAN', 560.00, 24, DATE '2020-01-01', TRUE, '示例数值（SAMPLE），非官方标准：农安县城市低保，仅供演示', 'demo-seed', TIMESTAMP WITH TIME ZONE '2020-01-01 00:00:00+08:00'),
  ('220122', 'RURAL', 400.00, 24, DATE '2020-01-01', TRUE, '示例数值（SAMPLE），非官方标准：农安县农村低保，仅供演示', 'demo-seed', TIMESTAMP WITH TIME ZONE '2020-01-01 00:00:00+08:00'),
  ('220102', 'URBAN', 760.00, 24, DATE '2025-01-01', TRUE, '示例数值（SAMPLE），非官方标准：南关区城市低保，仅供演示', 'demo-seed', TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+08:00'),
  ('220102', 'RURAL', 520.00, 24, DATE '2025-01-01', TRUE, '示例数值（SAMPLE），非官方标准：南关区农村低保，仅供演示', 'demo-seed', TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+08:00'),
  ('220122', 'URBAN', 660.00, 24, DATE '2025-01-01', TRUE, '示例数值（SAMPLE），非官方标准：农安县城市低保，仅供演示', 'demo-seed', TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+08:00'),
  ('220122', 'RURAL', 500.00, 24, DATE '2025-01-01', TRUE, '示例数值（SAMPLE），非官方标准：农安县农村低保，仅供演示', 'demo-seed', TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+08:00');
