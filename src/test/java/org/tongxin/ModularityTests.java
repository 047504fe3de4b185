package org.tongxin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(TongxinApplication.class);

	@Test
	void modulesOnlyUseEachOthersPublicApi() {
		modules.verify();
	}

	/**
	 * The module graph as docs/architecture.md draws it: every arrow points from a module to one it builds on,
	 * none the other way. A new arrow is a decision, made here and in the documentation together.
	 */
	@Test
	void theModuleGraphIsTheOneTheArchitectureDescribes() {
		Map<String, Set<String>> expected = new TreeMap<>(Map.of(
				"platform", Set.of(),
				"programme", Set.of("platform"),
				"people", Set.of("platform"),
				"projects", Set.of("programme", "platform"),
				"reviews", Set.of("projects", "programme", "platform"),
				"organisations", Set.of("people", "programme", "platform"),
				"activities", Set.of("organisations", "people", "programme", "projects", "platform"),
				// The demo data set knows every module it seeds, through their seeding interfaces.
				"demo", Set.of("activities", "organisations", "people", "programme", "projects", "reviews",
						"platform")));

		Map<String, Set<String>> actual = new TreeMap<>();
		for (ApplicationModule module : modules) {
			actual.put(module.getIdentifier().toString(), module.getDirectDependencies(modules)
				.uniqueModules()
				.map(target -> target.getIdentifier().toString())
				.collect(Collectors.toCollection(TreeSet::new)));
		}

		assertThat(actual).isEqualTo(expected);
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules).writeDocumentation();
	}

	/**
	 * docs/architecture/modules.puml is the module diagram as the Documenter draws it from the code. When the
	 * code's graph changes, this test writes the new diagram over the committed one and fails, so that the
	 * change is reviewed and committed with the code. (The Documenter lists components in no fixed order:
	 * the diagrams are compared line by line, sorted.)
	 */
	@Test
	void theCommittedModuleDiagramIsTheCodesOwn() throws IOException {
		String folder = "target/modulith-diagram";
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder(folder)).writeModulesAsPlantUml();
		Path drawn = Path.of(folder, "components.puml");
		Path committed = Path.of("docs/architecture/modules.puml");

		List<String> now = sorted(Files.readAllLines(drawn));
		if (!Files.exists(committed) || !sorted(Files.readAllLines(committed)).equals(now)) {
			Files.createDirectories(committed.getParent());
			Files.copy(drawn, committed, StandardCopyOption.REPLACE_EXISTING);
			fail("The module graph changed: " + committed + " was regenerated; review it, update "
					+ "docs/architecture.md and commit both");
		}
	}

	private static List<String> sorted(List<String> lines) {
		return lines.stream().map(String::strip).filter(line -> !line.isEmpty()).sorted().toList();
	}
}
