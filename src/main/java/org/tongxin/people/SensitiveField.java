package org.tongxin.people;

/** Fields stored encrypted and shown masked until someone with people:reveal asks, with a reason. */
public enum SensitiveField {
	ID_NUMBER, PHONE, RELIGION, EMAIL, ADDRESS
}
