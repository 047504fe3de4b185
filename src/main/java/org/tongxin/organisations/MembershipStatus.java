package org.tongxin.organisations;

public enum MembershipStatus {
	APPLIED, ACTIVE, SUSPENDED, LEFT
}
