package org.tongxin.people.imports;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.tongxin.platform.DataScope;
import org.tongxin.platform.Unit;
import org.tongxin.platform.UnitId;
import org.tongxin.platform.UnitLevel;
import org.tongxin.platform.Units;

/**
 * Cities and districts by name ("成都市", "成都") or GB/T 2260 code — all of them, not only the
 * importer's: a city outside the importer's scope must be reported as such (by the scope check in SQL),
 * not as an unknown name.
 */
final class Places {


	private final Map<String, Unit> cities = new HashMap<>();

	private final Map<Long, Map<String, Unit>> districtsByCity = new HashMap<>();

	private final Map<String, Unit> districtsByCode = new HashMap<>();

	private final Map<Long, String> regionCodes = new HashMap<>();

	Places(Units units) {
		Unit top = units.get(UnitId.CENTRAL);
		List<Unit> all = units.within(new DataScope(top.id(), top.path()), UnitLevel.PROVINCE, UnitLevel.CITY,
				UnitLevel.DISTRICT);
		for (Unit unit : all) {
			if (isCity(unit)) {
				cities.put(unit.name(), unit);
				cities.putIfAbsent(shortName(unit.name()), unit);
				cities.put(Objects.requireNonNull(unit.code()), unit);
				regionCodes.put(unit.id().value(), unit.code());
			}
		}
		for (Unit unit : all) {
			if (unit.level() == UnitLevel.DISTRICT && unit.parentId() != null) {
				Map<String, Unit> districts = districtsByCity.computeIfAbsent(unit.parentId().value(), k -> new HashMap<>());
				districts.put(unit.name(), unit);
				if (unit.code() != null) {
					districts.put(unit.code(), unit);
					districtsByCode.put(unit.code(), unit);
				}
				String region = regionCodes.get(unit.parentId().value());
				if (region != null) {
					regionCodes.put(unit.id().value(), region);
				}
			}
		}
	}

	static boolean isCity(Unit unit) {
		return unit.city();
	}

	/** "成都市" → "成都"; a short name that is also another place's full name keeps that place. */
	private static String shortName(String name) {
		return name.endsWith("市") && name.length() > 2 ? name.substring(0, name.length() - 1) : name;
	}

	@Nullable
	Unit city(String text) {
		return cities.get(text);
	}

	/** A district of the given city (by name or code), or — without a city — by its code alone. */
	@Nullable
	Unit district(@Nullable Unit city, String text) {
		if (city != null) {
			return districtsByCity.getOrDefault(city.id().value(), Map.of()).get(text);
		}
		return districtsByCode.get(text);
	}

	/**
	 * City and district written together — "成都市锦江区", "成都锦江区", "四川省成都市锦江区", or a city alone —
	 * read as the longest city name found near the start of the text and a district of that city in the
	 * rest; null when no such pair exists.
	 */
	@Nullable
	Unit place(String text) {
		String compact = text.replaceAll("\\s", "");
		// The city may follow a province name of up to eight characters ("内蒙古自治区呼和浩特市").
		for (int start = 0; start <= Math.min(8, compact.length() - 1); start++) {
			for (int end = Math.min(compact.length(), start + 8); end > start; end--) {
				Unit city = cities.get(compact.substring(start, end));
				if (city == null) {
					continue;
				}
				String rest = compact.substring(end);
				if (rest.isEmpty()) {
					return city;
				}
				Unit district = district(city, rest);
				if (district != null) {
					return district;
				}
			}
		}
		return null;
	}

	/** The region code (city or municipality) of a city or district; null for other units. */
	@Nullable
	String regionCode(UnitId unit) {
		return regionCodes.get(unit.value());
	}
}
