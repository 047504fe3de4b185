package org.tongxin.people;

/** Why the registry may hold a person's data (PIPL art. 13): consent, a legal duty, or information made public. */
public enum LegalBasis {
	CONSENT, DUTY, PUBLIC
}
