package org.tongxin.platform.accounts.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.platform.CurrentUser;
import org.tongxin.platform.accounts.Account;
import org.tongxin.platform.accounts.Accounts;
import org.tongxin.platform.security.ApiTokens;

/** The user's own personal API tokens: list, create (secret shown once), revoke. */
@Controller
@RequestMapping("/account/tokens")
@PreAuthorize("isAuthenticated()")
class TokensController {

	static final String VIEW = "platform/accounts/tokens";

	static final int MAX_NAME = 100;

	/** A token's state as the list shows it. */
	enum Status {
		ACTIVE, EXPIRED, REVOKED
	}

	/** @param validThrough the last day the token works, as chosen when it was created */
	record TokenRow(long id, String name, String prefix, LocalDateTime createdAt, @Nullable LocalDate validThrough,
			@Nullable LocalDateTime lastUsedAt, Status status) {
	}

	private final CurrentUser currentUser;

	private final Accounts accounts;

	private final ApiTokens tokens;

	private final SelfService service;

	private final Clock clock;

	TokensController(CurrentUser currentUser, Accounts accounts, ApiTokens tokens, SelfService service, Clock clock) {
		this.currentUser = currentUser;
		this.accounts = accounts;
		this.tokens = tokens;
		this.service = service;
		this.clock = clock;
	}

	@GetMapping
	String list(@ModelAttribute("tokenForm") TokenForm form, Model model) {
		return view(account(), model);
	}

	@PostMapping
	String create(@ModelAttribute("tokenForm") TokenForm form, BindingResult errors, Model model) {
		Account account = account();
		String name = form.getName().strip();
		if (name.isEmpty()) {
			errors.rejectValue("name", "tokens.nameRequired");
		}
		else if (name.length() > MAX_NAME) {
			errors.rejectValue("name", "tokens.nameTooLong", new Object[] { MAX_NAME }, null);
		}
		LocalDate expires = form.getExpires();
		if (!errors.hasFieldErrors("expires") && expires != null && expires.isBefore(LocalDate.now(clock))) {
			errors.rejectValue("expires", "tokens.expiresPast");
		}
		if (errors.hasErrors()) {
			return view(account, model);
		}
		// Valid through the whole of the chosen day.
		Instant expiresAt = expires == null ? null : expires.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
		ApiTokens.Issued issued = service.issueToken(account, name, expiresAt);
		// Rendered, not redirected, so the secret is never parked in the session (Spring Security's
		// default Cache-Control: no-store keeps it out of caches).
		model.addAttribute("issuedSecret", issued.secret());
		model.addAttribute("tokenForm", new TokenForm());
		return view(account, model);
	}

	@PostMapping("/{id}/revoke")
	String revoke(@PathVariable long id, RedirectAttributes redirect) {
		// Someone else's token or one already revoked: nothing to do, and nothing to tell apart.
		if (service.revokeToken(account(), id)) {
			redirect.addFlashAttribute("message", "tokens.revokeDone");
		}
		return "redirect:/account/tokens";
	}

	private String view(Account account, Model model) {
		Instant now = clock.instant();
		List<TokenRow> rows = tokens.ofAccount(account.id())
			.stream()
			.map(t -> new TokenRow(t.id(), t.name(), t.prefix(), local(t.createdAt()), validThrough(t.expiresAt()),
					localOrNull(t.lastUsedAt()), t.revokedAt() != null ? Status.REVOKED
							: t.active(now) ? Status.ACTIVE : Status.EXPIRED))
			.toList();
		model.addAttribute("tokens", rows);
		return VIEW;
	}

	private Account account() {
		return accounts.findById(currentUser.actor().accountId())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private LocalDateTime local(Instant instant) {
		return LocalDateTime.ofInstant(instant, clock.getZone());
	}

	/** A token expires at the midnight that ends its last day. */
	private @Nullable LocalDate validThrough(@Nullable Instant expiresAt) {
		return expiresAt == null ? null : local(expiresAt.minusNanos(1)).toLocalDate();
	}

	private @Nullable LocalDateTime localOrNull(@Nullable Instant instant) {
		return instant == null ? null : local(instant);
	}
}
