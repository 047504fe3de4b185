package org.tongxin.platform;

/** The layers of the administrative hierarchy, from the centre down to a demonstration site. */
public enum UnitLevel {
	CENTRAL, PROVINCE, CITY, DISTRICT, SITE
}
