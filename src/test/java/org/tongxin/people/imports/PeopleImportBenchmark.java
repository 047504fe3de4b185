package org.tongxin.people.imports;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongxin.people.internal.NewPerson;
import org.tongxin.people.internal.PersonBulkLoad;
import org.tongxin.people.internal.SyntheticPeople;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.SignIn;

/**
 * The import benchmark (not part of the test run: the name does not end in Tests). Run with
 * {@code ./mvnw verify -Dtest=PeopleImportBenchmark -Dsurefire.failIfNoSpecifiedTests=false}: a fresh
 * embedded database, a 1,000,000-row CSV from the synthetic generator imported through the job handler,
 * a bare COPY of the same rows into the same table (rolled back), and the peak heap of 100,000 vs
 * 1,000,000 rows. Prints the section for docs/benchmarks.md.
 */
@PlatformTest
class PeopleImportBenchmark {

	static final int LARGE = Integer.getInteger("bench.rows", 1_000_000);

	static final int SMALL = LARGE / 10;

	@Autowired
	PeopleImports imports;

	@Autowired
	PersonBulkLoad bulkLoad;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	UserDetailsService users;

	@Test
	void importVersusBareCopy() throws Exception {
		SignIn.onThisThread(users, "central");
		List<SyntheticPeople.Place> places = places();
		Path large = csv(new SyntheticPeople(1, LocalDate.now()).stream(places, LARGE));
		Path small = csv(new SyntheticPeople(2, LocalDate.now()).stream(places, SMALL));

		TransactionTemplate rolledBack = new TransactionTemplate(transactions);
		long copyStart = System.nanoTime();
		rolledBack.executeWithoutResult(status -> {
			try {
				bulkLoad.load(new SyntheticPeople(1, LocalDate.now()).stream(places, LARGE));
			}
			catch (java.sql.SQLException e) {
				throw new IllegalStateException(e);
			}
			status.setRollbackOnly();
		});
		double copySeconds = (System.nanoTime() - copyStart) / 1e9;

		Run big = run(large);
		Run little = run(small);
		double importRate = LARGE / big.seconds;
		double copyRate = LARGE / copySeconds;
		String section = """

				## People import (target: ≥ 100,000 rows/s, ≥ 0.5 of a bare COPY; peak heap 100k vs 1M within 20 %%)

				Measured by `PeopleImportBenchmark` (`./mvnw verify -Dtest=PeopleImportBenchmark -Dsurefire.failIfNoSpecifiedTests=false`)
				on %s, 2 shared cores: a %,d-row CSV from the synthetic generator, imported as a job (parse, clean,
				encrypt and hash in Java, COPY into the staging table, set-based checks and merge, one transaction),
				against a bare COPY of the same rows (`PersonBulkLoad`, also encrypting and hashing) into the same
				table with the same indexes, in the same run.

				| measure | figure |
				|---|---|
				| import, %,d rows | %.1f s, **%,.0f rows/s** (inserted %,d, skipped %,d, failed %,d) |
				| bare COPY, same rows | %.1f s, %,.0f rows/s |
				| import / bare COPY | **%.2f** |
				| peak heap, %,d rows | %,d MB |
				| peak heap, %,d rows | %,d MB |
				| ratio of peaks | **%.2f** |
				| peak heap retained after a collection, %,d rows | %,d MB |
				| peak heap retained after a collection, %,d rows | %,d MB |
				| ratio of retained peaks | **%.2f** |
				""".formatted(LocalDate.now(), LARGE, LARGE, big.seconds, importRate, big.result.inserted(),
				big.result.skipped(), big.result.failed(), copySeconds, copyRate, importRate / copyRate, SMALL,
				little.peakMb, LARGE, big.peakMb, (double) big.peakMb / little.peakMb, SMALL, little.peakRetainedMb, LARGE,
				big.peakRetainedMb, (double) big.peakRetainedMb / little.peakRetainedMb);
		System.out.println(section);
		Files.writeString(Path.of("target", "benchmark-import.md"), section);
		Files.deleteIfExists(large);
		Files.deleteIfExists(small);
	}

	record Run(double seconds, long peakMb, long peakRetainedMb, ImportResult result) {
	}

	Run run(Path csv) throws Exception {
		System.gc();
		List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
			.filter(p -> p.getType() == MemoryType.HEAP).toList();
		heap.forEach(MemoryPoolMXBean::resetPeakUsage);
		java.util.UUID id;
		try (InputStream in = Files.newInputStream(csv)) {
			id = imports.submit("bench.csv", "text/csv", in, ImportMode.SKIP, false);
		}
		PeopleImports.ImportJob job;
		long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
		long peakLive = 0;
		do {
			Thread.sleep(200);
			peakLive = Math.max(peakLive, retained(heap));
			job = imports.find(id).orElseThrow();
		}
		while (!job.job().status().finished() && System.nanoTime() < deadline);
		long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1024 * 1024);
		var started = job.job().startedAt();
		var finished = job.job().finishedAt();
		if (job.result() == null || started == null || finished == null) {
			throw new AssertionError("import failed: " + job.job().error());
		}
		return new Run(Duration.between(started, finished).toMillis() / 1000.0, peak, peakLive / (1024 * 1024),
				job.result());
	}

	/**
	 * What the heap held after its most recent collection, summed over the pools: the memory the import
	 * really keeps, without the garbage a young generation is allowed to pile up before it is collected.
	 */
	private static long retained(List<MemoryPoolMXBean> heap) {
		return heap.stream().map(MemoryPoolMXBean::getCollectionUsage).filter(java.util.Objects::nonNull)
			.mapToLong(java.lang.management.MemoryUsage::getUsed).sum();
	}

	Path csv(Stream<NewPerson> persons) throws Exception {
		Path file = Files.createTempFile("bench", ".csv");
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write("姓名,性别,出生日期,民族,身份证号码,手机号码,电子邮箱,学历,政治面貌,民主党派,宗教信仰,类别,细分类别,工作单位,职务,行业,所在城市,所在区县,联系地址,标签\n");
			persons.forEach(p -> {
				try {
					boolean district = !p.regionCode().equals(Long.toString(p.unitId()));
					out.write(String.join(",", p.name(), "M".equals(p.sex()) ? "男" : "女", p.birthDate().toString(),
							p.ethnicity(), n(p.idNumber()), n(p.phone()), n(p.email()), p.education(), p.affiliation(),
							n(p.party()), n(p.religion()), p.group(), p.subgroup(), quoted(n(p.employer())),
							quoted(p.position()), p.sector(), p.regionCode(), district ? Long.toString(p.unitId()) : "",
							quoted(p.address()), String.join(" ", p.tags())));
					out.write('\n');
				}
				catch (java.io.IOException e) {
					throw new java.io.UncheckedIOException(e);
				}
			});
		}
		return file;
	}

	static String n(String value) {
		return value == null ? "" : value;
	}

	static String quoted(String value) {
		return value.indexOf(',') < 0 && value.indexOf('"') < 0 ? value : "\"" + value.replace("\"", "\"\"") + "\"";
	}

	List<SyntheticPeople.Place> places() {
		return jdbc.sql("""
				select u.id, coalesce(c.code, u.code) as region, u.code, u.name, coalesce(c.name, u.name) as city
				from platform_unit u left join platform_unit c on c.id = u.parent_id and u.level = 'DISTRICT'
				where u.code in ('510100', '510104', '510107', '440300', '440305', '500103')""")
			.query((rs, n) -> new SyntheticPeople.Place(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5).replace("市", ""), 1))
			.list();
	}
}
