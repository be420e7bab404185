-- Listed companies (IDX, masked figures). Re-applying is harmless.
USE trading;

INSERT INTO profile (ticker, company_name, sector, shares) VALUES
  ('ALTO.JK', 'Tri Banyan Tirta Tbk.',             'Beverages',              1000),
  ('BUDI.JK', 'Budi Starch & Sweetener Tbk.',      'Processed Foods',        1200),
  ('DWGL.JK', 'Dwi Guna Laksana Tbk.',             'Coal',                  10000),
  ('TMAS.JK', 'Temas Tbk.',                        'Logistics & Deliveries', 9000),
  ('AMIN.JK', 'Ateliers Mecaniques D''Indonesie Tbk.', 'Machinery',          1100),
  ('KRAH.JK', 'Grand Kartech Tbk.',                'Machinery',               970),
  ('PRDA.JK', 'Prodia Widyahusada Tbk.',           'Healthcare Providers',   9380),
  ('CAKK.JK', 'Cahayaputra Asa Keramik Tbk.',      'Construction Materials', 1200),
  ('SOSS.JK', 'Shield On Service Tbk.',            'Commercial Services',    7000),
  ('BRPT.JK', 'Barito Pacific Tbk.',               'Chemicals',             93750)
ON DUPLICATE KEY UPDATE
  company_name = VALUES(company_name),
  sector       = VALUES(sector),
  shares       = VALUES(shares);
