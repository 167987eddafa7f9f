-- The limits assignments are checked against, versioned: a version is in force from its effective time until the
-- next one's, and a shift keeps the version it was planned under. Hours per worker kind are a JSON object
-- {"VOLUNTEER": {"dayMinutes": 480, "weekMinutes": 2400}, ...}.
CREATE TABLE workforce_limits (
    id                    bigserial PRIMARY KEY,
    version               int         NOT NULL UNIQUE,
    effective_from        timestamptz NOT NULL,
    rest_minutes          int         NOT NULL CHECK (rest_minutes BETWEEN 0 AND 1440),
    suit_minutes          int         NOT NULL CHECK (suit_minutes BETWEEN 30 AND 1440),
    heat_suit_minutes     int         NOT NULL CHECK (heat_suit_minutes BETWEEN 30 AND 1440),
    test_max_age_minutes  int         NOT NULL CHECK (test_max_age_minutes BETWEEN 60 AND 20160),
    kind_limits           jsonb       NOT NULL,
    note                  text,
    created_by            text        NOT NULL,
    created_at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX workforce_limits_effective ON workforce_limits (effective_from DESC);

-- The first version: 8 h of rest, 10 h a day and 50 h in any 7 days (volunteers 8 h and 40 h), 4 h in a protective
-- suit (2 h on a heat-warning day), a test at most 48 h old.
INSERT INTO workforce_limits (version, effective_from, rest_minutes, suit_minutes, heat_suit_minutes,
                              test_max_age_minutes, kind_limits, note, created_by)
VALUES (1, '2020-01-01T00:00:00Z', 480, 240, 120, 2880,
        '{"CADRE": {"dayMinutes": 600, "weekMinutes": 3000}, "VOLUNTEER": {"dayMinutes": 480, "weekMinutes": 2400},
          "MEDICAL": {"dayMinutes": 600, "weekMinutes": 3000}, "POLICE": {"dayMinutes": 600, "weekMinutes": 3000},
          "PROPERTY": {"dayMinutes": 600, "weekMinutes": 3000}, "OTHER": {"dayMinutes": 600, "weekMinutes": 3000}}',
        'initial limits', 'system');

-- Days with a heat warning for the district: continuous work in a protective suit is limited further.
CREATE TABLE workforce_heat_day (
    day          date        PRIMARY KEY,
    note         text,
    declared_by  text        NOT NULL,
    declared_at  timestamptz NOT NULL DEFAULT now()
);
