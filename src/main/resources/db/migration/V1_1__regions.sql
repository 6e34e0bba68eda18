-- Administrative hierarchy (行政区划): province → city → county → township/street → village/community.
-- Codes follow GB/T 2260 (6 digits) and the statistical division codes (9 digits township, 12 digits village).
CREATE TABLE region (
  code        VARCHAR(12)  NOT NULL PRIMARY KEY,
  name        VARCHAR(100) NOT NULL,
  level       VARCHAR(10)  NOT NULL,
  parent_code VARCHAR(12)  REFERENCES region (code),
  urban_rural VARCHAR(5),
  CONSTRAINT region_level_chk CHECK (level IN ('PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE')),
  CONSTRAINT region_urban_rural_chk CHECK (urban_rural IS NULL OR urban_rural IN ('URBAN', 'RURAL'))
);
CREATE INDEX region_parent_idx ON region (parent_code);

-- Jilin province and the counties of the Changchun demo slice (GB/T 2260 codes).
INSERT INTO region (code, name, level, parent_code, urban_rural) VALUES
  ('220000', '吉林省', 'PROVINCE', NULL, NULL),
  ('220100', '长春市', 'CITY', '220000', NULL),
  ('220102', '南关区', 'COUNTY', '220100', 'URBAN'),
  ('220122', '农安县', 'COUNTY', '220100', 'RURAL');
