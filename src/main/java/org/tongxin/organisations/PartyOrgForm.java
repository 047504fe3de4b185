package org.tongxin.organisations;

/** The form of the party organisation that covers an organisation (党组织覆盖形式); NONE when not covered. */
public enum PartyOrgForm {
	INDEPENDENT, JOINT, FUNCTIONAL, NONE
}
