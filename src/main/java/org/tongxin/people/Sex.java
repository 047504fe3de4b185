package org.tongxin.people;

/** As GB 11643 encodes it: the 17th digit of the ID number is odd for men, even for women. */
public enum Sex {
	M, F
}
