package org.tongxin.people;

/** The moves the registry follows over time: place, group, employer, position; and merges of duplicates. */
public enum HistoryField {
	UNIT, GROUP, EMPLOYER, POSITION, MERGE
}
