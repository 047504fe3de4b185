package org.tongxin.people;

/** BASIC covers the profile; SENSITIVE covers the sensitive personal information (ID number, religion). */
public enum ConsentScope {
	BASIC, SENSITIVE
}
