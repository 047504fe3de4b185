package org.tongxin.platform.accounts.web;

import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.platform.CurrentUser;
import org.tongxin.platform.accounts.Account;
import org.tongxin.platform.accounts.Accounts;
import org.tongxin.platform.security.LoginSteps;
import org.tongxin.platform.security.PasswordPolicy;

/** Changing one's own password: by choice, or as the pending step after sign-in. */
@Controller
@RequestMapping("/account/password")
@PreAuthorize("isAuthenticated()")
class PasswordController {

	static final String VIEW = "platform/accounts/password";

	private final CurrentUser currentUser;

	private final Accounts accounts;

	private final PasswordEncoder encoder;

	private final PasswordPolicy policy;

	private final SelfService service;

	PasswordController(CurrentUser currentUser, Accounts accounts, PasswordEncoder encoder, PasswordPolicy policy,
			SelfService service) {
		this.currentUser = currentUser;
		this.accounts = accounts;
		this.encoder = encoder;
		this.policy = policy;
		this.service = service;
	}

	@ModelAttribute("required")
	boolean required(HttpSession session) {
		return Boolean.TRUE.equals(session.getAttribute(LoginSteps.PENDING_PASSWORD));
	}

	@GetMapping
	String form(@ModelAttribute("form") PasswordForm form) {
		return VIEW;
	}

	@PostMapping
	String change(@ModelAttribute("form") PasswordForm form, BindingResult errors, HttpSession session,
			RedirectAttributes redirect) {
		Account account = accounts.findById(currentUser.actor().accountId())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (!encoder.matches(form.getCurrentPassword(), account.passwordHash())) {
			errors.rejectValue("currentPassword", "password.wrongCurrent");
		}
		if (!form.getNewPassword().equals(form.getConfirmPassword())) {
			errors.rejectValue("confirmPassword", "password.mismatch");
		}
		policy.violations(account.username(), form.getNewPassword())
			.forEach(key -> errors.rejectValue("newPassword", key));
		if (!errors.hasFieldErrors("newPassword") && encoder.matches(form.getNewPassword(), account.passwordHash())) {
			errors.rejectValue("newPassword", "password.same");
		}
		else if (!errors.hasFieldErrors("newPassword") && accounts.passwordHistory(account.id())
			.stream()
			.anyMatch(hash -> encoder.matches(form.getNewPassword(), hash))) {
			errors.rejectValue("newPassword", "password.reused", new Object[] { Accounts.PASSWORD_HISTORY }, null);
		}
		if (errors.hasErrors()) {
			return VIEW;
		}
		boolean required = required(session);
		service.changePassword(account, form.getNewPassword(), required, session.getId());
		session.removeAttribute(LoginSteps.PENDING_PASSWORD);
		redirect.addFlashAttribute("message", "password.changed");
		// A voluntary change stays on this page to confirm it; a required one continues the sign-in.
		return "redirect:" + (required ? LoginSteps.next(session) : "/account/password");
	}
}
