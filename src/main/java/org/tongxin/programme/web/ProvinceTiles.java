package org.tongxin.programme.web;

import java.util.List;
import java.util.Map;

/**
 * The provinces as a tile grid, roughly where they lie, instead of a basemap (a map of China needs an
 * approval number, 审图号). Rows and columns are 0-based on an 8 × 8 grid.
 */
final class ProvinceTiles {

	record Tile(String provinceCode, String shortName, int row, int column, long cities) {

		/** 0 for none, then 1–3 by how many programme cities the province holds. */
		public int level() {
			return cities == 0 ? 0 : (int) Math.min(3, cities);
		}
	}

	private static final Object[][] LAYOUT = { { "23", "黑龙江", 0, 6 }, { "65", "新疆", 1, 0 }, { "15", "内蒙古", 1, 3 },
			{ "22", "吉林", 1, 6 }, { "62", "甘肃", 2, 1 }, { "64", "宁夏", 2, 2 }, { "14", "山西", 2, 3 }, { "13", "河北", 2, 4 },
			{ "11", "北京", 2, 5 }, { "21", "辽宁", 2, 6 }, { "54", "西藏", 3, 0 }, { "63", "青海", 3, 1 }, { "61", "陕西", 3, 2 },
			{ "41", "河南", 3, 3 }, { "37", "山东", 3, 4 }, { "12", "天津", 3, 5 }, { "51", "四川", 4, 1 }, { "50", "重庆", 4, 2 },
			{ "42", "湖北", 4, 3 }, { "34", "安徽", 4, 4 }, { "32", "江苏", 4, 5 }, { "31", "上海", 4, 6 }, { "53", "云南", 5, 1 },
			{ "52", "贵州", 5, 2 }, { "43", "湖南", 5, 3 }, { "36", "江西", 5, 4 }, { "33", "浙江", 5, 5 }, { "45", "广西", 6, 2 },
			{ "44", "广东", 6, 3 }, { "35", "福建", 6, 4 }, { "46", "海南", 7, 3 } };

	private ProvinceTiles() {
	}

	static List<Tile> of(Map<String, Long> citiesByProvince) {
		return java.util.Arrays.stream(LAYOUT)
			.map(t -> new Tile((String) t[0], (String) t[1], (int) t[2], (int) t[3],
					citiesByProvince.getOrDefault((String) t[0], 0L)))
			.toList();
	}
}
