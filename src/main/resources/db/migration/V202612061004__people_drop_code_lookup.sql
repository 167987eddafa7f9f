-- Residents' public look-ups are counted in security_attempt_limit now.
DROP TABLE people_code_lookup;
