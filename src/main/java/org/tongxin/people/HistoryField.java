package org.tongxin.people;

/** The moves the registry follows over time: place, group, employer, position. */
public enum HistoryField {
	UNIT, GROUP, EMPLOYER, POSITION
}
