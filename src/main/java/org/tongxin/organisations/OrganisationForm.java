package org.tongxin.organisations;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.tongxin.platform.TargetGroup;

/**
 * What a user enters for an organisation, in the UI and in the API. Checks that need the database — the
 * unit and parent in scope, no cycle, the kind and site exist — are made by {@link Organisations}. On edit, a
 * blank contact phone keeps the stored one (the form is never filled with it in clear).
 */
public record OrganisationForm(
		@NotNull(message = "{org.unit.required}") @Nullable Long unit,
		@NotBlank(message = "{org.name.required}") @Size(max = 100, message = "{org.name.size}") @Nullable String name,
		@NotBlank(message = "{org.kind.required}") @Nullable String kind,
		@Nullable Long parent,
		@Nullable Long site,
		@PastOrPresent(message = "{org.foundedOn.past}") @Nullable LocalDate foundedOn,
		@Nullable Boolean registered,
		@Size(max = 200, message = "{org.address.size}") @Nullable String address,
		@Size(max = 50, message = "{org.contactName.size}") @Nullable String contactName,
		@Pattern(regexp = "^$|^1[3-9]\\d{9}$|^0\\d{2,3}-?\\d{7,8}$", message = "{org.contactPhone.invalid}") @Nullable String contactPhone,
		@Size(max = 2000, message = "{org.description.size}") @Nullable String description,
		@Nullable List<TargetGroup> targetGroups,
		@NotNull(message = "{org.partyOrgForm.required}") @Nullable PartyOrgForm partyOrgForm,
		@Min(value = 0, message = "{org.partyMembers.range}") @Max(value = 100000, message = "{org.partyMembers.range}") @Nullable Integer partyMembers,
		@Nullable Boolean partyInstructor) {

	public static OrganisationForm empty() {
		return new OrganisationForm(null, null, null, null, null, null, false, null, null, null, null, List.of(),
				PartyOrgForm.NONE, 0, false);
	}

	public static OrganisationForm of(Organisation o) {
		return new OrganisationForm(o.unit().value(), o.name(), o.kind(), o.parent() == null ? null : o.parent().value(),
				o.site(), o.foundedOn(), o.registered(), o.address(), o.contactName(), null, o.description(),
				o.targetGroups(), o.partyOrgForm(), o.partyMembers(), o.partyInstructor());
	}

	public List<TargetGroup> groups() {
		return targetGroups == null ? List.of() : targetGroups;
	}
}
