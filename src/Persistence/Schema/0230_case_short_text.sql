-- Text of one or two characters (a two-character Chinese name such as 高刚) has no trigram for cases_names_trgm to look
-- up: that index then returns 40% of the table, and a list rechecked those rows on the heap (28 s at a million cases).
-- Such text is looked up instead in the set of every one- and two-character piece of the two names, lower-cased (an
-- applicant of three characters has 5 pieces, an agency of twelve 23). Names of more characters keep the trigram path.
CREATE FUNCTION case_names_short_grams(applicant_name text, agency_name text) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN ARRAY(
        SELECT DISTINCT substr(name, start, length)
          FROM unnest(ARRAY[lower(applicant_name), lower(agency_name)]) AS name,
               generate_series(1, char_length(name)) AS start,
               generate_series(1, 2) AS length
         WHERE start + length - 1 <= char_length(name));

CREATE INDEX cases_names_short_grams ON cases USING gin (case_names_short_grams(applicant_name, agency_name));
