-- Name search inside a city: the characters and character pairs of a name, each prefixed with the
-- person's region (city or municipality code, "510100:伟"). A city account's search then reads only its
-- own city's posting list, whose length grows with the city and not with the country: a common character
-- in a 10-million-row registry costs what it costs in one city. Nation- and province-wide searches keep
-- using name_grams.
create function people_scoped_grams(region text, name text) returns text[]
    language sql immutable parallel safe strict as $$
    select coalesce(array_agg(region || ':' || gram), '{}') from unnest(people_name_grams(name)) gram
$$;

alter table people_person
    add column scoped_grams text[] generated always as (coalesce(people_scoped_grams(region_code, name), '{}')) stored;

create index people_person_scoped_grams on people_person using gin (scoped_grams);

