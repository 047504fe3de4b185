package org.tongxin.organisations;

/** A member's role; every role but MEMBER is a position that runs for a term (换届 closes them). */
public enum MemberRole {
	PRESIDENT, VICE_PRESIDENT, SECRETARY_GENERAL, DIRECTOR, MEMBER, LIAISON;

	public boolean position() {
		return this != MEMBER;
	}
}
