package org.tongxin.platform;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongxin.platform.exports.ExportRoutingDataSource;

/**
 * The one way a list leaves the application as a file: an .xlsx (or .csv) download named and headed in the
 * request's language, written from a stream of rows, and recorded in the audit log.
 * <p>
 * A handler names the file, the sheet and the columns by message key, says what it exports
 * ({@link Download#audited}) and hands over the rows:
 *
 * <pre>{@code
 * exports.xlsx(response, "site.file", "site.sheet", Exports.columns("site.", "name", "kind", "place"))
 *     .audited("programme-site", null, Map.of("rows", count))
 *     .write(rows.map(site -> List.of(site.name(), ...)));
 * }</pre>
 *
 * The audit entry is written at once, in a transaction of its own on the main pool ({@link #record}): before the
 * first row leaves (an export cut off half-way is still on record), whatever transaction the caller is in (a
 * read-only one cannot write it), and without waiting for a second connection of the small export pool.
 */
@Component
public class Exports {

	private final AuditLog audit;

	private final MessageSource messages;

	private final Clock clock;

	private final TransactionTemplate ownTransaction;

	Exports(AuditLog audit, MessageSource messages, Clock clock, PlatformTransactionManager transactions) {
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** The message keys {@code prefix + name} of the columns, in order. */
	public static List<String> columns(String prefix, String... names) {
		return Arrays.stream(names).map(name -> prefix + name).toList();
	}

	/** An .xlsx download: "<file>-<date>.xlsx", one sheet (more past the format's row limit), a frozen header row. */
	public Download xlsx(HttpServletResponse response, String fileKey, String sheetKey, List<String> columnKeys) {
		return new Download(response, Format.XLSX, text(fileKey), text(sheetKey), texts(columnKeys));
	}

	/**
	 * An .xlsx download whose headers are already words (columns that come from the data, such as one per
	 * organisation kind).
	 */
	public Download xlsxHeaded(HttpServletResponse response, String fileName, String sheetName, List<String> headers) {
		return new Download(response, Format.XLSX, fileName, sheetName, headers);
	}

	/** A UTF-8 .csv download with a byte-order mark (Excel on Windows reads UTF-8 without one as GBK). */
	public Download csv(HttpServletResponse response, String fileKey, List<String> columnKeys) {
		return new Download(response, Format.CSV, text(fileKey), "", texts(columnKeys));
	}

	/** Records an export of the signed-in user in a transaction of its own (see the class comment). */
	public void record(String objectType, @Nullable Object objectId, Map<String, ?> detail) {
		try {
			ExportRoutingDataSource.onMainPool(() -> ownTransaction.execute(
					status -> {
						audit.record(AuditLog.Action.EXPORT, objectType, objectId, detail, null);
						return null;
					}));
		}
		catch (RuntimeException e) {
			throw e;
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	/** The message in the request's language, or the key itself where there is none. */
	public String text(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	private List<String> texts(List<String> keys) {
		return keys.stream().map(this::text).toList();
	}

	private enum Format {
		XLSX, CSV
	}

	/** One download being prepared; nothing is sent until {@link #write}. */
	public final class Download {

		private final HttpServletResponse response;

		private final Format format;

		private String fileName;

		private final String sheetName;

		private final List<String> headers;

		private Download(HttpServletResponse response, Format format, String fileName, String sheetName,
				List<String> headers) {
			this.response = response;
			this.format = format;
			this.fileName = fileName;
			this.sheetName = sheetName;
			this.headers = headers;
		}

		/** Puts a name before the file's ("<name>-<file>-<date>"), for a list of one record's rows. */
		public Download of(String name) {
			fileName = name + "-" + fileName;
			return this;
		}

		/** Records the export in the audit log now ({@link Exports#record}). */
		public Download audited(String objectType, @Nullable Object objectId, Map<String, ?> detail) {
			record(objectType, objectId, detail);
			return this;
		}

		/** Sets the download headers and writes the rows; cells are numbers (as numbers) or text. */
		public void write(Stream<? extends List<?>> rows) throws IOException {
			String name = fileName + "-" + LocalDate.now(clock).format(DateTimeFormatter.BASIC_ISO_DATE)
					+ (format == Format.XLSX ? ".xlsx" : ".csv");
			response.setContentType(format == Format.XLSX ? XlsxExport.CONTENT_TYPE : "text/csv;charset=UTF-8");
			response.setHeader("Content-Disposition", attachment(name));
			if (format == Format.XLSX) {
				XlsxExport.write(response.getOutputStream(), sheetName, headers, rows.map(row -> (List<?>) row));
				return;
			}
			Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
			out.write('\uFEFF');
			csvLine(out, headers);
			for (Iterator<? extends List<?>> it = rows.iterator(); it.hasNext();) {
				csvLine(out, it.next());
			}
			out.flush();
		}
	}

	/** "attachment" with an ASCII fallback name and the real one encoded per RFC 5987. */
	static String attachment(String fileName) {
		String extension = fileName.substring(fileName.lastIndexOf('.') + 1);
		return "attachment; filename=\"export." + extension + "\"; filename*=UTF-8''"
				+ URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/**
	 * One CSV line, every cell quoted. A cell that starts like a formula (=, +, -, @) gets a leading apostrophe,
	 * so that a spreadsheet shows it as text instead of running it.
	 */
	static void csvLine(Writer out, List<?> cells) throws IOException {
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				out.write(',');
			}
			Object value = cells.get(i);
			String cell = value == null ? "" : value.toString();
			if (!cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0) {
				cell = "'" + cell;
			}
			out.write('"');
			out.write(cell.replace("\"", "\"\""));
			out.write('"');
		}
		out.write("\r\n");
	}
}
