package org.tongxin.people.web;

import static org.tongxin.platform.Texts.blankToNull;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tongxin.people.ConsentState;
import org.tongxin.people.LegalBasis;
import org.tongxin.people.PeopleRegistry;
import org.tongxin.people.Person;
import org.tongxin.people.PersonFilter;
import org.tongxin.people.PersonForm;
import org.tongxin.people.PersonId;
import org.tongxin.people.PersonSummary;
import org.tongxin.people.SensitiveField;
import org.tongxin.people.Sex;
import org.tongxin.platform.Slice;
import org.tongxin.platform.web.ApiPages;
import org.tongxin.platform.web.ETags;

/** The people registry for other systems: scoped, masked by default, reveal only with a reason (audited). */
@RestController
@RequestMapping("/api/v1/people")
@Tag(name = "people", description = "人士信息库: persons of the new social strata (scoped, masked)")
class PeopleApi {

	private final PeopleRegistry registry;

	PeopleApi(PeopleRegistry registry) {
		this.registry = registry;
	}

	record SummaryView(long id, long unit, String place, @Nullable String name, @Nullable Sex sex,
			@Nullable LocalDate birthDate, @Nullable Integer birthDecade, String group, @Nullable String subgroup,
			@Nullable String employer, @Nullable String position, @Nullable String phone, ConsentState consent) {

		static SummaryView of(PersonSummary p) {
			return new SummaryView(p.id().value(), p.unit().value(), p.place(), p.name(), p.sex(), p.birthDate(),
					p.birthDecade(), p.group(), p.subgroup(), p.employer(), p.position(), p.phoneMasked(), p.consentState());
		}
	}

	record PersonPage(List<SummaryView> items, @Nullable String nextCursor) {
	}

	record PersonView(long id, long unit, String place, String regionCode, @Nullable String name, @Nullable Sex sex,
			@Nullable LocalDate birthDate, @Nullable Integer birthDecade, @Nullable String ethnicity,
			@Nullable String idNumber, @Nullable String phone,
			@Nullable String email, @Nullable String education, @Nullable String affiliation, @Nullable String party,
			@Nullable String religion, String group, @Nullable String subgroup, @Nullable String employer,
			@Nullable String position, @Nullable String sector, @Nullable String address, List<String> tags,
			@Nullable String notes, LegalBasis legalBasis, ConsentState consent, boolean anonymised, int version) {

		static PersonView of(Person p) {
			return new PersonView(p.id().value(), p.unit().value(), p.place(), p.regionCode(), p.name(), p.sex(),
					p.birthDate(), p.birthDecade(), p.ethnicity(), p.idNumberMasked(), p.phoneMasked(), p.emailMasked(), p.education(),
					p.affiliation(), p.party(), p.religionRecorded() ? "***" : null, p.group(), p.subgroup(),
					p.employer(), p.position(), p.sector(), p.addressMasked(), p.tags(), p.notes(), p.legalBasis(),
					p.consentState(), p.anonymised(), p.version());
		}
	}

	record RevealRequest(@NotNull @Nullable SensitiveField field, @Nullable String reason) {
	}

	record RevealView(SensitiveField field, @Nullable String value) {
	}

	@GetMapping
	@PreAuthorize("hasAuthority('people:read')")
	@Operation(summary = "Persons in the caller's data scope, newest first, keyset-paged by cursor; sensitive values masked",
			description = "q: a name fragment (1–4 characters), the last 4 digits of a phone number, a mobile number or an ID number")
	PersonPage list(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String group, @RequestParam(required = false) @Nullable Long unit,
			@RequestParam(required = false) @Nullable String cursor, @RequestParam(defaultValue = "50") int size) {
		PersonFilter filter = new PersonFilter(blankToNull(q), blankToNull(group), null, unit, null, null, null, null,
				null, null);
		Slice<PersonSummary> slice = ApiPages.read(cursor, size, (before, limit) -> registry.page(filter, before, limit),
				PersonSummary::id);
		return new PersonPage(ApiPages.views(slice, SummaryView::of), slice.next());
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('people:read')")
	@Operation(summary = "One person, sensitive values masked; the ETag is the version for If-Match. "
			+ "A person merged away as a duplicate answers 410 Gone with the survivor's id in mergedInto")
	ResponseEntity<PersonView> get(@PathVariable long id) {
		Person person = registry.get(new PersonId(id));
		// A duplicate merged away answers 410 Gone with the survivor's id (the platform's ProblemAdvice), not its old record.
		registry.requireNotMergedAway(person.id());
		return ETags.ok(person.version(), PersonView.of(person));
	}

	@PostMapping
	@PreAuthorize("hasAuthority('people:write')")
	@Operation(summary = "Register a person in a city or district of the caller's scope")
	ResponseEntity<PersonView> create(@Valid @RequestBody PersonForm form) {
		Person person = registry.create(form);
		return ETags.created("/api/v1/people/" + person.id(), person.version(), PersonView.of(person));
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasAuthority('people:write')")
	@Operation(summary = "Update a person; blank idNumber, phone or religion keep the stored value; If-Match refuses lost updates (409)")
	ResponseEntity<PersonView> update(@PathVariable long id, @Valid @RequestBody PersonForm form,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		PersonId personId = new PersonId(id);
		Person current = registry.get(personId);
		Person person = registry.update(personId, ETags.expected(ifMatch, current.version()), form);
		return ETags.ok(person.version(), PersonView.of(person));
	}

	@PostMapping("/{id}/reveal")
	@PreAuthorize("hasAuthority('people:reveal')")
	@Operation(summary = "One sensitive value in clear (ID_NUMBER, PHONE, RELIGION, EMAIL, ADDRESS); a reason is required and audited; 409 once the person withdrew the consent that covers it")
	RevealView reveal(@PathVariable long id, @Valid @RequestBody RevealRequest request) {
		SensitiveField field = java.util.Objects.requireNonNull(request.field());
		return new RevealView(field,
				registry.reveal(new PersonId(id), field, request.reason() == null ? "" : request.reason()));
	}
}
