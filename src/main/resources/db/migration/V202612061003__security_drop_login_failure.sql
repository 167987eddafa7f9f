-- Replaced by security_attempt_limit.
DROP TABLE security_login_failure;
