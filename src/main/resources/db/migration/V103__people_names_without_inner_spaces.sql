-- people: a person's name without spaces between Chinese characters (people.PersonNames). 司马 云帆 was
-- stored as typed and could not be found by 司马云帆; new names are normalised when saved or imported, and
-- the names stored before are normalised here by the same rule. Rows are rewritten only where a name has
-- whitespace inside; the name grams follow by their trigger.

create or replace function people_normalised_name(name text) returns text
    language sql immutable parallel safe strict as $$
    select btrim(regexp_replace(regexp_replace(name, '(?<=[\u3400-\u4dbf\u4e00-\u9fff])[\s\u3000]+(?=[\u3400-\u4dbf\u4e00-\u9fff])', '', 'g'),
                                '[\s\u3000]+', ' ', 'g'))
$$;

update people_person
   set name = people_normalised_name(name)
 where name ~ '[\s\u3000]' and name <> people_normalised_name(name);
