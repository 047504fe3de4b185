package org.tongxin.platform;

import java.io.Serializable;
import java.util.Set;

/** Who is acting: the signed-in account, its unit and what it may do. */
public record Actor(long accountId, String username, String displayName, UnitId unit, String unitPath,
		Set<String> permissions) implements Serializable {

	public DataScope scope() {
		return new DataScope(unit, unitPath);
	}

	public boolean can(String permission) {
		return permissions.contains(permission);
	}
}
