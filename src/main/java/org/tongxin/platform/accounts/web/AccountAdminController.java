package org.tongxin.platform.accounts.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.platform.CurrentUser;
import org.tongxin.platform.DataScope;
import org.tongxin.platform.Exports;
import org.tongxin.platform.PageSize;
import org.tongxin.platform.Slice;
import org.tongxin.platform.StreamedExport;
import org.tongxin.platform.Texts;
import org.tongxin.platform.Unit;
import org.tongxin.platform.UnitId;
import org.tongxin.platform.UnitLevel;
import org.tongxin.platform.Units;
import org.tongxin.platform.accounts.Account;
import org.tongxin.platform.accounts.Accounts;
import org.tongxin.platform.accounts.RoleCatalogue;
import org.tongxin.platform.security.PasswordPolicy;

/**
 * The security administrator's screens (安全管理员): accounts of the administrator's own scope, their
 * unit, roles and status; unlocking and password resets. Nobody else opens them, not even the other
 * two administrators.
 */
@Controller
@RequestMapping("/admin/accounts")
@PreAuthorize("hasAuthority('account:manage')")
class AccountAdminController {

	static final int PAGE_SIZE = 20;

	static final int EXPORT_BATCH = 500;

	static final String USERNAME_PATTERN = "[a-z0-9_.-]{3,32}";

	static final int MAX_DISPLAY_NAME = 64;

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	/** An account's state as the list shows it. */
	enum Status {
		ACTIVE, DISABLED, LOCKED
	}

	record AccountRow(long id, String username, String displayName, String unitName, Set<String> roles,
			Status status, @Nullable LocalDateTime lockedUntil, @Nullable LocalDateTime lastLoginAt,
			boolean totpEnabled) {
	}

	/** One entry of the unit list: the centre, a province, or a city labelled with its province. */
	record UnitChoice(long id, String label) {
	}

	private final CurrentUser currentUser;

	private final Accounts accounts;

	private final Units units;

	private final PasswordPolicy policy;

	private final AccountAdministration administration;

	private final MessageSource messages;

	private final Clock clock;

	private final RoleCatalogue roleCatalogue;

	private final Exports exports;

	AccountAdminController(CurrentUser currentUser, Accounts accounts, Units units, PasswordPolicy policy,
			AccountAdministration administration, MessageSource messages, Clock clock,
			RoleCatalogue roleCatalogue, Exports exports) {
		this.exports = exports;
		this.roleCatalogue = roleCatalogue;
		this.currentUser = currentUser;
		this.accounts = accounts;
		this.units = units;
		this.policy = policy;
		this.administration = administration;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping
	String list(@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable Long before,
			Model model, Locale locale) {
		model.addAttribute("roleLabels", roleCatalogue.labels(messages, locale));
		DataScope scope = currentUser.scope();
		String query = Texts.blankToNull(q);
		Slice<Account> slice = Slice.of(limit -> accounts.page(scope, query, before, limit),
				PageSize.chosen(PAGE_SIZE), Account::id);
		List<AccountRow> rows = slice.items().stream().map(this::row).toList();
		model.addAttribute("q", query == null ? "" : query);
		model.addAttribute("rows", rows);
		model.addAttribute("total", accounts.count(scope, query));
		model.addAttribute("nextBefore", slice.next());
		return "platform/accounts/list";
	}

	@GetMapping("/export.xlsx")
	@StreamedExport
	void export(@RequestParam(required = false) @Nullable String q, Locale locale, HttpServletResponse response)
			throws IOException {
		DataScope scope = currentUser.scope();
		String query = Texts.blankToNull(q);
		Map<String, Object> detail = new HashMap<>();
		detail.put("query", query == null ? "" : query);
		detail.put("rows", accounts.count(scope, query));
		var download = exports
			.xlsx(response, "accounts.export.name", "accounts.export.name", Exports.columns("accounts.", "username",
					"displayName", "unit", "roles", "status", "lastLogin"))
			.audited(SelfService.ACCOUNT, null, detail);
		Map<String, String> roleLabels = roleCatalogue.labels(messages, locale);
		// Keyset pages of the scoped query, fetched as the workbook streams out.
		download.write(Stream
			.iterate(accounts.page(scope, query, null, EXPORT_BATCH), page -> !page.isEmpty(),
					page -> accounts.page(scope, query, page.getLast().id(), EXPORT_BATCH))
			.flatMap(List::stream)
			.map(this::row)
			.map(row -> List.of(row.username(), row.displayName(), row.unitName(),
					String.join("、", row.roles().stream().map(role -> roleLabels.getOrDefault(role, role)).toList()),
					statusText(row, locale), row.lastLoginAt() == null ? "" : MINUTES.format(row.lastLoginAt()))));
	}

	@GetMapping("/new")
	String newForm(Model model) {
		model.addAttribute("form", new AccountForm());
		return formView(model, null);
	}

	@PostMapping("/new")
	String create(@ModelAttribute("form") AccountForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		DataScope scope = currentUser.scope();
		String username = form.getUsername().strip();
		if (!username.matches(USERNAME_PATTERN)) {
			errors.rejectValue("username", "accounts.username.pattern");
		}
		else if (accounts.exists(username)) {
			errors.rejectValue("username", "accounts.username.taken");
		}
		Optional<Unit> unit = validate(form, errors, scope);
		policy.violations(username, form.getInitialPassword())
			.forEach(key -> errors.rejectValue("initialPassword", key));
		if (errors.hasErrors() || unit.isEmpty()) {
			return formView(model, null);
		}
		long id = administration.create(username, form.getDisplayName().strip(), unit.get(),
				form.getInitialPassword(), roles(form));
		redirect.addFlashAttribute("message", "accounts.created");
		return "redirect:/admin/accounts/" + id;
	}

	@GetMapping("/{id:\\d+}")
	String edit(@PathVariable long id, Model model) {
		Account account = find(id);
		AccountForm form = new AccountForm();
		form.setUsername(account.username());
		form.setDisplayName(account.displayName());
		form.setRoles(new ArrayList<>(account.roles()));
		form.setEnabled(account.enabled());
		Unit unit = units.get(account.unitId());
		if (unit.level() == UnitLevel.CENTRAL || unit.level() == UnitLevel.PROVINCE || unit.level() == UnitLevel.CITY) {
			form.setUnitId(unit.id().value());
		}
		else {
			form.setUnitCode(unit.id().toString());
		}
		model.addAttribute("form", form);
		return formView(model, account);
	}

	@PostMapping("/{id:\\d+}")
	String update(@PathVariable long id, @ModelAttribute("form") AccountForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		Account account = find(id);
		rejectOwnAccount(account, errors);
		Optional<Unit> unit = validate(form, errors, currentUser.scope());
		if (errors.hasErrors() || unit.isEmpty()) {
			form.setUsername(account.username());
			return formView(model, account);
		}
		administration.update(account, form.getDisplayName().strip(), unit.get(), form.isEnabled(), roles(form));
		redirect.addFlashAttribute("message", "common.saved");
		return "redirect:/admin/accounts/" + id;
	}

	@PostMapping("/{id:\\d+}/unlock")
	String unlock(@PathVariable long id, RedirectAttributes redirect) {
		administration.unlock(find(id));
		redirect.addFlashAttribute("message", "accounts.unlocked");
		return "redirect:/admin/accounts/" + id;
	}

	@PostMapping("/{id:\\d+}/reset-password")
	String resetPassword(@PathVariable long id, Model model, RedirectAttributes redirect) {
		Account account = find(id);
		if (account.id() == currentUser.actor().accountId()) {
			redirect.addFlashAttribute("error", "accounts.self");
			return "redirect:/admin/accounts/" + id;
		}
		String password = administration.resetPassword(account);
		// Rendered, not redirected: the one-time password exists only in this response.
		model.addAttribute("oneTimePassword", password);
		return edit(id, model);
	}

	@PostMapping("/{id:\\d+}/reset-second-factor")
	String resetSecondFactor(@PathVariable long id, RedirectAttributes redirect) {
		Account account = find(id);
		// Another security administrator does it: nobody removes their own second factor.
		if (account.id() == currentUser.actor().accountId()) {
			redirect.addFlashAttribute("error", "accounts.self");
			return "redirect:/admin/accounts/" + id;
		}
		administration.resetSecondFactor(account);
		redirect.addFlashAttribute("message", "accounts.secondFactorReset");
		return "redirect:/admin/accounts/" + id;
	}

	/** The unit, display name and roles shared by the new and the edit form. */
	private Optional<Unit> validate(AccountForm form, Errors errors, DataScope scope) {
		String displayName = form.getDisplayName().strip();
		if (displayName.isEmpty()) {
			errors.rejectValue("displayName", "accounts.displayName.required");
		}
		else if (displayName.length() > MAX_DISPLAY_NAME) {
			errors.rejectValue("displayName", "accounts.displayName.tooLong", new Object[] { MAX_DISPLAY_NAME }, null);
		}
		Set<String> roles = roles(form);
		if (roles.isEmpty()) {
			errors.rejectValue("roles", "accounts.roles.required");
		}
		roleCatalogue.separationViolationOfRoles(roles).ifPresent(key -> errors.rejectValue("roles", key));
		String code = form.getUnitCode().strip();
		if (!code.isEmpty()) {
			Optional<Unit> unit = code.matches("\\d{1,18}") ? units.find(scope, UnitId.of(code)) : Optional.empty();
			if (unit.isEmpty()) {
				errors.rejectValue("unitCode", "accounts.unit.notFound");
			}
			return unit;
		}
		if (form.getUnitId() == null) {
			errors.rejectValue("unitId", "accounts.unit.required");
			return Optional.empty();
		}
		Optional<Unit> unit = units.find(scope, new UnitId(form.getUnitId()));
		if (unit.isEmpty()) {
			errors.rejectValue("unitId", "accounts.unit.notFound");
		}
		return unit;
	}

	/** Security administrators do not change their own roles, unit or status, nor reset their own password here. */
	private void rejectOwnAccount(Account account, Errors errors) {
		if (account.id() == currentUser.actor().accountId()) {
			errors.reject("accounts.self");
		}
	}

	private String formView(Model model, @Nullable Account account) {
		DataScope scope = currentUser.scope();
		List<Unit> choices = units.within(scope, UnitLevel.CENTRAL, UnitLevel.PROVINCE, UnitLevel.CITY);
		Map<UnitId, Unit> byId = new HashMap<>();
		choices.forEach(unit -> byId.put(unit.id(), unit));
		model.addAttribute("unitChoices", choices.stream().map(unit -> {
			Unit parent = unit.level() == UnitLevel.CITY && unit.parentId() != null ? byId.get(unit.parentId()) : null;
			return new UnitChoice(unit.id().value(), parent == null ? unit.name() : parent.name() + " / " + unit.name());
		}).toList());
		model.addAttribute("allRoles", roleCatalogue.labels(messages, LocaleContextHolder.getLocale()));
		if (account != null) {
			model.addAttribute("account", row(account));
			model.addAttribute("unitLineage", String.join(" / ", units.lineage(account.unitId())));
			model.addAttribute("self", account.id() == currentUser.actor().accountId());
			return "platform/accounts/edit";
		}
		return "platform/accounts/new";
	}

	private Account find(long id) {
		return accounts.findById(currentUser.scope(), id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private AccountRow row(Account account) {
		Instant now = clock.instant();
		Status status = !account.enabled() ? Status.DISABLED : account.lockedAt(now) ? Status.LOCKED : Status.ACTIVE;
		return new AccountRow(account.id(), account.username(), account.displayName(), account.unitName(),
				account.roles(), status, status == Status.LOCKED ? local(account.lockedUntil()) : null,
				local(account.lastLoginAt()), account.totpEnabled());
	}

	private String statusText(AccountRow row, Locale locale) {
		return row.lockedUntil() == null ? message("accounts.status." + row.status(), locale)
				: messages.getMessage("accounts.status.LOCKED", new Object[] { MINUTES.format(row.lockedUntil()) },
						locale);
	}

	private String message(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}

	private @Nullable LocalDateTime local(@Nullable Instant instant) {
		return instant == null ? null : LocalDateTime.ofInstant(instant, clock.getZone());
	}

	/** Only known role codes (built in or custom), in a stable order for the audit log. */
	private Set<String> roles(AccountForm form) {
		Set<String> roles = new TreeSet<>(form.getRoles());
		roles.retainAll(roleCatalogue.codes());
		return roles;
	}
}
