package org.tongxin.people.seeding;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.people.PeopleRegistry;
import org.tongxin.people.internal.NewPerson;
import org.tongxin.people.internal.PersonBulkLoad;
import org.tongxin.people.internal.SyntheticPeople;
import org.tongxin.people.seeding.DemoCities;
import org.tongxin.platform.AuditLog;
import org.tongxin.platform.DemoMode;
import org.tongxin.platform.Unit;
import org.tongxin.platform.UnitId;
import org.tongxin.platform.UnitLevel;
import org.tongxin.platform.Units;

/**
 * The demo registry: {@code tongxin.demo.people} synthetic persons over the 49 programme cities (heavier
 * in 成都, 深圳 and 广州, whose registries the seed describes as the largest), a quarter held by the city
 * itself and the rest by its districts, with consent records and new-media accounts. Loaded with COPY at
 * the first demo start, so the cold start stays short.
 * <p>
 * Benchmarks and plan tests shape the registry like a national one, where cities differ by orders of
 * magnitude and one city's bulk import holds the newest ids: {@code tongxin.demo.people-weights}
 * ("510100:6,440300:0.02") replaces the cities' weights, and the last {@code tongxin.demo.people-newest}
 * persons all go to the city {@code tongxin.demo.people-newest-city}.
 */
@Component
public class PeopleDemoData {

	private static final Logger log = LoggerFactory.getLogger(PeopleDemoData.class);

	/** Fixed, so that every demo installation holds the same people. */
	static final long SEED = 20_180_628L;

	private static final Map<String, Double> HEAVY = Map.of("510100", 6.0, "440300", 6.0, "440100", 6.0);

	private final DemoMode demoMode;

	private final ObjectProvider<DemoCities> cities;

	private final Units units;

	private final PersonBulkLoad bulkLoad;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final PeopleRegistry registry;

	private final long count;

	private final Clock clock;

	private final Map<String, Double> weights;

	private final long newest;

	private final String newestCity;

	PeopleDemoData(DemoMode demoMode, ObjectProvider<DemoCities> cities, Units units, PersonBulkLoad bulkLoad, JdbcClient jdbc,
			AuditLog audit, PeopleRegistry registry, @Value("${tongxin.demo.people:20000}") long count, Clock clock,
			@Value("${tongxin.demo.people-weights:}") String weights, @Value("${tongxin.demo.people-newest:0}") long newest,
			@Value("${tongxin.demo.people-newest-city:}") String newestCity) {
		this.clock = clock;
		this.weights = new HashMap<>(HEAVY);
		for (String entry : weights.split(",")) {
			if (entry.contains(":")) {
				this.weights.put(entry.substring(0, entry.indexOf(':')).strip(),
						Double.parseDouble(entry.substring(entry.indexOf(':') + 1).strip()));
			}
		}
		this.newest = newestCity.isBlank() ? 0 : Math.min(newest, count);
		this.newestCity = newestCity.strip();
		this.demoMode = demoMode;
		this.cities = cities;
		this.units = units;
		this.bulkLoad = bulkLoad;
		this.jdbc = jdbc;
		this.audit = audit;
		this.registry = registry;
		this.count = count;
	}

	@Transactional
	public void seed() throws SQLException {
		// Without the demo module (a test of the people module alone) there are no cities to place persons in.
		if (!demoMode.enabled() || count <= 0 || cities.getIfAvailable() == null || !bulkLoad.registryEmpty()) {
			return;
		}
		long started = System.nanoTime();
		SyntheticPeople generator = new SyntheticPeople(SEED, LocalDate.now(clock));
		List<SyntheticPeople.Place> places = places();
		List<SyntheticPeople.Place> newestPlaces = places.stream().filter(p -> p.regionCode().equals(newestCity)).toList();
		Stream<NewPerson> persons = newest == 0 || newestPlaces.isEmpty()
				? generator.stream(places, count)
				: Stream.concat(generator.stream(places, count - newest), generator.stream(newestPlaces, newest));
		long loaded = bulkLoad.load(persons);
		jdbc.sql("""
				insert into people_consent (person_id, event, scope, notice_version, channel, at, recorded_by)
				select id, 'GIVEN', 'BASIC', '2024-01',
				       (array['现场纸质签署', '线上勾选确认', '活动报名时确认'])[id % 3 + 1],
				       now() - make_interval(days => 60 + (id % 700)::int), 'system'
				from people_person where consent_state in ('GIVEN', 'WITHDRAWN')""").update();
		jdbc.sql("""
				insert into people_consent (person_id, event, scope, notice_version, channel, at, recorded_by)
				select id, 'WITHDRAWN', 'BASIC', '2024-01', '本人书面申请', now() - make_interval(days => (id % 50)::int), 'system'
				from people_person where consent_state = 'WITHDRAWN'""").update();
		jdbc.sql("""
				insert into people_platform_account (person_id, platform, handle, followers, verified)
				select id, (array['WEIBO', 'WECHAT', 'DOUYIN', 'KUAISHOU', 'BILIBILI', 'XIAOHONGSHU', 'ZHIHU', 'TOUTIAO'])[id % 8 + 1],
				       '同心号' || id, (id * 7919) % 3000000, id % 5 = 0
				from people_person where group_code = 'NEW_MEDIA'""").update();
		audit.append("system", UnitId.CENTRAL, AuditLog.Action.CREATE, PeopleRegistry.AUDIT_TYPE, null,
				Map.of("demo", true, "rows", loaded), null);
		// Fresh statistics for the planner, rather than waiting for autovacuum to notice the bulk load.
		jdbc.sql("analyze people_person").update();
		log.info("Demo registry: {} persons loaded in {} ms", loaded, (System.nanoTime() - started) / 1_000_000);
	}

	private List<SyntheticPeople.Place> places() {
		List<SyntheticPeople.Place> places = new ArrayList<>();
		for (DemoCities.City city : cities.getObject().cities()) {
			Unit unit = units.get(city.unit());
			String regionCode = registry.regionCodeOf(unit);
			String cityShort = city.name().replaceAll("市$", "");
			double weight = weights.getOrDefault(city.code(), 1.0);
			List<Unit> districts = units.children(unit.id()).stream().filter(u -> u.level() == UnitLevel.DISTRICT).toList();
			places.add(new SyntheticPeople.Place(unit.id().value(), regionCode, regionCode, city.name(), cityShort,
					districts.isEmpty() ? weight : weight / 4));
			for (Unit district : districts) {
				places.add(new SyntheticPeople.Place(district.id().value(), regionCode, district.code(),
						city.name() + district.name(), cityShort, weight * 3 / 4 / districts.size()));
			}
		}
		return places;
	}
}
