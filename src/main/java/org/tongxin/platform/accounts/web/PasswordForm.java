package org.tongxin.platform.accounts.web;

/** The change-password form. Never rendered back into the page: password fields stay empty. */
class PasswordForm {

	private String currentPassword = "";

	private String newPassword = "";

	private String confirmPassword = "";

	public String getCurrentPassword() {
		return currentPassword;
	}

	public void setCurrentPassword(String currentPassword) {
		this.currentPassword = currentPassword;
	}

	public String getNewPassword() {
		return newPassword;
	}

	public void setNewPassword(String newPassword) {
		this.newPassword = newPassword;
	}

	public String getConfirmPassword() {
		return confirmPassword;
	}

	public void setConfirmPassword(String confirmPassword) {
		this.confirmPassword = confirmPassword;
	}
}
