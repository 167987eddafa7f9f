-- A user can be limited to one place (sampling site, lab, facility, enterprise) inside their area.
ALTER TABLE security_user ADD COLUMN places jsonb NOT NULL DEFAULT '{}';
