-- The name grams of V10 and V50 were SQL functions built from generate_series, union and array_agg: about
-- 80 µs of CPU per inserted row together, which capped COPY into people_person at roughly 12 000 rows/s
-- on two cores before any index was touched. The same grams from a plain loop cost about 5 µs.
--
-- The arrays are no longer sorted and may repeat a gram (a name like 娜娜). They only feed GIN indexes and
-- the containment operator @>, for which order and repetition do not matter, so rows stored by the old
-- functions stay valid and nothing is rewritten.

create or replace function people_name_grams(name text) returns text[]
    language plpgsql immutable parallel safe strict as $$
declare
    n int := char_length(name);
    grams text[] := array[]::text[];
begin
    for i in 1 .. n loop
        grams := grams || substr(name, i, 1);
    end loop;
    for i in 1 .. n - 1 loop
        grams := grams || substr(name, i, 2);
    end loop;
    return grams;
end
$$;

create or replace function people_scoped_grams(region text, name text) returns text[]
    language plpgsql immutable parallel safe strict as $$
declare
    n int := char_length(name);
    prefix text := region || ':';
    grams text[] := array[]::text[];
begin
    for i in 1 .. n loop
        grams := grams || (prefix || substr(name, i, 1));
    end loop;
    for i in 1 .. n - 1 loop
        grams := grams || (prefix || substr(name, i, 2));
    end loop;
    return grams;
end
$$;

-- Name fragments are found through the grams (1–2 characters) or the grams of their pairs plus LIKE
-- (3 and more): no query reads this trigram index any more, and every insert paid for it.
drop index if exists people_person_name_trgm;
