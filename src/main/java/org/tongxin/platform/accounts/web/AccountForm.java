package org.tongxin.platform.accounts.web;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The security administrator's account form. The unit is a province or city from the list, or, for
 * the roughly 3,000 districts and the sites, typed as a code: a list of every unit would not be usable.
 */
class AccountForm {

	private String username = "";

	private String displayName = "";

	private @Nullable Long unitId;

	private String unitCode = "";

	private List<String> roles = new ArrayList<>();

	private boolean enabled = true;

	private String initialPassword = "";

	public String getUsername() {
		return username;
	}

	public void setUsername(String username) {
		this.username = username;
	}

	public String getDisplayName() {
		return displayName;
	}

	public void setDisplayName(String displayName) {
		this.displayName = displayName;
	}

	public @Nullable Long getUnitId() {
		return unitId;
	}

	public void setUnitId(@Nullable Long unitId) {
		this.unitId = unitId;
	}

	public String getUnitCode() {
		return unitCode;
	}

	public void setUnitCode(String unitCode) {
		this.unitCode = unitCode;
	}

	public List<String> getRoles() {
		return roles;
	}

	public void setRoles(List<String> roles) {
		this.roles = roles;
	}

	public boolean isEnabled() {
		return enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getInitialPassword() {
		return initialPassword;
	}

	public void setInitialPassword(String initialPassword) {
		this.initialPassword = initialPassword;
	}
}
