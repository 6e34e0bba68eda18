-- SAMPLE 特困人员基本生活标准 for the two demo counties (demo profile only). NOT official figures: each is the
-- 2025 sample 低保 standard (V5_90) × 1.3 rounded up to ten yuan. Replace them through POST /api/tekun/standards
-- with the standard the county government published. Before 2025 no row exists on purpose: an assessment of such a
-- date uses 1.3 × the 低保 standard in force and says so.
INSERT INTO tekun_standard (county_code, urban_rural, monthly_standard, effective_from, sample, source_note,
    created_by, created_at) VALUES
  ('220102', 'URBAN', 990.00, DATE '2025-01-01', TRUE, '示例数值（SAMPLE），非官方标准：南关区城市特困人员基本生活标准，仅供演示', 'demo-seed', TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+08:00'),
  ('220102', 'RURAL', 680.00, DATE '2025-01-01', TRUE, '示例数值（SAMPLE），非官方标准：南关区农村特困人员基本生活标准，仅供演示', 'demo-seed', TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+08:00'),
  ('220122', 'URBAN', 860.00, DATE '2025-01-01', TRUE, '示例数值（SAMPLE），非官方标准：农安县城市特困人员基本生活标准，仅供演示', 'demo-seed', TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+08:00'),
  ('220122', 'RURAL', 650.00, DATE '2025-01-01', TRUE, '示例数值（SAMPLE），非官方标准：农安县农村特困人员基本生活标准，仅供演示', 'demo-seed', TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+08:00');
