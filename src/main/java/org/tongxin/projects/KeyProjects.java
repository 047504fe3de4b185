package org.tongxin.projects;

import java.io.IOException;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.platform.Actor;
import org.tongxin.platform.AuditLog;
import org.tongxin.platform.ConcurrentChange;
import org.tongxin.platform.CurrentUser;
import org.tongxin.platform.DataScope;
import org.tongxin.platform.SortOrder;
import org.tongxin.platform.NotFound;
import org.tongxin.platform.Refused;
import org.tongxin.platform.Unit;
import org.tongxin.platform.UnitId;
import org.tongxin.platform.UnitLevel;
import org.tongxin.platform.Units;
import org.tongxin.platform.XlsxExport;
import org.tongxin.programme.ProgrammeMap;
import org.tongxin.programme.SiteId;
import org.tongxin.projects.internal.Attachments;
import org.tongxin.projects.internal.Batches;
import org.tongxin.projects.internal.EvidenceTypes;
import org.tongxin.projects.internal.Indicators;
import org.tongxin.projects.internal.Milestones;
import org.tongxin.projects.internal.Projects;
import org.tongxin.projects.internal.Reports;

/**
 * Key projects (重点项目) in batches: projects with indicators and milestones, progress reports with
 * evidence, and their return for revision by the level above. Everything runs in the caller's data
 * scope, restricted on the project's owning unit; every change is written to the audit log.
 */
@Service
@Transactional(readOnly = true)
public class KeyProjects {

	public static final String MANAGE_BATCHES = "programme:batches";

	static final String AUDIT_BATCH = "programme-batch";

	static final String AUDIT_PROJECT = "programme-project";

	static final String AUDIT_REPORT = "programme-report";

	public static final int MAX_FILES = 10;

	private static final Pattern QUARTER = Pattern.compile("^[0-9]{4}-Q[1-4]$");

	private final Batches batches;

	private final Projects projects;

	private final Indicators indicators;

	private final Milestones milestones;

	private final Reports reports;

	private final Attachments attachments;

	private final Units units;

	private final ProgrammeMap programme;

	private final CurrentUser currentUser;

	private final AuditLog audit;

	private final Clock clock;

	KeyProjects(Batches batches, Projects projects, Indicators indicators, Milestones milestones, Reports reports,
			Attachments attachments, Units units, ProgrammeMap programme, CurrentUser currentUser,
			AuditLog audit, Clock clock) {
		this.batches = batches;
		this.projects = projects;
		this.indicators = indicators;
		this.milestones = milestones;
		this.reports = reports;
		this.attachments = attachments;
		this.units = units;
		this.programme = programme;
		this.currentUser = currentUser;
		this.audit = audit;
		this.clock = clock;
	}

	public LocalDate today() {
		return LocalDate.now(clock);
	}

	// Batches

	public List<Batch> batches() {
		return batches.all();
	}

	public Optional<Batch> batch(BatchId id) {
		return batches.find(id);
	}

	/** Projects per batch id that the caller can see. */
	public Map<Long, Long> projectCountsByBatch() {
		return batches.projectCounts(scope());
	}

	@Transactional
	public Batch createBatch(BatchForm form) {
		requireBatchManager();
		requireFreeNumber(form, null);
		BatchId id = batches.insert(form);
		Batch batch = batches.find(id).orElseThrow();
		audit.created(AUDIT_BATCH, id, batch);
		return batch;
	}

	@Transactional
	public Batch updateBatch(BatchId id, int version, BatchForm form) {
		requireBatchManager();
		Batch before = batches.find(id).orElseThrow(() -> new NotFound("batch " + id));
		requireFreeNumber(form, id);
		if (!batches.update(id, version, form)) {
			throw new ConcurrentChange("batch " + id);
		}
		Batch after = batches.find(id).orElseThrow();
		audit.updated(AUDIT_BATCH, id, before, after);
		return after;
	}

	// Projects

	public List<Project> projects(ProjectFilter filter, @Nullable Long before, int size) {
		return projects(filter, null, before, size);
	}

	/** The columns the project list may be sorted by. */
	public static Map<String, String> projectSorts() {
		return Projects.SORTS;
	}

	/** One page in the order chosen ({@link SortOrder}; null: newest first). */
	public List<Project> projects(ProjectFilter filter, @Nullable SortOrder sort, @Nullable Long before, int size) {
		return projects.page(scope(), filter, sort, before, size);
	}

	public long countProjects(ProjectFilter filter) {
		return projects.count(scope(), filter);
	}

	/** Feeds the scoped projects to {@code sink} inside one read transaction (the rows come from a cursor). */
	public void exportProjects(ProjectFilter filter, XlsxExport.Sink<Project> sink) throws IOException {
		try (Stream<Project> rows = projects.stream(scope(), filter)) {
			sink.accept(rows);
		}
	}

	public Optional<Project> project(ProjectId id) {
		return projects.find(scope(), id);
	}

	/** The project, or 404 whether it does not exist or lies outside the scope: the two are not told apart. */
	public Project get(ProjectId id) {
		return project(id).orElseThrow(() -> new NotFound("project " + id));
	}

	/** Cities owning projects in the scope, by unit id: the list filter. */
	public Map<Long, String> projectCities() {
		return projects.cities(scope());
	}

	public List<Indicator> indicators(ProjectId project) {
		return indicators.of(scope(), List.of(project));
	}

	/** Indicators of several projects of the caller's scope, by project (a review round's report). */
	public Map<ProjectId, List<Indicator>> indicators(Collection<ProjectId> ids) {
		return indicators.of(scope(), ids).stream().collect(Collectors.groupingBy(Indicator::project));
	}

	/** The projects of a batch that the caller can see, newest first (a review round over the whole batch). */
	public List<ProjectId> projectsIn(BatchId batch) {
		try (Stream<Project> inBatch = projects.stream(scope(), new ProjectFilter(batch.value(), null, null, null))) {
			return inBatch.map(Project::id).toList();
		}
	}

	/** Progress per project (mean of indicator percentages); projects without indicators are absent. */
	public Map<ProjectId, Integer> progress(Collection<ProjectId> ids) {
		Map<ProjectId, List<Indicator>> byProject = indicators.of(scope(), ids)
			.stream()
			.collect(Collectors.groupingBy(Indicator::project));
		Map<ProjectId, Integer> progress = new HashMap<>();
		byProject.forEach((project, list) -> {
			Integer value = Indicator.progress(list);
			if (value != null) {
				progress.put(project, value);
			}
		});
		return progress;
	}

	public List<Milestone> milestones(ProjectId project) {
		return milestones.of(scope(), project);
	}

	/** Overdue milestones per project id, counted only on active projects. */
	public Map<Long, Long> overdueCounts(Collection<ProjectId> ids) {
		return milestones.overdueCounts(scope(), ids, today());
	}

	public List<ProgressReport> reports(ProjectId project) {
		return reports.of(scope(), project);
	}

	/** What happened to the project, newest first: events, reports, returns, and milestones due or done. */
	public List<TimelineEntry> timeline(ProjectId id) {
		Project project = get(id);
		List<TimelineEntry> entries = new ArrayList<>(projects.events(scope(), id));
		for (Milestone m : milestones.of(scope(), id)) {
			if (m.doneOn() != null) {
				entries.add(new TimelineEntry(startOfDay(m.doneOn()), "MILESTONE_DONE", m.title(), null));
			}
			else {
				entries.add(new TimelineEntry(startOfDay(m.dueOn()),
						m.overdue(today()) && project.status().active() ? "MILESTONE_OVERDUE" : "MILESTONE_DUE",
						m.title(), null));
			}
		}
		entries.sort(Comparator.comparing(TimelineEntry::at).reversed());
		return entries;
	}

	@Transactional
	public Project createProject(ProjectForm form) {
		Unit unit = owningUnit(form);
		Batch batch = batchOf(form);
		List<SiteId> linked = sitesInScope(form);
		UnitId city = programme.cityOf(unit.id());
		ProjectId id = projects.insert(form, batch.id(), unit.id(), placeOf(unit), city, units.get(city).name(),
				ProjectStatus.PLANNED);
		projects.replaceSites(id, linked);
		projects.event(id, "CREATED", ProjectStatus.PLANNED.name(), actor().username());
		Project project = projects.find(scope(), id).orElseThrow();
		audit.created(AUDIT_PROJECT, id, project);
		return project;
	}

	@Transactional
	public Project updateProject(ProjectId id, int version, ProjectForm form) {
		Project before = get(id);
		Unit unit = owningUnit(form);
		Batch batch = batchOf(form);
		List<SiteId> linked = sitesInScope(form);
		UnitId city = programme.cityOf(unit.id());
		if (!projects.update(id, version, form, batch.id(), unit.id(), placeOf(unit), city, units.get(city).name())) {
			throw new ConcurrentChange("project " + id);
		}
		projects.replaceSites(id, linked);
		Project after = projects.find(scope(), id).orElseThrow();
		audit.updated(AUDIT_PROJECT, id, before, after);
		return after;
	}

	@Transactional
	public Project changeStatus(ProjectId id, ProjectStatus status) {
		Project before = get(id);
		if (before.status() == status) {
			return before;
		}
		projects.setStatus(id, status);
		projects.event(id, "STATUS", status.name(), actor().username());
		Project after = projects.find(scope(), id).orElseThrow();
		audit.updated(AUDIT_PROJECT, id, Map.of("status", before.status()), Map.of("status", status));
		return after;
	}

	@Transactional
	public IndicatorId addIndicator(ProjectId project, IndicatorForm form) {
		get(project);
		IndicatorId id = indicators.insert(project, form);
		audit.created(AUDIT_PROJECT + "-indicator", id, Map.of("project", project, "indicator", form));
		return id;
	}

	/** Removes an indicator nobody has reported on yet; reported figures are part of the record. */
	@Transactional
	public void removeIndicator(ProjectId project, IndicatorId id) {
		Indicator indicator = indicators(project).stream()
			.filter(i -> i.id().equals(id))
			.findFirst()
			.orElseThrow(() -> new NotFound("indicator " + id));
		if (indicators.hasValues(id)) {
			throw new Refused("indicator.remove.reported", indicator.name());
		}
		indicators.delete(project, id);
		audit.deleted(AUDIT_PROJECT + "-indicator", id, indicator);
	}

	@Transactional
	public MilestoneId addMilestone(ProjectId project, MilestoneForm form) {
		get(project);
		MilestoneId id = milestones.insert(project, form);
		audit.created(AUDIT_PROJECT + "-milestone", id, Map.of("project", project, "milestone", form));
		return id;
	}

	/** Marks a milestone done today, or open again ({@code done} false). */
	@Transactional
	public Milestone completeMilestone(ProjectId project, MilestoneId id, boolean done) {
		Milestone before = milestones.find(scope(), project, id).orElseThrow(() -> new NotFound("milestone " + id));
		milestones.markDone(id, done ? today() : null);
		Milestone after = milestones.find(scope(), project, id).orElseThrow();
		audit.updated(AUDIT_PROJECT + "-milestone", id, before, after);
		return after;
	}

	// Reports

	@Transactional
	public ProgressReport submitReport(ProjectId projectId, ReportForm form, List<Evidence> files) {
		get(projectId);
		Checked checked = check(projectId, form, null, files);
		String by = actor().username();
		ReportId id = reports.insert(projectId, checked.kind(), checked.period(), checked.text(), by, null);
		reports.putValues(id, checked.values());
		List<Map<String, Object>> stored = store(id, files, by);
		projects.event(projectId, "REPORTED", describe(checked), by);
		ProgressReport report = reports.find(scope(), projectId, id).orElseThrow();
		audit.created(AUDIT_REPORT, id, Map.of("project", projectId, "kind", checked.kind(), "text", checked.text(),
				"values", report.values(), "attachments", stored));
		return report;
	}

	/** The owner's revision of a returned report: new text and values, more evidence, submitted again. */
	@Transactional
	public ProgressReport reviseReport(ProjectId projectId, ReportId id, ReportForm form, List<Evidence> files) {
		ProgressReport before = reports.find(scope(), projectId, id).orElseThrow(() -> new NotFound("report " + id));
		if (!before.returned()) {
			throw new Refused("report.revise.notReturned");
		}
		Checked checked = check(projectId, form, id, files);
		String by = actor().username();
		reports.revise(id, checked.kind(), checked.period(), checked.text(), by);
		reports.putValues(id, checked.values());
		List<Map<String, Object>> stored = store(id, files, by);
		projects.event(projectId, "REVISED", describe(checked), by);
		ProgressReport after = reports.find(scope(), projectId, id).orElseThrow();
		audit.updated(AUDIT_REPORT, id, withoutAttachments(before),
				Map.of("report", withoutAttachments(after), "attachmentsAdded", stored));
		return after;
	}

	/**
	 * Returns a standing report for revision. Only the level above may: the caller's unit must lie strictly
	 * above the project's owning unit (the central office lies above every unit).
	 */
	@Transactional
	public ProgressReport returnReport(ProjectId projectId, ReportId id, @Nullable String comment) {
		Project project = get(projectId);
		ProgressReport before = reports.find(scope(), projectId, id).orElseThrow(() -> new NotFound("report " + id));
		if (!mayReturnReports(project)) {
			throw new AccessDeniedException("only the level above the project's unit returns its reports");
		}
		if (before.returned()) {
			throw new Refused("report.return.already");
		}
		if (comment == null || comment.isBlank()) {
			throw new Refused("report.return.comment.required");
		}
		if (comment.length() > 1000) {
			throw new Refused("report.return.comment.size");
		}
		String by = actor().username();
		reports.markReturned(id, by, comment.strip());
		projects.event(projectId, "RETURNED", comment.strip(), by);
		ProgressReport after = reports.find(scope(), projectId, id).orElseThrow();
		audit.updated(AUDIT_REPORT, id, Map.of("state", before.state()),
				Map.of("state", after.state(), "comment", comment.strip()));
		return after;
	}

	/** Whether the caller stands above the project's owning unit and may write: who returns reports. */
	public boolean mayReturnReports(Project project) {
		Actor actor = actor();
		return actor.can("programme:write") && units.get(project.unit()).path().startsWith(actor.unitPath() + ".");
	}

	public Optional<EvidenceFile> evidence(ProjectId project, AttachmentId id) {
		return attachments.find(scope(), project, id);
	}

	// Dashboard

	/** Project counts by batch number and status, within the scope. */
	public Map<Integer, Map<ProjectStatus, Long>> countsByBatchAndStatus() {
		Map<Integer, Map<ProjectStatus, Long>> counts = new TreeMap<>();
		for (Batch batch : batches.all()) {
			counts.put(batch.number(), emptyStatusCounts());
		}
		projects.countsByBatchAndStatus(scope())
			.forEach(c -> counts.computeIfAbsent(c.batchNumber(), n -> emptyStatusCounts()).put(c.status(), c.count()));
		return counts;
	}

	public Map<String, Long> countsByCity() {
		return projects.countsByCity(scope());
	}

	/** How many indicators of active projects reached 0–24, 25–49, 50–74, 75–99 and 100 % of their target. */
	public Map<String, Long> achievement() {
		Map<String, Long> buckets = new LinkedHashMap<>();
		for (String bucket : List.of("0-24", "25-49", "50-74", "75-99", "100")) {
			buckets.put(bucket, 0L);
		}
		for (Indicator indicator : indicators.ofActiveProjects(scope())) {
			int percent = indicator.percent();
			String bucket = percent >= 100 ? "100" : percent >= 75 ? "75-99" : percent >= 50 ? "50-74"
					: percent >= 25 ? "25-49" : "0-24";
			buckets.merge(bucket, 1L, Long::sum);
		}
		return buckets;
	}

	public List<OverdueMilestone> overdueMilestones(int limit) {
		return milestones.overdue(scope(), today(), limit);
	}

	public long countOverdueMilestones() {
		return milestones.countOverdue(scope(), today());
	}

	// Rules

	private record Checked(ReportKind kind, @Nullable String period, String text, Map<IndicatorId, BigDecimal> values) {
	}

	private Checked check(ProjectId project, ReportForm form, @Nullable ReportId revising, List<Evidence> files) {
		if (form.kind() == null) {
			throw new Refused("report.kind.required");
		}
		String period = null;
		if (form.kind() == ReportKind.PERIODIC) {
			period = form.period() == null ? "" : form.period().strip().toUpperCase(java.util.Locale.ROOT);
			if (!QUARTER.matcher(period).matches()) {
				throw new Refused("report.period.invalid");
			}
			if (reports.periodTaken(project, period, revising)) {
				throw new Refused("report.period.taken", period);
			}
		}
		if (form.text() == null || form.text().isBlank()) {
			throw new Refused("report.text.required");
		}
		if (form.text().length() > 10_000) {
			throw new Refused("report.text.size");
		}
		Set<Long> known = indicators.of(scope(), List.of(project))
			.stream()
			.map(i -> i.id().value())
			.collect(Collectors.toSet());
		Map<IndicatorId, BigDecimal> values = new LinkedHashMap<>();
		form.values().forEach((indicator, value) -> {
			if (!known.contains(indicator)) {
				throw new Refused("report.value.unknown", indicator);
			}
			if (value.scale() > 2 || value.abs().compareTo(new BigDecimal("1e12")) >= 0) {
				throw new Refused("report.value.invalid");
			}
			values.put(new IndicatorId(indicator), value);
		});
		if (files.size() > MAX_FILES) {
			throw new Refused("evidence.rejected.count", MAX_FILES);
		}
		for (Evidence file : files) {
			EvidenceTypes.Verdict verdict = EvidenceTypes.check(file.fileName(), file.bytes());
			verdict.refusal().ifPresent(refusal -> {
				throw new Refused("evidence.rejected." + refusal.name().toLowerCase(java.util.Locale.ROOT),
						file.fileName());
			});
		}
		return new Checked(form.kind(), period, form.text().strip(), values);
	}

	private List<Map<String, Object>> store(ReportId report, List<Evidence> files, String by) {
		List<Map<String, Object>> stored = new ArrayList<>();
		for (Evidence file : files) {
			String type = EvidenceTypes.check(file.fileName(), file.bytes()).contentType().orElseThrow();
			String sha256 = sha256(file.bytes());
			String name = safeName(file.fileName());
			AttachmentId id = attachments.insert(report, name, type, sha256, file.bytes(), by);
			stored.add(Map.of("id", id, "name", name, "type", type, "size", file.bytes().length, "sha256", sha256));
		}
		return stored;
	}

	private static String describe(Checked checked) {
		return checked.period() != null ? checked.period() : checked.kind().name();
	}

	private static Map<String, Object> withoutAttachments(ProgressReport report) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("state", report.state());
		map.put("kind", report.kind());
		map.put("period", report.period() == null ? "" : report.period());
		map.put("text", report.text());
		map.put("values", report.values());
		return map;
	}

	/** How an owning unit is named in lists: "成都市", "成都市 / 武侯区", "重庆市 / 渝中区". */
	public String placeOf(Unit unit) {
		return unit.level() == UnitLevel.CITY ? unit.name() : units.place(unit.id());
	}

	/** Only the last path segment, without control characters: browsers send "C:\...\x.pdf" now and then. */
	static String safeName(String fileName) {
		String name = fileName.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
		return name.isEmpty() ? "file" : name.length() > 200 ? name.substring(name.length() - 200) : name;
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private Unit owningUnit(ProjectForm form) {
		if (form.unit() == null) {
			throw new Refused("project.unit.required");
		}
		Unit unit = units.find(scope(), new UnitId(form.unit()))
			.orElseThrow(() -> new AccessDeniedException("unit outside the data scope"));
		if (!ProgrammeMap.canHoldSite(unit)) {
			throw new Refused("project.unit.level");
		}
		return unit;
	}

	private Batch batchOf(ProjectForm form) {
		if (form.batch() == null) {
			throw new Refused("project.batch.required");
		}
		return batches.find(new BatchId(form.batch())).orElseThrow(() -> new Refused("project.batch.required"));
	}

	private List<SiteId> sitesInScope(ProjectForm form) {
		if (form.sites() == null) {
			return List.of();
		}
		List<SiteId> linked = form.sites().stream().distinct().map(SiteId::new).toList();
		for (SiteId site : linked) {
			programme.site(site).orElseThrow(() -> new AccessDeniedException("site outside the data scope"));
		}
		return linked;
	}

	private void requireBatchManager() {
		if (!actor().can(MANAGE_BATCHES)) {
			throw new AccessDeniedException("batches are managed by the central office");
		}
	}

	private void requireFreeNumber(BatchForm form, @Nullable BatchId self) {
		if (form.number() != null) {
			batches.findByNumber(form.number()).filter(b -> !b.id().equals(self)).ifPresent(b -> {
				throw new Refused("batch.number.taken", form.number());
			});
		}
	}

	private static Map<ProjectStatus, Long> emptyStatusCounts() {
		Map<ProjectStatus, Long> counts = new EnumMap<>(ProjectStatus.class);
		for (ProjectStatus status : ProjectStatus.values()) {
			counts.put(status, 0L);
		}
		return counts;
	}

	private Instant startOfDay(LocalDate date) {
		return date.atStartOfDay(clock.getZone()).toInstant();
	}

	private Actor actor() {
		return currentUser.actor();
	}

	private DataScope scope() {
		return currentUser.scope();
	}
}
