-- Every programme city runs one practice-innovation base (实践创新基地).
insert into programme_base (city_unit, name)
select unit_id, name || '新的社会阶层人士统战工作实践创新基地'
from programme_city
where tier is not null
order by unit_id;
