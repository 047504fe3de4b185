package org.tongxin.organisations;

public enum JoinedVia {
	APPLICATION, INVITATION, TRANSFER, IMPORT
}
