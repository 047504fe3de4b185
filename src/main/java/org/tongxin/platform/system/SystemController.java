package org.tongxin.platform.system;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.core.env.Environment;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tongxin.platform.AuditLog;
import org.tongxin.platform.CurrentUser;
import org.tongxin.platform.DataScope;
import org.tongxin.platform.DemoMode;
import org.tongxin.platform.Exports;
import org.tongxin.platform.NotFound;
import org.tongxin.platform.PageSize;
import org.tongxin.platform.Slice;
import org.tongxin.platform.StreamedExport;
import org.tongxin.platform.Unit;
import org.tongxin.platform.UnitId;
import org.tongxin.platform.Units;
import org.tongxin.platform.security.SecuritySettings;

/** The system administrator's screens: the unit tree and the settings in force. */
@Controller
class SystemController {

	static final int PAGE_SIZE = 50;

	private final Units units;

	private final CurrentUser currentUser;

	private final MessageSource messages;

	private final AuditLog audit;

	private final SecuritySettings security;

	private final DemoMode demoMode;

	private final Environment environment;

	private final Exports exports;

	SystemController(Units units, CurrentUser currentUser, MessageSource messages, AuditLog audit,
			SecuritySettings security, DemoMode demoMode, Environment environment, Exports exports) {
		this.exports = exports;
		this.units = units;
		this.currentUser = currentUser;
		this.messages = messages;
		this.audit = audit;
		this.security = security;
		this.demoMode = demoMode;
		this.environment = environment;
	}

	@GetMapping("/system/units")
	@PreAuthorize("hasAuthority('system:units')")
	String units(@RequestParam(required = false) @Nullable Long parent, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String after, Model model) {
		DataScope scope = currentUser.scope();
		UnitId parentId = parent == null ? scope.unit() : new UnitId(parent);
		Unit current = units.find(scope, parentId).orElseThrow(() -> new NotFound("unit", parentId));
		String query = q == null || q.isBlank() ? null : q.strip();
		Slice<Units.Branch> slice = Slice.of(limit -> units.browse(scope, parentId, query, after, limit),
				PageSize.chosen(PAGE_SIZE), last -> last.unit().path());
		List<Units.Branch> shown = slice.items();
		model.addAttribute("current", current);
		model.addAttribute("lineage", units.lineage(parentId));
		model.addAttribute("branches", shown);
		model.addAttribute("q", query);
		model.addAttribute("nextAfter", slice.next());
		return "platform/system/units";
	}

	@GetMapping("/system/units/export.xlsx")
	@StreamedExport
	@PreAuthorize("hasAuthority('system:units')")
	// One transaction for the streamed subtree; the audit entry is written in its own.
	@Transactional(readOnly = true)
	void export(@RequestParam(required = false) @Nullable Long parent, Locale locale, HttpServletResponse response)
			throws IOException {
		DataScope scope = currentUser.scope();
		UnitId root = parent == null ? scope.unit() : new UnitId(parent);
		units.find(scope, root).orElseThrow(() -> new NotFound("unit", root));
		var download = exports
			.xlsx(response, "system.units.file", "system.units.sheet",
					Exports.columns("system.units.column.", "code", "name", "level", "parent"))
			.audited("unit", root, Map.of("subtree", true));
		try (var rows = units.subtree(scope, root)) {
			download.write(rows.map(u -> List.of(u.code() == null ? "" : u.code(), u.name(),
					text("unit.level." + u.level(), locale), u.parentId() == null ? "" : u.parentId().toString())));
		}
	}

	@GetMapping("/system/settings")
	@PreAuthorize("hasAuthority('system:settings')")
	String settings(Model model) {
		model.addAttribute("security", security);
		model.addAttribute("demo", demoMode.enabled());
		model.addAttribute("embedded", demoMode.embeddedDatabase());
		model.addAttribute("retentionDays",
				Math.max(180, environment.getProperty("tongxin.audit.retention-days", Integer.class, 180)));
		model.addAttribute("sessionTimeout", environment.getProperty("server.servlet.session.timeout", "30m"));
		return "platform/system/settings";
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}
}
