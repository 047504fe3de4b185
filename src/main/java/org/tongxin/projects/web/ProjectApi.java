package org.tongxin.projects.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.tongxin.platform.Slice;
import org.tongxin.platform.TargetGroup;
import org.tongxin.platform.web.ApiPages;
import org.tongxin.projects.Batch;
import org.tongxin.projects.Evidence;
import org.tongxin.projects.Indicator;
import org.tongxin.projects.KeyProjects;
import org.tongxin.projects.Milestone;
import org.tongxin.projects.ProgressReport;
import org.tongxin.projects.Project;
import org.tongxin.projects.ProjectFilter;
import org.tongxin.projects.ProjectId;
import org.tongxin.projects.ProjectStatus;
import org.tongxin.projects.ReportForm;
import org.tongxin.projects.ReportKind;
import org.tongxin.projects.ReportState;

/** Key projects for other systems: batches, projects (scoped) with indicators and milestones, progress reports. */
@RestController
@RequestMapping("/api/v1/programme")
@Tag(name = "projects", description = "重点项目: batches, key projects, progress reports")
class ProjectApi {

	private final KeyProjects projects;

	ProjectApi(KeyProjects projects) {
		this.projects = projects;
	}

	record BatchView(long id, int number, int year, String title, int plannedCount, @Nullable LocalDate callOpens,
			@Nullable LocalDate callCloses, long projects) {
	}

	record ProjectSummary(long id, int batch, String title, @Nullable String carrier, String place, String city,
			Set<TargetGroup> targetGroups, ProjectStatus status, @Nullable LocalDate startsOn,
			@Nullable LocalDate endsOn) {

		static ProjectSummary of(Project p) {
			return new ProjectSummary(p.id().value(), p.batchNumber(), p.title(), p.carrier(), p.place(), p.cityName(),
					p.targetGroups(), p.status(), p.startsOn(), p.endsOn());
		}
	}

	record ProjectPage(List<ProjectSummary> items, @Nullable String nextCursor) {
	}

	record IndicatorView(long id, String name, String unit, BigDecimal baseline, BigDecimal target,
			@Nullable BigDecimal latest, @Nullable LocalDate latestOn, int percent) {

		static IndicatorView of(Indicator i) {
			return new IndicatorView(i.id().value(), i.name(), i.unitLabel(), i.baseline(), i.target(), i.latest(),
					i.latestOn(), i.percent());
		}
	}

	record MilestoneView(long id, String title, LocalDate dueOn, @Nullable LocalDate doneOn, boolean overdue) {
	}

	record ProjectView(long id, int batch, String title, @Nullable String carrier, String place, String city,
			Set<TargetGroup> targetGroups, @Nullable String innovationFocus, @Nullable String background,
			@Nullable String goals, @Nullable String measures, @Nullable String responsiblePersons,
			@Nullable String partnerUnits, @Nullable BigDecimal budget, @Nullable LocalDate startsOn,
			@Nullable LocalDate endsOn, ProjectStatus status, List<Long> sites, @Nullable Integer progress,
			List<IndicatorView> indicators, List<MilestoneView> milestones, int version) {
	}

	/** A progress report as another system sends it: values by indicator id. */
	record ReportRequest(@Nullable ReportKind kind, @Nullable String period, @Nullable String text,
			@Nullable Map<Long, BigDecimal> values) {

		ReportForm form() {
			return new ReportForm(kind, period, text, values == null ? Map.of() : new LinkedHashMap<>(values));
		}
	}

	record ReportView(long id, long project, ReportKind kind, @Nullable String period, String text, ReportState state,
			int revision, String submittedBy, Instant submittedAt, Map<Long, BigDecimal> values,
			List<String> attachments) {

		static ReportView of(ProgressReport r) {
			Map<Long, BigDecimal> values = new LinkedHashMap<>();
			r.values().forEach(v -> values.put(v.indicator().value(), v.value()));
			return new ReportView(r.id().value(), r.project().value(), r.kind(), r.period(), r.text(), r.state(),
					r.revision(), r.submittedBy(), r.submittedAt(), values,
					r.attachments().stream().map(ProgressReport.Attachment::fileName).toList());
		}
	}

	@GetMapping("/batches")
	@PreAuthorize("hasAuthority('programme:read')")
	@Operation(summary = "Batches of key projects with how many of their projects the caller can see")
	List<BatchView> batches() {
		Map<Long, Long> counts = projects.projectCountsByBatch();
		return projects.batches()
			.stream()
			.map((Batch b) -> new BatchView(b.id().value(), b.number(), b.year(), b.title(), b.plannedCount(),
					b.callOpens(), b.callCloses(), counts.getOrDefault(b.id().value(), 0L)))
			.toList();
	}

	@GetMapping("/projects")
	@PreAuthorize("hasAuthority('programme:read')")
	@Operation(summary = "Key projects in the caller's data scope, newest first, keyset-paged by cursor; "
			+ "batch is the batch id, city the city's unit code")
	ProjectPage projects(@RequestParam(required = false) @Nullable Long batch,
			@RequestParam(required = false) @Nullable Long city,
			@RequestParam(required = false) @Nullable ProjectStatus status,
			@RequestParam(required = false) @Nullable String cursor, @RequestParam(defaultValue = "50") int size) {
		Slice<Project> slice = ApiPages.read(cursor, size,
				(before, limit) -> projects.projects(new ProjectFilter(batch, city, status, null), before, limit),
				Project::id);
		return new ProjectPage(ApiPages.views(slice, ProjectSummary::of), slice.next());
	}

	@GetMapping("/projects/{id}")
	@PreAuthorize("hasAuthority('programme:read')")
	@Operation(summary = "A key project with its indicators (latest value, percent) and milestones (overdue flag)")
	ProjectView project(@PathVariable long id) {
		Project p = projects.get(new ProjectId(id));
		List<Indicator> indicators = projects.indicators(p.id());
		LocalDate today = projects.today();
		List<MilestoneView> milestones = projects.milestones(p.id())
			.stream()
			.map((Milestone m) -> new MilestoneView(m.id().value(), m.title(), m.dueOn(), m.doneOn(),
					p.status().active() && m.overdue(today)))
			.toList();
		return new ProjectView(p.id().value(), p.batchNumber(), p.title(), p.carrier(), p.place(), p.cityName(),
				p.targetGroups(), p.innovationFocus(), p.background(), p.goals(), p.measures(), p.responsiblePersons(),
				p.partnerUnits(), p.budget(), p.startsOn(), p.endsOn(), p.status(),
				p.sites().stream().map(s -> s.value()).toList(), Indicator.progress(indicators),
				indicators.stream().map(IndicatorView::of).toList(), milestones, p.version());
	}

	@PostMapping(path = "/projects/{id}/reports", consumes = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasAuthority('programme:write')")
	@Operation(summary = "Submit a progress report: kind PERIODIC (period \"2026-Q4\") or AD_HOC, text, values by indicator id")
	ResponseEntity<ReportView> report(@PathVariable long id, @RequestBody ReportRequest request) {
		return created(projects.submitReport(projects.get(new ProjectId(id)).id(), request.form(), List.of()));
	}

	@PostMapping(path = "/projects/{id}/reports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasAuthority('programme:write')")
	@Operation(summary = "Submit a progress report with evidence: part \"report\" (JSON as above) and parts \"files\"")
	ResponseEntity<ReportView> reportWithEvidence(@PathVariable long id, @RequestPart("report") ReportRequest request,
			@RequestPart(name = "files", required = false) @Nullable List<MultipartFile> files) throws java.io.IOException {
		List<Evidence> evidence = new java.util.ArrayList<>();
		for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
			evidence.add(new Evidence(file.getOriginalFilename() == null ? "file" : file.getOriginalFilename(),
					file.getBytes()));
		}
		return created(projects.submitReport(projects.get(new ProjectId(id)).id(), request.form(), evidence));
	}

	private static ResponseEntity<ReportView> created(ProgressReport report) {
		return ResponseEntity
			.created(URI.create("/api/v1/programme/projects/" + report.project() + "/reports/" + report.id()))
			.body(ReportView.of(report));
	}
}
