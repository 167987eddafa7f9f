-- A tube's row is updated with every person sampled into it (its count, then its seal). With full pages a fifth of
-- those updates found no room beside the old version and wrote a new entry in each of the tube's five indexes; room
-- left on each page keeps them on the page (heap-only updates, no index writes).
ALTER TABLE testing_tube SET (fillfactor = 70);
