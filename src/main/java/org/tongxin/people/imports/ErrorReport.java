package org.tongxin.people.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.tongxin.platform.XlsxExport;

/**
 * The error report: row number, column, value and the reason in Chinese — the errors found while
 * reading merged, by row, with those the SQL checks found. Streamed through SXSSF.
 */
final class ErrorReport {

	static final String FILE = "errors.xlsx";

	private ErrorReport() {
	}

	static void write(OutputStream out, Iterator<RowError> read, Iterator<RowError> checked, MessageSource messages)
			throws IOException {
		Locale zh = Locale.SIMPLIFIED_CHINESE;
		List<String> headers = List.of(messages.getMessage("import.report.row", null, zh),
				messages.getMessage("import.report.column", null, zh), messages.getMessage("import.report.value", null, zh),
				messages.getMessage("import.report.reason", null, zh));
		Iterator<RowError> merged = new Merged(read, checked);
		Stream<List<?>> rows = StreamSupport.stream(Spliterators.spliteratorUnknownSize(merged, Spliterator.ORDERED), false)
			.map(e -> List.of(e.row(), e.column(), e.value(), messages.getMessage(e.reason(),
					e.argument() == null ? null : new Object[] { e.argument() }, e.reason(), zh)));
		XlsxExport.write(out, messages.getMessage("import.report.sheet", null, zh), headers, rows);
	}

	/** Two row-ordered sequences as one. */
	private static final class Merged implements Iterator<RowError> {

		private final Iterator<RowError> a;

		private final Iterator<RowError> b;

		private @Nullable RowError nextA;

		private @Nullable RowError nextB;

		Merged(Iterator<RowError> a, Iterator<RowError> b) {
			this.a = a;
			this.b = b;
			this.nextA = a.hasNext() ? a.next() : null;
			this.nextB = b.hasNext() ? b.next() : null;
		}

		@Override
		public boolean hasNext() {
			return nextA != null || nextB != null;
		}

		@Override
		public RowError next() {
			RowError result;
			if (nextB == null || nextA != null && nextA.row() <= nextB.row()) {
				result = java.util.Objects.requireNonNull(nextA);
				nextA = a.hasNext() ? a.next() : null;
			}
			else {
				result = nextB;
				nextB = b.hasNext() ? b.next() : null;
			}
			return result;
		}
	}
}
