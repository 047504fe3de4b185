package org.tongxin.people;

/** The latest event of a person's basic consent; NONE when the ledger holds none. */
public enum ConsentState {
	NONE, GIVEN, WITHDRAWN
}
