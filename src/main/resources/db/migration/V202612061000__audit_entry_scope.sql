-- The scope (area code) of the user who acted, so that an administrator reads only the entries of their own scope.
-- Entries without one (system jobs, sign-in attempts with an unknown user name, entries written before this column)
-- are for administrators of the whole installation.
ALTER TABLE audit_entry ADD COLUMN scope_area varchar(15) COLLATE "C";

CREATE INDEX audit_entry_scope ON audit_entry (scope_area, id);
