package org.tongxin.programme;

/** Kinds of demonstration site (示范点) named in the seed. */
public enum SiteKind {
	PARK, BUILDING, COMMUNITY, LIAISON_STATION, TOWN, CREATIVE_SPACE, OTHER
}
