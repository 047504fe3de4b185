package org.tongxin.programme;

/** When a city joined the programme: the 15 pilot cities of 2017, the 34 promotion cities of 2018. */
public enum Tier {
	PILOT, PROMOTION
}
