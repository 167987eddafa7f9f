-- Warehouses of the district and its subdistricts; the posts that also hold stock (sampling sites, facilities,
-- communities, enterprises) belong to other modules and are named by kind and id.
CREATE TABLE supplies_warehouse (
    id          bigserial   PRIMARY KEY,
    name        text        NOT NULL UNIQUE,
    area_code   varchar(15) COLLATE "C" NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX supplies_warehouse_area ON supplies_warehouse (area_code);

-- Every place that ever held or asked for stock ('SITE:12', 'WAREHOUSE:1', 'COMMUNITY:320602001001'), with the area it
-- lies in, so that a user's scope bounds what they see by an indexed range.
CREATE TABLE supplies_place (
    place       text        COLLATE "C" PRIMARY KEY CHECK (place ~ '^(WAREHOUSE|SITE|FACILITY|COMMUNITY|ENTERPRISE):[0-9]{1,15}$'),
    kind        text        NOT NULL CHECK (kind IN ('WAREHOUSE', 'SITE', 'FACILITY', 'COMMUNITY', 'ENTERPRISE')),
    area_code   varchar(15) COLLATE "C" NOT NULL
);

CREATE INDEX supplies_place_area ON supplies_place (area_code);
