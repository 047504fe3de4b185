package org.tongxin.programme;

import java.util.List;

/**
 * How far the programme reaches, computed from the city table: the seed claims the 49 cities cover
 * every provincial capital and every sub-provincial city, and this is where that claim is checked.
 */
public record Coverage(int pilot, int promotion, Share provincialCapitals, Share subProvincialCities,
		Share municipalities) {

	/** {@code covered} of {@code total}, and the names of those not covered. */
	public record Share(int covered, int total, List<String> missing) {

		public boolean complete() {
			return covered == total;
		}

		public int percent() {
			return total == 0 ? 0 : Math.round(100f * covered / total);
		}
	}

	/** The seed's statement "涵盖了全部省会城市、副省级城市", as the data has it. */
	public boolean coversAllCapitalsAndSubProvincialCities() {
		return provincialCapitals.complete() && subProvincialCities.complete();
	}
}
