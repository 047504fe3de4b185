package org.tongxin.people.web;

import static org.tongxin.platform.Texts.orEmpty;

import java.io.IOException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.people.DictionaryLabels;
import org.tongxin.people.PeopleRegistry;
import org.tongxin.people.Person;
import org.tongxin.people.dedupe.Deduplication;
import org.tongxin.people.dedupe.DuplicatePair;
import org.tongxin.people.dedupe.DuplicateStatus;
import org.tongxin.people.dedupe.MergeField;
import org.tongxin.people.dedupe.MergeSide;
import org.tongxin.platform.Conflict;
import org.tongxin.platform.Exports;
import org.tongxin.platform.PageSize;
import org.tongxin.platform.Slice;
import org.tongxin.platform.StreamedExport;
import org.tongxin.platform.web.ListPages;

/** The duplicate review: pairs by status, the side-by-side merge screen, "not a duplicate", undo of a merge. */
@Controller
class DuplicatesController {

	static final int PAGE_SIZE = 20;

	private static final DateTimeFormatter FOUND_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	/** The list of open pairs. */
	private static final String OPEN = "/people/duplicates";

	/** The list of merged pairs, where a merge is undone. */
	private static final String MERGED = "/people/duplicates?status=MERGED";

	private final Deduplication deduplication;

	private final PeopleRegistry registry;

	private final MessageSource messages;

	private final Clock clock;

	private final Exports exports;

	DuplicatesController(Deduplication deduplication, PeopleRegistry registry, MessageSource messages,
			Clock clock, Exports exports) {
		this.exports = exports;
		this.deduplication = deduplication;
		this.registry = registry;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/people/duplicates")
	@PreAuthorize("hasAuthority('people:dedupe')")
	String list(@RequestParam(defaultValue = "OPEN") DuplicateStatus status, @RequestParam(required = false) @Nullable String after,
			Model model) {
		ListPages.show(model, "pairs", Slice.of(limit -> deduplication.page(status, after, limit),
				PageSize.chosen(PAGE_SIZE), last -> last.cursor()), "nextAfter");
		model.addAttribute("status", status);
		model.addAttribute("statuses", DuplicateStatus.values());
		model.addAttribute("total", deduplication.count(status));
		return "people/duplicates";
	}

	@GetMapping("/people/duplicates/export.xlsx")
	@StreamedExport
	@PreAuthorize("hasAuthority('people:dedupe') and hasAuthority('people:export')")
	void export(@RequestParam(defaultValue = "OPEN") DuplicateStatus status, Locale locale, HttpServletResponse response)
			throws IOException {
		var download = exports.xlsx(response, "duplicate.file", "duplicate.sheet",
				List.of("duplicate.score", "duplicate.reasons", "person.name", "person.birthDate", "person.place",
						"person.employer", "person.phone", "person.name", "person.birthDate", "person.place",
						"person.employer", "person.phone", "duplicate.foundAt"));
		deduplication.export(status, rows -> download.write(rows.map(pair -> cells(pair, locale))));
	}

	@PostMapping("/people/duplicates/scan")
	@PreAuthorize("hasAuthority('people:dedupe-run')")
	String scan(RedirectAttributes redirect) {
		redirect.addFlashAttribute("scanned", deduplication.detectNow());
		return "redirect:/people/duplicates";
	}

	@GetMapping("/people/duplicates/{id}")
	@PreAuthorize("hasAuthority('people:dedupe')")
	String review(@PathVariable long id, Model model, Locale locale) {
		Deduplication.Review review = deduplication.review(id);
		DictionaryLabels labels = registry.labels(locale);
		List<FieldRow> rows = new ArrayList<>();
		for (MergeField field : MergeField.values()) {
			String left = value(field, review.left(), labels, locale);
			String right = value(field, review.right(), labels, locale);
			rows.add(new FieldRow(field, labelKey(field), left, right, !left.equals(right)));
		}
		model.addAttribute("review", review);
		model.addAttribute("rows", rows);
		return "people/duplicate";
	}

	@PostMapping("/people/duplicates/{id}/merge")
	@PreAuthorize("hasAuthority('people:dedupe')")
	String merge(@PathVariable long id, @RequestParam Map<String, String> params, RedirectAttributes redirect) {
		Map<MergeField, MergeSide> choices = new EnumMap<>(MergeField.class);
		for (MergeField field : MergeField.values()) {
			choices.put(field, "TAKE".equals(params.get("f_" + field.name())) ? MergeSide.TAKE : MergeSide.KEEP);
		}
		return decide(redirect, () -> deduplication.merge(id, choices), "duplicate.merged", MERGED, OPEN);
	}

	@PostMapping("/people/duplicates/{id}/not-duplicate")
	@PreAuthorize("hasAuthority('people:dedupe')")
	String notDuplicate(@PathVariable long id, RedirectAttributes redirect) {
		return decide(redirect, () -> deduplication.notDuplicate(id), "duplicate.notDuplicated", OPEN, OPEN);
	}

	@PostMapping("/people/duplicates/merges/{mergeId}/undo")
	@PreAuthorize("hasAuthority('people:dedupe')")
	String undo(@PathVariable long mergeId, RedirectAttributes redirect) {
		return decide(redirect, () -> deduplication.undo(mergeId), "duplicate.undone", OPEN, MERGED);
	}

	/**
	 * A reviewer's decision on a pair: made, and the list shown with {@code done}; or refused because the pair
	 * changed meanwhile (a conflict), and the list shown with the reason.
	 */
	private static String decide(RedirectAttributes redirect, Runnable decision, String done, String then,
			String refused) {
		try {
			decision.run();
			redirect.addFlashAttribute("done", done);
			return "redirect:" + then;
		}
		catch (Conflict e) {
			redirect.addFlashAttribute("problem", e.key());
			return "redirect:" + refused;
		}
	}

	/** One line of the merge screen; {@code differs} marks the lines where the choice matters. */
	record FieldRow(MergeField field, String labelKey, String left, String right, boolean differs) {
	}

	private static String labelKey(MergeField field) {
		return switch (field) {
			case NAME -> "person.name";
			case SEX -> "person.sex";
			case BIRTH_DATE -> "person.birthDate";
			case ETHNICITY -> "person.ethnicity";
			case ID_NUMBER -> "person.idNumber";
			case PHONE -> "person.phone";
			case EMAIL -> "person.email";
			case EDUCATION -> "person.education";
			case AFFILIATION -> "person.affiliation";
			case RELIGION -> "person.religion";
			case GROUP -> "person.group";
			case EMPLOYER -> "person.employer";
			case POSITION -> "person.position";
			case SECTOR -> "person.sector";
			case ADDRESS -> "person.address";
			case UNIT -> "person.place";
			case TAGS -> "person.tags";
			case NOTES -> "person.notes";
			case LEGAL_BASIS -> "person.legalBasis";
		};
	}

	/** The value as the person's page shows it: labels for codes, masks for sensitive values. */
	private String value(MergeField field, Person p, DictionaryLabels labels, Locale locale) {
		String value = switch (field) {
			case NAME -> p.name();
			case SEX -> p.sex() == null ? null : text("person.sex." + p.sex(), locale);
			case BIRTH_DATE -> Births.text(p.birthDate(), p.birthDecade(), messages, locale);
			case ETHNICITY -> labels.of("ETHNICITY", p.ethnicity());
			case ID_NUMBER -> p.idNumberMasked();
			case PHONE -> p.phoneMasked();
			case EMAIL -> p.emailMasked();
			case EDUCATION -> labels.of("EDUCATION", p.education());
			case AFFILIATION -> p.party() == null ? labels.of("AFFILIATION", p.affiliation()) : labels.of("PARTY", p.party());
			case RELIGION -> p.religionRecorded() ? "***" : null;
			case GROUP -> join(labels.of("GROUP", p.group()), labels.of("SUBGROUP", p.subgroup()));
			case EMPLOYER -> p.employer();
			case POSITION -> p.position();
			case SECTOR -> labels.of("SECTOR", p.sector());
			case ADDRESS -> p.addressMasked();
			case UNIT -> p.place();
			case TAGS -> String.join(" ", p.tags());
			case NOTES -> p.notes();
			case LEGAL_BASIS -> text("person.legalBasis." + p.legalBasis(), locale);
		};
		return value == null ? "" : value;
	}

	private static String join(@Nullable String a, @Nullable String b) {
		return b == null || b.isEmpty() ? (a == null ? "" : a) : a + " / " + b;
	}

	private List<?> cells(DuplicatePair pair, Locale locale) {
		List<Object> cells = new ArrayList<>();
		cells.add(pair.score());
		cells.add(String.join("、", pair.reasons().stream().map(r -> text("duplicate.reason." + r, locale)).toList()));
		for (DuplicatePair.Side side : List.of(pair.low(), pair.high())) {
			cells.add(orEmpty(side.name()));
			cells.add(Births.text(side.birthDate(), side.birthDecade(), messages, locale));
			cells.add(side.place());
			cells.add(orEmpty(side.employer()));
			cells.add(orEmpty(side.phoneMasked()));
		}
		// In the display zone like every other time shown, not as a UTC instant.
		cells.add(FOUND_AT.format(pair.foundAt().atZone(clock.getZone())));
		return cells;
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}
}
