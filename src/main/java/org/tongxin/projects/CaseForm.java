package org.tongxin.projects;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.tongxin.platform.TargetGroup;
import org.tongxin.programme.SiteKind;

/** What the central office writes when it promotes a project to a case; mechanisms are comma-separated tags. */
public record CaseForm(@NotNull(message = "{case.project.required}") @Nullable Long project,
		@NotBlank(message = "{case.title.required}") @Size(max = 200, message = "{case.title.size}") @Nullable String title,
		@NotBlank(message = "{case.summary.required}") @Size(max = 4000, message = "{case.text.size}") @Nullable String summary,
		@NotBlank(message = "{case.successFactors.required}") @Size(max = 4000, message = "{case.text.size}") @Nullable String successFactors,
		@NotBlank(message = "{case.replication.required}") @Size(max = 4000, message = "{case.text.size}") @Nullable String replication,
		@Nullable List<TargetGroup> targetGroups, @Nullable List<SiteKind> siteKinds,
		@Size(max = 300, message = "{case.mechanisms.size}") @Nullable String mechanisms,
		@Nullable List<Long> evidence) {

	public static CaseForm forProject(Project project) {
		return new CaseForm(project.id().value(), project.title(), project.goals(), project.innovationFocus(), null,
				List.copyOf(project.targetGroups()), List.of(), null, List.of());
	}

	public static CaseForm of(ExemplaryCase c, List<Long> evidence) {
		return new CaseForm(c.project().value(), c.title(), c.summary(), c.successFactors(), c.replication(),
				List.copyOf(c.targetGroups()), List.copyOf(c.siteKinds()), String.join("，", c.mechanisms()), evidence);
	}

	/** Tags split on Chinese or Latin commas and semicolons, trimmed, without duplicates. */
	public List<String> mechanismTags() {
		if (mechanisms == null) {
			return List.of();
		}
		return java.util.Arrays.stream(mechanisms.split("[,，;；、]"))
			.map(String::strip)
			.filter(s -> !s.isEmpty())
			.distinct()
			.toList();
	}
}
