package org.tongxin.platform.backup;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The work of a maintenance command ({@link MaintenanceCommand}), run before any other start-up work (the
 * accounts, the demo data), after which the process ends with the command's exit code.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@ConditionalOnProperty(name = "tongxin.tool.command")
class ToolRunner implements ApplicationRunner {

	private final DatabaseBackups backups;

	private final DataSource dataSource;

	private final ConfigurableApplicationContext context;

	private final String command;

	private final Path file;

	private final boolean force;

	ToolRunner(DatabaseBackups backups, DataSource dataSource, ConfigurableApplicationContext context,
			@Value("${tongxin.tool.command}") String command, @Value("${tongxin.tool.file}") String file,
			@Value("${tongxin.tool.force:false}") boolean force) {
		this.backups = backups;
		this.dataSource = dataSource;
		this.context = context;
		this.command = command;
		this.file = Path.of(file);
		this.force = force;
	}

	@Override
	public void run(ApplicationArguments args) {
		int code;
		try {
			code = command.equals("backup") ? backup() : restore();
		}
		catch (IOException | RuntimeException e) {
			System.err.println(e.getMessage());
			code = 1;
		}
		int exit = code;
		System.exit(SpringApplication.exit(context, () -> exit));
	}

	private int backup() throws IOException {
		// Written beside the target and moved into place whole: a backup cut off half-way never looks finished.
		Path partial = file.resolveSibling(file.getFileName() + ".partial");
		DatabaseBackups.Summary summary;
		try (OutputStream out = Files.newOutputStream(partial)) {
			summary = backups.backup(out);
		}
		Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		System.out.printf("Backup written to %s: schema version %s, %d tables, %d rows%n", file,
				summary.manifest().schemaVersion(), summary.counts().rows().size(), summary.counts().total());
		return 0;
	}

	private int restore() throws IOException {
		try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
			DatabaseBackups.Summary summary = backups.restore(in, dataSource, force);
			System.out.printf("Restored %s (taken %s): schema version %s, %d tables, %d rows, audit chain verified%n",
					file, summary.manifest().takenAt(), summary.manifest().schemaVersion(),
					summary.counts().rows().size(), summary.counts().total());
			return 0;
		}
	}
}
