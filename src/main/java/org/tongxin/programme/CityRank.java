package org.tongxin.programme;

/**
 * Administrative rank of a city. A sub-provincial city that is also a provincial capital (成都, 武汉…)
 * ranks SUB_PROVINCIAL; whether it is a capital is recorded separately so both coverages can be counted.
 */
public enum CityRank {
	MUNICIPALITY, SUB_PROVINCIAL, PROVINCIAL_CAPITAL, PREFECTURE
}
