package org.tongxin.activities;

/** Who may register: anyone, persons of the given groups, or active members of the given organisations. */
public enum Audience {
	OPEN, GROUPS, MEMBERS
}
