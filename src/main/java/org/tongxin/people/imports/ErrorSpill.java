package org.tongxin.people.imports;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;

import org.jspecify.annotations.Nullable;

/**
 * The errors found while reading, in row order, on local disk rather than in memory (a bad file can
 * have an error on every row) and not in the database: they quote the user's values as written,
 * invalid ID and phone numbers included, which must not reach the database in clear.
 */
final class ErrorSpill implements AutoCloseable {

	private final Path file;

	private final BufferedWriter out;

	private long rows;

	private int lastRow = -1;

	ErrorSpill(Path directory) throws IOException {
		this.file = Files.createTempFile(directory, "errors", ".tsv");
		this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
	}

	void add(RowError e) {
		try {
			out.write(e.row() + "\t" + escape(e.column()) + "\t" + escape(e.value()) + "\t" + e.reason() + "\t"
					+ (e.argument() == null ? "" : escape(e.argument())) + "\n");
		}
		catch (IOException x) {
			throw new UncheckedIOException(x);
		}
		if (e.row() != lastRow) {
			rows++;
			lastRow = e.row();
		}
	}

	/** How many rows have at least one error. */
	long rows() {
		return rows;
	}

	/** Reads the errors back, in the order written. */
	Iterator<RowError> read() throws IOException {
		out.flush();
		BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
		return new Iterator<>() {

			private @Nullable String next = in.readLine();

			@Override
			public boolean hasNext() {
				return next != null;
			}

			@Override
			public RowError next() {
				String line = next;
				if (line == null) {
					throw new NoSuchElementException();
				}
				try {
					next = in.readLine();
					if (next == null) {
						in.close();
					}
				}
				catch (IOException x) {
					throw new UncheckedIOException(x);
				}
				String[] f = line.split("\t", -1);
				return new RowError(Integer.parseInt(f[0]), unescape(f[1]), unescape(f[2]), f[3],
						f[4].isEmpty() ? null : unescape(f[4]));
			}
		};
	}

	@Override
	public void close() throws IOException {
		out.close();
		Files.deleteIfExists(file);
	}

	private static String escape(String value) {
		return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
	}

	private static String unescape(String value) {
		if (value.indexOf('\\') < 0) {
			return value;
		}
		StringBuilder out = new StringBuilder(value.length());
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '\\' && i + 1 < value.length()) {
				char n = value.charAt(++i);
				out.append(n == 't' ? '\t' : n == 'n' ? '\n' : n == 'r' ? '\r' : n);
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}
}
