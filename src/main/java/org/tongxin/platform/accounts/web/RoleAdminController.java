package org.tongxin.platform.accounts.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.platform.CurrentUser;
import org.tongxin.platform.UnitId;
import org.tongxin.platform.accounts.RoleCatalogue.Role;
import org.tongxin.platform.accounts.RoleCatalogue;

/**
 * The role editor of the security administrator (安全管理员): roles are sets of permissions. Built-in roles are
 * read-only templates that can be copied; custom roles are created, changed and deleted (only when no account
 * holds them). Roles apply to every unit, so only a security administrator of the central unit edits them.
 */
@Controller
@RequestMapping("/admin/roles")
@PreAuthorize("hasAuthority('account:manage')")
class RoleAdminController {

	static final int MAX_NAME = 64;

	/** One permission as the form lists it: its code, its name, and whether an administrator holds it. */
	record PermissionChoice(String code, String label, boolean administrator) {
	}

	private final RoleCatalogue roles;

	private final RoleAdministration administration;

	private final CurrentUser currentUser;

	private final MessageSource messages;

	RoleAdminController(RoleCatalogue roles, RoleAdministration administration, CurrentUser currentUser,
			MessageSource messages) {
		this.roles = roles;
		this.administration = administration;
		this.currentUser = currentUser;
		this.messages = messages;
	}

	@ModelAttribute
	void centralOnly() {
		if (!UnitId.CENTRAL.equals(currentUser.actor().unit())) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
	}

	@GetMapping
	String list(Model model, Locale locale) {
		model.addAttribute("roles", roles.all());
		model.addAttribute("labels", roles.labels(messages, locale));
		return "platform/roles/list";
	}

	/** A new custom role, empty or as a copy of another role ({@code from}). */
	@GetMapping("/new")
	String newForm(@RequestParam(required = false) @Nullable String from, Model model, Locale locale) {
		RoleForm form = new RoleForm();
		if (from != null) {
			Role template = find(from);
			String label = template.label(messages, locale);
			form.setNameZh(messages.getMessage("roles.copyOf", new Object[] { template.label(messages, Locale.SIMPLIFIED_CHINESE) },
					Locale.SIMPLIFIED_CHINESE));
			form.setNameEn(messages.getMessage("roles.copyOf", new Object[] { template.label(messages, Locale.ENGLISH) },
					Locale.ENGLISH));
			form.setPermissions(new ArrayList<>(template.permissions()));
			model.addAttribute("copiedFrom", label);
		}
		model.addAttribute("form", form);
		return formView(model, null, locale);
	}

	@PostMapping("/new")
	String create(@ModelAttribute("form") RoleForm form, BindingResult errors, Model model, Locale locale,
			RedirectAttributes redirect) {
		Set<String> permissions = validate(form, errors);
		if (errors.hasErrors()) {
			return formView(model, null, locale);
		}
		String code = administration.create(form.getNameZh().strip(), form.getNameEn().strip(), permissions);
		redirect.addFlashAttribute("message", "roles.created");
		return "redirect:/admin/roles/" + code;
	}

	@GetMapping("/{code}")
	String edit(@PathVariable String code, Model model, Locale locale) {
		Role role = find(code);
		RoleForm form = new RoleForm();
		form.setNameZh(role.builtin() ? role.label(messages, Locale.SIMPLIFIED_CHINESE) : String.valueOf(role.nameZh()));
		form.setNameEn(role.builtin() ? role.label(messages, Locale.ENGLISH) : String.valueOf(role.nameEn()));
		form.setPermissions(new ArrayList<>(role.permissions()));
		model.addAttribute("form", form);
		return formView(model, role, locale);
	}

	@PostMapping("/{code}")
	String update(@PathVariable String code, @ModelAttribute("form") RoleForm form, BindingResult errors, Model model,
			Locale locale, RedirectAttributes redirect) {
		Role role = find(code);
		if (role.builtin()) {
			errors.reject("roles.builtin.readOnly");
			return formView(model, role, locale);
		}
		Set<String> permissions = validate(form, errors);
		if (errors.hasErrors()) {
			return formView(model, role, locale);
		}
		administration.update(role, form.getNameZh().strip(), form.getNameEn().strip(), permissions);
		redirect.addFlashAttribute("message", "common.saved");
		return "redirect:/admin/roles/" + code;
	}

	@PostMapping("/{code}/delete")
	String delete(@PathVariable String code, RedirectAttributes redirect) {
		Role role = find(code);
		if (role.builtin()) {
			redirect.addFlashAttribute("error", "roles.builtin.readOnly");
			return "redirect:/admin/roles/" + code;
		}
		if (!administration.delete(role)) {
			redirect.addFlashAttribute("error", "roles.inUse");
			return "redirect:/admin/roles/" + code;
		}
		redirect.addFlashAttribute("message", "roles.deleted");
		return "redirect:/admin/roles";
	}

	private Set<String> validate(RoleForm form, BindingResult errors) {
		for (String field : List.of("nameZh", "nameEn")) {
			String value = (field.equals("nameZh") ? form.getNameZh() : form.getNameEn()).strip();
			if (value.isEmpty()) {
				errors.rejectValue(field, "roles.name.required");
			}
			else if (value.length() > MAX_NAME) {
				errors.rejectValue(field, "roles.name.tooLong", new Object[] { MAX_NAME }, null);
			}
		}
		Set<String> permissions = new TreeSet<>(form.getPermissions());
		permissions.retainAll(roles.permissions());
		if (permissions.isEmpty()) {
			errors.rejectValue("permissions", "roles.permissions.required");
		}
		roles.separationViolation(permissions).ifPresent(key -> errors.rejectValue("permissions", key + ".role"));
		return permissions;
	}

	private String formView(Model model, @Nullable Role role, Locale locale) {
		var administrators = roles.administratorPermissions();
		model.addAttribute("permissionChoices", roles.permissions()
			.stream()
			.map(code -> new PermissionChoice(code, permissionLabel(code, locale), administrators.containsKey(code)))
			.toList());
		model.addAttribute("role", role);
		model.addAttribute("roleLabel", role == null ? null : role.label(messages, locale));
		return "platform/roles/form";
	}

	/** Permissions a module adds later without a label still show, by their code. */
	private String permissionLabel(String code, Locale locale) {
		return messages.getMessage("permission." + code.replace(':', '.'), null, code, locale);
	}

	private Role find(String code) {
		return roles.find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}
}
