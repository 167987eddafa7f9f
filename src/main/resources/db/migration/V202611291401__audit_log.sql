CREATE TABLE audit_entry (
    id             bigserial PRIMARY KEY,
    at             timestamptz NOT NULL,
    username       text        NOT NULL,
    action         text        NOT NULL,
    record_type    text,
    record_id      text,
    detail         text,
    remote_address text
);

CREATE INDEX audit_entry_username ON audit_entry (username, id);
CREATE INDEX audit_entry_action ON audit_entry (action, id);
CREATE INDEX audit_entry_at ON audit_entry (at);
CREATE INDEX audit_entry_record ON audit_entry (record_type, record_id);

-- The application may only append to the audit log.
CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_entry is append-only';
END;
$$;

CREATE TRIGGER audit_entry_no_change
    BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();
