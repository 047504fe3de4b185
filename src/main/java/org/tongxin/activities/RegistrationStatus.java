package org.tongxin.activities;

public enum RegistrationStatus {
	REGISTERED, WAITLISTED, CANCELLED
}
