package org.tongxin.people.web;

import java.util.List;
import java.util.Locale;

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
import org.tongxin.people.PeopleRegistry;
import org.tongxin.people.Person;
import org.tongxin.people.PersonId;
import org.tongxin.people.PersonTransfers;
import org.tongxin.platform.DataScope;
import org.tongxin.platform.PageSize;
import org.tongxin.platform.Refused;
import org.tongxin.platform.Slice;
import org.tongxin.platform.Unit;
import org.tongxin.platform.UnitId;
import org.tongxin.platform.UnitLevel;
import org.tongxin.platform.Units;
import org.tongxin.platform.web.ListPages;

/** Transfers of people between units: request from the person's page, decide in the incoming list. */
@Controller
class TransferController {

	static final int PAGE_SIZE = 30;

	private final PersonTransfers transfers;

	private final PeopleRegistry registry;

	private final Units units;

	private final MessageSource messages;

	TransferController(PersonTransfers transfers, PeopleRegistry registry, Units units, MessageSource messages) {
		this.transfers = transfers;
		this.registry = registry;
		this.units = units;
		this.messages = messages;
	}

	@GetMapping("/people/transfers")
	@PreAuthorize("hasAuthority('people:read')")
	String list(@RequestParam(defaultValue = "incoming") String tab, @RequestParam(required = false) @Nullable Long before,
			Model model) {
		boolean incoming = !"outgoing".equals(tab);
		model.addAttribute("incoming", incoming);
		ListPages.show(model, "transfers", Slice.of(
				limit -> incoming ? transfers.incoming(before, limit) : transfers.outgoing(before, limit),
				PageSize.chosen(PAGE_SIZE), last -> last.id()));
		return "people/transfers";
	}

	@GetMapping("/people/{id}/transfer")
	@PreAuthorize("hasAuthority('people:write')")
	String form(@PathVariable long id, @RequestParam(required = false) @Nullable Long city, Model model) {
		Person person = registry.get(new PersonId(id));
		registry.requireNotMergedAway(person.id());
		model.addAttribute("person", person);
		// Every city of the country is a possible destination: reference data, not personal data.
		model.addAttribute("cities", units.within(DataScope.everywhere(), UnitLevel.PROVINCE, UnitLevel.CITY)
			.stream()
			.filter(Unit::city)
			.toList());
		model.addAttribute("city", city);
		model.addAttribute("targets", city == null ? List.<Unit>of() : transfers.destinations(new UnitId(city)));
		return "people/transfer-form";
	}

	@PostMapping("/people/{id}/transfers")
	@PreAuthorize("hasAuthority('people:write')")
	String request(@PathVariable long id, @RequestParam(required = false) @Nullable Long target,
			@RequestParam(defaultValue = "") String reason, @RequestParam(required = false) @Nullable Long city,
			Locale locale, RedirectAttributes redirect) {
		try {
			if (target == null) {
				throw new Refused("transfer.error.target");
			}
			transfers.request(new PersonId(id), new UnitId(target), reason);
		}
		catch (Refused e) {
			redirect.addFlashAttribute("error", messages.getMessage(e.getMessage(), null, locale));
			redirect.addFlashAttribute("reason", reason);
			return "redirect:/people/" + id + "/transfer" + (city == null ? "" : "?city=" + city);
		}
		redirect.addFlashAttribute("notice", messages.getMessage("transfer.submitted", null, locale));
		return "redirect:/people/transfers?tab=outgoing";
	}

	@PostMapping("/people/transfers/{id}/accept")
	@PreAuthorize("hasAuthority('people:write')")
	String accept(@PathVariable long id, Locale locale, RedirectAttributes redirect) {
		return decided(() -> transfers.accept(id), "incoming", locale, redirect);
	}

	@PostMapping("/people/transfers/{id}/decline")
	@PreAuthorize("hasAuthority('people:write')")
	String decline(@PathVariable long id, @RequestParam(required = false) @Nullable String comment, Locale locale,
			RedirectAttributes redirect) {
		return decided(() -> transfers.decline(id, comment), "incoming", locale, redirect);
	}

	@PostMapping("/people/transfers/{id}/cancel")
	@PreAuthorize("hasAuthority('people:write')")
	String cancel(@PathVariable long id, Locale locale, RedirectAttributes redirect) {
		return decided(() -> transfers.cancel(id), "outgoing", locale, redirect);
	}

	private String decided(Runnable decision, String tab, Locale locale, RedirectAttributes redirect) {
		try {
			decision.run();
		}
		catch (Refused e) {
			redirect.addFlashAttribute("error", messages.getMessage(e.getMessage(), null, locale));
		}
		return "redirect:/people/transfers?tab=" + tab;
	}
}
