package org.tongxin.organisations.web;

import static org.tongxin.platform.Texts.blankToNull;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
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
import org.tongxin.organisations.JoinedVia;
import org.tongxin.organisations.Member;
import org.tongxin.organisations.MemberFilter;
import org.tongxin.organisations.MemberRole;
import org.tongxin.organisations.Membership;
import org.tongxin.organisations.MembershipForm;
import org.tongxin.organisations.MembershipStatus;
import org.tongxin.organisations.Memberships;
import org.tongxin.organisations.Organisation;
import org.tongxin.organisations.OrganisationFilter;
import org.tongxin.organisations.OrganisationForm;
import org.tongxin.organisations.OrganisationId;
import org.tongxin.organisations.Organisations;
import org.tongxin.organisations.PartyOrgForm;
import org.tongxin.platform.NotFound;
import org.tongxin.platform.Slice;
import org.tongxin.platform.TargetGroup;
import org.tongxin.platform.web.ApiPages;
import org.tongxin.platform.web.ETags;

/** Organisations and their members for other systems: scoped like the screens; person details masked. */
@RestController
@RequestMapping("/api/v1/organisations")
@Tag(name = "organisations", description = "组织起来: organisations, party-organisation coverage and members (scoped)")
class OrganisationsApi {

	private final Organisations organisations;

	private final Memberships memberships;

	OrganisationsApi(Organisations organisations, Memberships memberships) {
		this.organisations = organisations;
		this.memberships = memberships;
	}

	record OrganisationView(long id, String name, String kind, long unit, String place, @Nullable Long parent,
			@Nullable String parentName, @Nullable Long site, @Nullable LocalDate foundedOn, boolean registered,
			@Nullable String address, @Nullable String contactName, @Nullable String contactPhoneMasked,
			@Nullable String description, List<TargetGroup> targetGroups, boolean hasPartyOrg,
			PartyOrgForm partyOrgForm, int partyMembers, boolean partyInstructor, long activeMembers, int currentTerm,
			@Nullable LocalDate dissolvedOn, int version) {

		static OrganisationView of(Organisation o) {
			return new OrganisationView(o.id().value(), o.name(), o.kind(), o.unit().value(), o.place(),
					o.parent() == null ? null : o.parent().value(), o.parentName(), o.site(), o.foundedOn(),
					o.registered(), o.address(), o.contactName(), o.contactPhoneMasked(), o.description(), o.targetGroups(),
					o.hasPartyOrg(), o.partyOrgForm(), o.partyMembers(), o.partyInstructor(), o.activeMembers(),
					o.currentTerm(), o.dissolvedOn(), o.version());
		}
	}

	record OrganisationPage(List<OrganisationView> items, @Nullable String nextCursor) {
	}

	record MemberView(long id, long person, @Nullable String name, @Nullable String group, @Nullable String place,
			@Nullable String phone, MemberRole role, int term, @Nullable LocalDate termStart,
			@Nullable LocalDate termEnd, MembershipStatus status, JoinedVia joinedVia, int version) {

		static MemberView of(Member m) {
			Membership s = m.membership();
			return new MemberView(s.id().value(), s.person().value(), m.name(), m.group(), m.place(), m.phoneMasked(),
					s.role(), s.termNo(), s.termStart(), s.termEnd(), s.status(), s.joinedVia(), s.version());
		}
	}

	record MemberPage(List<MemberView> items, @Nullable String nextCursor) {
	}

	@GetMapping
	@PreAuthorize("hasAuthority('organisations:read')")
	@Operation(summary = "Organisations in the caller's data scope, newest first, keyset-paged by cursor",
			description = "kind: a kind code (ASSOCIATION, ALLIANCE …); unit: a unit of the scope with everything below; "
					+ "q: a name fragment; partyOrgForm: INDEPENDENT, JOINT, FUNCTIONAL or NONE; parent: children of an organisation")
	OrganisationPage list(@RequestParam(required = false) @Nullable String kind,
			@RequestParam(required = false) @Nullable Long unit, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable PartyOrgForm partyOrgForm,
			@RequestParam(required = false) @Nullable Long parent,
			@RequestParam(defaultValue = "false") boolean includeDissolved,
			@RequestParam(required = false) @Nullable String cursor, @RequestParam(defaultValue = "50") int size) {
		OrganisationFilter filter = new OrganisationFilter(blankToNull(kind), unit, blankToNull(q), partyOrgForm, parent,
				includeDissolved);
		Slice<Organisation> slice = ApiPages.read(cursor, size,
				(before, limit) -> organisations.page(filter, before, limit), Organisation::id);
		return new OrganisationPage(ApiPages.views(slice, OrganisationView::of), slice.next());
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('organisations:read')")
	@Operation(summary = "One organisation; the ETag is the version for If-Match")
	ResponseEntity<OrganisationView> get(@PathVariable long id) {
		Organisation o = organisations.get(new OrganisationId(id));
		return ETags.ok(o.version(), OrganisationView.of(o));
	}

	@PostMapping
	@PreAuthorize("hasAuthority('organisations:write')")
	@Operation(summary = "Create an organisation owned by a city or district of the caller's scope")
	ResponseEntity<OrganisationView> create(@Valid @RequestBody OrganisationForm form) {
		Organisation o = organisations.create(form);
		return ETags.created("/api/v1/organisations/" + o.id(), o.version(), OrganisationView.of(o));
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasAuthority('organisations:write')")
	@Operation(summary = "Update an organisation; If-Match (or the version query parameter) refuses lost updates with 409")
	ResponseEntity<OrganisationView> update(@PathVariable long id, @Valid @RequestBody OrganisationForm form,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
			@RequestParam(required = false) @Nullable Integer version) {
		OrganisationId organisation = new OrganisationId(id);
		Organisation current = organisations.get(organisation);
		int expected = ETags.expected(ifMatch, version != null ? version : current.version());
		Organisation o = organisations.update(organisation, expected, form);
		return ETags.ok(o.version(), OrganisationView.of(o));
	}

	record RevealRequest(@Nullable String reason) {
	}

	record RevealView(String field, @Nullable String value) {
	}

	@PostMapping("/{id}/reveal")
	@PreAuthorize("hasAuthority('organisations:reveal')")
	@Operation(summary = "The contact phone in clear, with a reason; audited like a person's reveal")
	RevealView reveal(@PathVariable long id, @RequestBody RevealRequest request) {
		return new RevealView("contactPhone", organisations.revealContactPhone(new OrganisationId(id),
				request.reason() == null ? "" : request.reason()));
	}

	@GetMapping("/{id}/members")
	@PreAuthorize("hasAuthority('organisations:read')")
	@Operation(summary = "Members of an organisation of the caller's scope, keyset-paged by cursor; phones masked")
	MemberPage members(@PathVariable long id, @RequestParam(required = false) @Nullable MemberRole role,
			@RequestParam(required = false) @Nullable MembershipStatus status,
			@RequestParam(required = false) @Nullable Integer term, @RequestParam(defaultValue = "false") boolean open,
			@RequestParam(required = false) @Nullable String cursor, @RequestParam(defaultValue = "50") int size) {
		OrganisationId organisation = organisations.find(new OrganisationId(id))
			.orElseThrow(() -> new NotFound("organisation " + id))
			.id();
		Slice<Member> slice = ApiPages.read(cursor, size,
				(after, limit) -> memberships.page(organisation, new MemberFilter(role, status, term, open), after, limit),
				last -> last.membership().id());
		return new MemberPage(ApiPages.views(slice, MemberView::of), slice.next());
	}

	@PostMapping("/{id}/members")
	@PreAuthorize("hasAuthority('organisations:write')")
	@Operation(summary = "Add a person of the caller's scope to an organisation of the caller's scope")
	ResponseEntity<MemberView> addMember(@PathVariable long id, @Valid @RequestBody MembershipForm form) {
		Membership m = memberships.add(new OrganisationId(id), form);
		Member member = memberships.member(m.id()).orElseThrow();
		return ResponseEntity.created(URI.create("/api/v1/organisations/" + id + "/members")).body(MemberView.of(member));
	}

}
