package org.tongxin.projects.seeding;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;
import org.tongxin.platform.DataScope;
import org.tongxin.projects.Batch;
import org.tongxin.projects.Project;
import org.tongxin.projects.ProjectFilter;
import org.tongxin.projects.internal.Batches;
import org.tongxin.projects.internal.Projects;

/** The demo's view of key projects: the batches and projects the key-projects demo data created. */
@Component
public class ProjectSeeding {

	private static final DataScope SYSTEM = DataScope.everywhere();

	private final Batches batches;

	private final Projects projects;

	ProjectSeeding(Batches batches, Projects projects) {
		this.batches = batches;
		this.projects = projects;
	}

	public Optional<Batch> batchNumbered(int number) {
		return batches.findByNumber(number);
	}

	/** Every project of the batch, wherever it lies. */
	public List<Project> projectsOf(Batch batch) {
		try (Stream<Project> rows = projects.stream(SYSTEM, new ProjectFilter(batch.id().value(), null, null, null))) {
			return rows.toList();
		}
	}
}
