package org.tongxin.projects;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.platform.Actor;
import org.tongxin.platform.AuditLog;
import org.tongxin.platform.CurrentUser;
import org.tongxin.platform.NotFound;
import org.tongxin.platform.Refused;
import org.tongxin.platform.Unit;
import org.tongxin.platform.UnitLevel;
import org.tongxin.platform.Units;
import org.tongxin.programme.ProgrammeMap;
import org.tongxin.projects.internal.Cases;
import org.tongxin.projects.internal.Projects;

/**
 * The exemplary-case library (典型案例, “典型引路”). The central office ({@value #PUBLISH}) promotes a project to
 * a case, writes what makes it work and how to replicate it, links evidence and publishes it to every
 * city. Cities search the library by text and tags and mark the cases they are adopting.
 */
@Service
@Transactional(readOnly = true)
public class ExemplaryCases {

	public static final String PUBLISH = "case:publish";

	static final String AUDIT_CASE = "programme-case";

	/** Enough for every key project of both batches (15 + 36) with room to spare. */
	private static final int CANDIDATES = 500;

	private final Cases cases;

	private final Projects projects;

	private final Units units;

	private final CurrentUser currentUser;

	private final AuditLog audit;

	ExemplaryCases(Cases cases, Projects projects, Units units, CurrentUser currentUser, AuditLog audit) {
		this.cases = cases;
		this.projects = projects;
		this.units = units;
		this.currentUser = currentUser;
		this.audit = audit;
	}

	public List<ExemplaryCase> search(CaseFilter filter, @Nullable Long before, int size) {
		return cases.page(clean(filter), publisher(), before, size);
	}

	public long count(CaseFilter filter) {
		return cases.count(clean(filter), publisher());
	}

	public List<String> mechanisms() {
		return cases.mechanisms();
	}

	/** A published case, or for the central office a draft too; otherwise 404. */
	public ExemplaryCase get(CaseId id) {
		return cases.find(id, publisher()).orElseThrow(() -> new NotFound("case " + id));
	}

	public List<Adoption> adoptions(CaseId id) {
		get(id);
		return cases.adoptions(id);
	}

	public List<ProgressReport.Attachment> evidence(CaseId id) {
		get(id);
		return cases.evidence(id);
	}

	public Optional<EvidenceFile> evidenceFile(CaseId id, AttachmentId attachment) {
		return cases.evidenceFile(id, attachment, publisher());
	}

	/** The project behind a case to be promoted, within the central office's scope. */
	public Project candidate(ProjectId project) {
		requirePublisher();
		return projects.find(currentUser.scope(), project).orElseThrow(() -> new NotFound("project " + project));
	}

	/** Projects the central office may promote, newest first. */
	public List<Project> candidates() {
		requirePublisher();
		return projects.page(currentUser.scope(), ProjectFilter.none(), null, null, CANDIDATES);
	}

	public List<ProgressReport.Attachment> linkableEvidence(ProjectId project) {
		requirePublisher();
		candidate(project);
		return cases.linkable(project);
	}

	/** Promotes a project to a case, as a draft until published. */
	@Transactional
	public ExemplaryCase promote(CaseForm form) {
		requirePublisher();
		if (form.project() == null) {
			throw new Refused("case.project.required");
		}
		Project project = candidate(new ProjectId(form.project()));
		CaseId id = cases.insert(form, project.unit(), project.place(), actor().username());
		cases.replaceEvidence(id, form.evidence() == null ? List.of() : form.evidence());
		ExemplaryCase created = cases.find(id, true).orElseThrow();
		audit.created(AUDIT_CASE, id, Map.of("case", created, "evidence", cases.evidence(id)));
		return created;
	}

	@Transactional
	public ExemplaryCase update(CaseId id, int version, CaseForm form) {
		requirePublisher();
		ExemplaryCase before = get(id);
		if (!cases.update(id, version, form)) {
			throw new Refused("case.concurrent");
		}
		cases.replaceEvidence(id, form.evidence() == null ? List.of() : form.evidence());
		ExemplaryCase after = get(id);
		audit.updated(AUDIT_CASE, id, before, Map.of("case", after, "evidence", cases.evidence(id)));
		return after;
	}

	/** Publishes the case to all cities, or takes it back to draft. */
	@Transactional
	public ExemplaryCase publish(CaseId id, boolean published) {
		requirePublisher();
		ExemplaryCase before = get(id);
		cases.publish(id, published);
		ExemplaryCase after = get(id);
		audit.updated(AUDIT_CASE, id, Map.of("published", before.published()), Map.of("published", after.published()));
		return after;
	}

	/** Whether the caller's unit may say it adopts cases: a city, a municipality or a district department. */
	public boolean mayAdopt() {
		Actor actor = actor();
		if (!actor.can("programme:write")) {
			return false;
		}
		Unit unit = units.get(actor.unit());
		return unit.level() == UnitLevel.CITY || unit.level() == UnitLevel.DISTRICT
				|| (unit.level() == UnitLevel.PROVINCE && ProgrammeMap.canHoldSite(unit));
	}

	public boolean adoptedByMe(CaseId id) {
		return cases.adoptions(id).stream().anyMatch(a -> a.unit().equals(actor().unit()));
	}

	/** “我们正在借鉴”: the caller's unit adopts the published case. */
	@Transactional
	public void adopt(CaseId id, @Nullable String note) {
		ExemplaryCase c = get(id);
		if (!c.published()) {
			throw new Refused("case.adopt.unpublished");
		}
		if (!mayAdopt()) {
			throw new AccessDeniedException("cities and districts adopt cases");
		}
		String text = note == null || note.isBlank() ? null : note.strip();
		if (text != null && text.length() > 500) {
			throw new Refused("case.adopt.note.size");
		}
		Unit unit = units.get(actor().unit());
		if (cases.adopt(id, unit.id(), units.place(unit.id()), text, actor().username())) {
			audit.created(AUDIT_CASE + "-adoption", id,
					Map.of("case", id, "unit", unit.id(), "note", text == null ? "" : text));
		}
	}

	@Transactional
	public void withdraw(CaseId id) {
		get(id);
		if (!mayAdopt()) {
			throw new AccessDeniedException("cities and districts adopt cases");
		}
		if (cases.withdraw(id, actor().unit())) {
			audit.deleted(AUDIT_CASE + "-adoption", id, Map.of("case", id, "unit", actor().unit()));
		}
	}

	public boolean publisher() {
		return actor().can(PUBLISH);
	}

	private void requirePublisher() {
		if (!publisher()) {
			throw new AccessDeniedException("cases are published by the central office");
		}
	}

	private static CaseFilter clean(CaseFilter filter) {
		String text = filter.text() == null || filter.text().isBlank() ? null : filter.text().strip();
		String mechanism = filter.mechanism() == null || filter.mechanism().isBlank() ? null : filter.mechanism().strip();
		return new CaseFilter(text, filter.group(), filter.siteKind(), mechanism);
	}

	private Actor actor() {
		return currentUser.actor();
	}
}
