-- A data scope the planner can estimate and index (decision 0010).
--
-- Until now a scope was "unit_id in (select id from platform_unit where path <@ :scope)": a semi-join whose
-- selectivity PostgreSQL cannot know. It guessed, and at ten million persons the guesses cost seconds (a
-- small city's first page walked the primary key past 1.6 M rows of another city; the centre's name
-- search got a generic plan 200 times slower than a custom one).
--
-- Now every row with a unit_id also carries the ids of that unit's ancestors at depths 2, 3 and 4 of the
-- tree (unit_d2 the province; unit_d3 a city, a municipal district or a province-governed county; unit_d4 a
-- district or a site), and a scope is one equality on one of them: a column with statistics of its own and
-- a (unit_dN, id) index to walk newest first.

-- A unit's own ancestors, from its path "1.<d2>.<d3>.<d4>…": the unit itself at its own depth.
alter table platform_unit
    add column unit_d2 bigint generated always as
        (case when nlevel(path) >= 2 then ltree2text(subpath(path, 1, 1))::bigint end) stored,
    add column unit_d3 bigint generated always as
        (case when nlevel(path) >= 3 then ltree2text(subpath(path, 2, 1))::bigint end) stored,
    add column unit_d4 bigint generated always as
        (case when nlevel(path) >= 4 then ltree2text(subpath(path, 3, 1))::bigint end) stored;

-- Kept in step with unit_id on every insert and every move (a person's transfer, an organisation handed to
-- another unit): one primary-key lookup per row. Nothing in the application writes these columns itself.
create function platform_scope_columns() returns trigger
    language plpgsql as $$
begin
    select u.unit_d2, u.unit_d3, u.unit_d4 into new.unit_d2, new.unit_d3, new.unit_d4
      from platform_unit u where u.id = new.unit_id;
    return new;
end
$$;

-- Every table that has a unit_id gets the columns, its rows are filled in place, and the trigger keeps them.
-- Tables created later with a unit_id must do the same (ScopeColumnsTests fails otherwise).
do $$
declare
    t text;
begin
    for t in select c.table_name from information_schema.columns c
              join information_schema.tables tb on tb.table_schema = c.table_schema and tb.table_name = c.table_name
             where c.table_schema = current_schema() and c.column_name = 'unit_id' and tb.table_type = 'BASE TABLE'
             order by 1
    loop
        execute format('alter table %I add column unit_d2 bigint, add column unit_d3 bigint, add column unit_d4 bigint', t);
        execute format('update %I t set unit_d2 = u.unit_d2, unit_d3 = u.unit_d3, unit_d4 = u.unit_d4
                          from platform_unit u where u.id = t.unit_id', t);
        execute format('create trigger %I before insert or update of unit_id on %I
                          for each row execute function platform_scope_columns()', t || '_scope', t);
    end loop;
end
$$;

-- The large tables walk their lists newest first inside a scope.
create index people_person_scope_d2 on people_person (unit_d2, id);
create index people_person_scope_d3 on people_person (unit_d3, id);
create index people_person_scope_d4 on people_person (unit_d4, id);
create index org_organisation_scope_d2 on org_organisation (unit_d2, id);
create index org_organisation_scope_d3 on org_organisation (unit_d3, id);
create index org_organisation_scope_d4 on org_organisation (unit_d4, id);
create index act_event_scope_d2 on act_event (unit_d2, starts_at);
create index act_event_scope_d3 on act_event (unit_d3, starts_at);
create index act_event_scope_d4 on act_event (unit_d4, starts_at);

analyze platform_unit;
analyze people_person;
analyze org_organisation;
analyze act_event;
