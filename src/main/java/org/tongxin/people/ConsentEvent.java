package org.tongxin.people;

public enum ConsentEvent {
	GIVEN, WITHDRAWN
}
