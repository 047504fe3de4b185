package org.tongxin.platform.accounts.web;

import java.util.ArrayList;
import java.util.List;

/** A custom role: its names in both languages and its permissions. */
class RoleForm {

	private String nameZh = "";

	private String nameEn = "";

	private List<String> permissions = new ArrayList<>();

	public String getNameZh() {
		return nameZh;
	}

	public void setNameZh(String nameZh) {
		this.nameZh = nameZh;
	}

	public String getNameEn() {
		return nameEn;
	}

	public void setNameEn(String nameEn) {
		this.nameEn = nameEn;
	}

	public List<String> getPermissions() {
		return permissions;
	}

	public void setPermissions(List<String> permissions) {
		this.permissions = permissions;
	}
}
