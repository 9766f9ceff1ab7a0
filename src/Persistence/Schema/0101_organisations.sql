-- Regions (省市县乡四级) and organisations. Each region stores its materialised path (/R210000/R210100/.../),
-- maintained by PostgresOrganisationDirectory together with its descendants' paths and cases.region_path.
-- Enums are stored as their .NET names.

CREATE TABLE regions (
    id        text COLLATE "C" PRIMARY KEY CHECK (id <> '' AND strpos(id, '/') = 0),
    name      text NOT NULL,
    level     text NOT NULL,
    parent_id text COLLATE "C" NULL REFERENCES regions (id),
    path      text COLLATE "C" NOT NULL UNIQUE CHECK (path LIKE '/%/'),
    CHECK (parent_id IS NULL OR parent_id <> id)
);

CREATE INDEX regions_parent ON regions (parent_id);

CREATE TABLE organisations (
    id          text COLLATE "C" PRIMARY KEY,
    name        text NOT NULL,
    kind        text NOT NULL,
    region_id   text COLLATE "C" NOT NULL REFERENCES regions (id),
    intake_kind text NULL,
    body_id     text COLLATE "C" NULL
);

CREATE INDEX organisations_kind ON organisations (kind, id);
CREATE INDEX organisations_region ON organisations (region_id);
