package org.tongxin.activities;

/** How a registration came in: entered by staff, by the person through the portal, or at the door. */
public enum Channel {
	STAFF, PORTAL, WALK_IN
}
