-- The facility's daily meeting: each group's report and the minutes, kept per day.
CREATE TABLE quarantine_meeting_report (
    id           bigserial PRIMARY KEY,
    facility_id  bigint      NOT NULL REFERENCES quarantine_facility (id),
    held_on      date        NOT NULL,
    group_name   text        NOT NULL,
    report       text        NOT NULL,
    reported_by  text        NOT NULL,
    reported_at  timestamptz NOT NULL,
    CONSTRAINT quarantine_meeting_report_group UNIQUE (facility_id, held_on, group_name)
);
