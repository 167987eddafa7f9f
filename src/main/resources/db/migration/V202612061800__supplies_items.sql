-- The item catalogue: what the district stocks, in what unit and pack, and whether it is kept by lot and expiry.
CREATE TABLE supplies_item (
    code        text        COLLATE "C" PRIMARY KEY CHECK (code ~ '^[A-Z0-9][A-Z0-9-]{0,31}$'),
    name        text        NOT NULL,
    name_en     text        NOT NULL,
    unit        text        NOT NULL CHECK (unit IN ('SET', 'PIECE', 'PAIR', 'KIT', 'BOTTLE', 'PORTION')),
    pack_size   int         NOT NULL CHECK (pack_size >= 1),
    category    text        NOT NULL CHECK (category IN ('PPE', 'SAMPLING', 'DISINFECTION', 'LIVING', 'MEDICINE')),
    lot_tracked boolean     NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- What the district used in April 2022. Sampling tubes are named by how many swabs one takes (TUBE-<n>): a tube
-- opened at a site with pool size n uses one TUBE-<n> and n swabs.
INSERT INTO supplies_item (code, name, name_en, unit, pack_size, category, lot_tracked) VALUES
    ('SUIT',         '防护服',         'Protective suit',               'SET',     10,  'PPE',          true),
    ('N95',          'N95口罩',        'N95 respirator',                'PIECE',   20,  'PPE',          true),
    ('MASK',         '医用外科口罩',    'Surgical mask',                 'PIECE',   50,  'PPE',          true),
    ('GLOVES',       '乳胶手套',        'Latex gloves',                  'PAIR',    50,  'PPE',          true),
    ('FACE-SHIELD',  '面屏',           'Face shield',                   'PIECE',   20,  'PPE',          false),
    ('SHOE-COVERS',  '鞋套',           'Shoe covers',                   'PAIR',    100, 'PPE',          false),
    ('SWAB',         '采样拭子',        'Sampling swab',                 'PIECE',   100, 'SAMPLING',     true),
    ('TUBE-1',       '采样管（单采）',   'Sampling tube (single)',        'PIECE',   100, 'SAMPLING',     true),
    ('TUBE-5',       '采样管（5混1）',   'Sampling tube (5-in-1)',        'PIECE',   100, 'SAMPLING',     true),
    ('TUBE-10',      '采样管（10混1）',  'Sampling tube (10-in-1)',       'PIECE',   100, 'SAMPLING',     true),
    ('TUBE-20',      '采样管（20混1）',  'Sampling tube (20-in-1)',       'PIECE',   50,  'SAMPLING',     true),
    ('ANTIGEN',      '抗原试剂',        'Antigen test kit',              'KIT',     20,  'SAMPLING',     true),
    ('DISINFECTANT', '含氯消毒液',      'Chlorine disinfectant',         'BOTTLE',  12,  'DISINFECTION', true),
    ('BEDDING',      '被褥套装',        'Bedding set',                   'SET',     1,   'LIVING',       false),
    ('MEAL',         '盒饭',           'Boxed meal',                    'PORTION', 1,   'LIVING',       false),
    ('WATER',        '饮用水',          'Drinking water',                'BOTTLE',  24,  'LIVING',       false);
