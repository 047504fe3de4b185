package org.tongxin.platform.audit.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.tongxin.platform.AuditLog.Action;
import org.tongxin.platform.AuditLog;
import org.tongxin.platform.Exports;
import org.tongxin.platform.StreamedExport;
import org.tongxin.platform.audit.AuditEntry;
import org.tongxin.platform.audit.AuditTrail;
import org.tongxin.platform.audit.AuditVerifier;
import tools.jackson.databind.json.JsonMapper;

/** The audit administrator's screen: the whole log with filters, its Excel export and the chain verification. */
@Controller
@RequestMapping("/audit")
class AuditController {

	static final int PAGE_SIZE = 50;

	/** The actions the platform writes, offered in the filter. */
	static final List<String> ACTIONS = List.of(Action.LOGIN, Action.LOGIN_FAILED, Action.LOCKED, Action.LOGOUT,
			Action.CREATE, Action.UPDATE, Action.DELETE, Action.REVEAL, Action.EXPORT, Action.PASSWORD_CHANGE,
			Action.MFA_ENROLLED, Action.MFA_FAILED, Action.OVERRIDE);

	/** Excel refuses longer cell text. */
	private static final int CELL_LIMIT = 32_767;

	private static final DateTimeFormatter EXCEL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final AuditTrail trail;

	private final AuditVerifier verifier;

	private final AuditLog audit;

	private final MessageSource messages;

	private final JsonMapper json;

	private final Clock clock;

	private final Exports exports;

	AuditController(AuditTrail trail, AuditVerifier verifier, AuditLog audit, MessageSource messages, JsonMapper json,
			Clock clock, Exports exports) {
		this.exports = exports;
		this.trail = trail;
		this.verifier = verifier;
		this.audit = audit;
		this.messages = messages;
		this.json = json;
		this.clock = clock;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('audit:read')")
	String list(@ModelAttribute("filter") AuditQuery query, @RequestParam(required = false) @Nullable Long before,
			Model model) {
		ZoneId zone = clock.getZone();
		AuditTrail.Filter filter = query.toFilter(zone);
		AuditTrail.Page page = trail.page(filter, before, PAGE_SIZE);
		model.addAttribute("rows", page.entries().stream().map(entry -> AuditRow.of(entry, zone, json)).toList());
		model.addAttribute("total", trail.count(filter));
		model.addAttribute("actions", ACTIONS);
		model.addAttribute("nextBefore", page.nextBefore());
		model.addAttribute("exportUrl", link("/audit/export.xlsx", query.criteria(), null));
		return "platform/audit/list";
	}

	@GetMapping("/export.xlsx")
	@StreamedExport
	@PreAuthorize("hasAuthority('audit:read')")
	void export(@ModelAttribute("filter") AuditQuery query, HttpServletResponse response, Locale locale)
			throws IOException {
		ZoneId zone = clock.getZone();
		var download = exports
			.xlsx(response, "audit.export.file", "audit.export.sheet", Exports.columns("audit.column.", "id", "at",
					"actor", "unit", "action", "objectType", "objectId", "detail", "reason", "ip", "hash"))
			.audited("audit_log", null, Map.of("filter", query.criteria()));
		trail.export(query.toFilter(zone), entries -> download.write(entries.map(entry -> cells(entry, zone, locale))));
	}

	@PostMapping("/verify")
	@PreAuthorize("hasAuthority('audit:read') and hasAuthority('audit:verify')")
	String verify(RedirectAttributes redirect) {
		redirect.addFlashAttribute("verification", verifier.verify());
		return "redirect:/audit";
	}

	private List<?> cells(AuditEntry entry, ZoneId zone, Locale locale) {
		return Arrays.asList(entry.id(), LocalDateTime.ofInstant(entry.at(), zone).format(EXCEL_TIME),
				entry.actor(), entry.actorUnit(), actionLabel(entry.action(), locale), entry.objectType(),
				entry.objectId(), limit(entry.detail()), entry.reason(), entry.ip(), entry.hash());
	}

	private String actionLabel(String action, Locale locale) {
		return messages.getMessage("audit.action." + action, null, action, locale);
	}

	private String message(String code, Locale locale) {
		return messages.getMessage(code, null, locale);
	}

	private static @Nullable String limit(@Nullable String text) {
		return text == null || text.length() <= CELL_LIMIT ? text : text.substring(0, CELL_LIMIT);
	}

	/** A link within the application that keeps the filter; the template adds the context path. */
	private static String link(String path, Map<String, String> criteria, @Nullable Long before) {
		UriComponentsBuilder link = UriComponentsBuilder.fromPath(path);
		// Form encoding, as the filter form itself sends values: a "+" in a value must not come back as a space.
		criteria.forEach((name, value) -> link.queryParam(name, URLEncoder.encode(value, StandardCharsets.UTF_8)));
		if (before != null) {
			link.queryParam("before", before);
		}
		return link.build(true).toUriString();
	}
}
