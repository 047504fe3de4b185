package org.tongxin.platform.tabular;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import javax.xml.parsers.ParserConfigurationException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;

import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Streams the rows of the first sheet of an .xlsx (SAX, so memory does not grow with the file) or of a
 * .csv (UTF-8 with or without BOM, or GB18030 — detected), telling the two apart by content, not name.
 */
public final class TabularFiles {

	public static final Charset GB18030 = Charset.forName("GB18030");

	private static final byte[] ZIP = { 'P', 'K', 3, 4 };

	private static final byte[] UTF8_BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	/** How much of a CSV file is checked for valid UTF-8 before deciding on GB18030. */
	private static final int SNIFF = 64 * 1024;

	private TabularFiles() {
	}

	/** The file is not a spreadsheet this reader understands, or is damaged. */
	public static class UnreadableFile extends IOException {

		public UnreadableFile(String message, Throwable cause) {
			super(message, cause);
		}
	}

	public static void read(Path file, Consumer<SheetRow> rows) throws IOException {
		byte[] head = head(file, SNIFF);
		if (startsWith(head, ZIP)) {
			readXlsx(file, rows);
		}
		else {
			readCsv(file, charsetOf(head), rows);
		}
	}

	/** UTF-8 when the file says so (BOM) or decodes cleanly as UTF-8; otherwise GB18030, a superset of GBK. */
	public static Charset charsetOf(byte[] head) {
		if (startsWith(head, UTF8_BOM)) {
			return StandardCharsets.UTF_8;
		}
		int length = head.length;
		// A multi-byte character may be cut at the end of the sample; do not count that against UTF-8.
		while (length > 0 && length > head.length - 4 && (head[length - 1] & 0xC0) == 0x80) {
			length--;
		}
		if (length > 0 && (head[length - 1] & 0xC0) == 0xC0) {
			length--;
		}
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(head, 0, length));
			return StandardCharsets.UTF_8;
		}
		catch (CharacterCodingException e) {
			return GB18030;
		}
	}

	private static void readCsv(Path file, Charset charset, Consumer<SheetRow> rows) throws IOException {
		try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
			if (charset.equals(StandardCharsets.UTF_8)) {
				in.mark(3);
				if (!Arrays.equals(in.readNBytes(3), UTF8_BOM)) {
					in.reset();
				}
			}
			Reader reader = new InputStreamReader(in, charset);
			CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).setTrim(false).get();
			try (CSVParser parser = CSVParser.parse(reader, format)) {
				int number = 0;
				for (CSVRecord record : parser) {
					number++;
					rows.accept(new SheetRow(number, record.toList()));
				}
			}
		}
	}

	private static void readXlsx(Path file, Consumer<SheetRow> rows) throws IOException {
		try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
			XSSFReader reader = new XSSFReader(pkg);
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
			StylesTable styles = reader.getStylesTable();
			var sheets = reader.getSheetsData();
			if (!sheets.hasNext()) {
				return;
			}
			try (InputStream sheet = sheets.next()) {
				XMLReader parser = XMLHelper.newXMLReader();
				parser.setContentHandler(
						new XSSFSheetXMLHandler(styles, null, strings, new RowCollector(rows), new IsoDates(), false));
				parser.parse(new InputSource(sheet));
			}
		}
		catch (RowFailure e) {
			// The file was readable; the consumer refused a row (a missing column, a cancelled job): that is the
			// cause to report, not "unreadable".
			throw e.getCause();
		}
		catch (UnreadableFile e) {
			throw e;
		}
		catch (OpenXML4JException | SAXException | ParserConfigurationException | IOException | RuntimeException e) {
			// POI reports damaged or hostile files (zip bombs, bad XML) with IOExceptions and runtime exceptions
			// alike; the library's text stays in the cause, for the log, never for the user.
			throw new UnreadableFile("not a readable .xlsx file (" + e.getClass().getSimpleName() + ")", e);
		}
	}

	/** Carries an exception of the row consumer through POI's SAX parser, so that it is not taken for a parse error. */
	private static final class RowFailure extends RuntimeException {

		RowFailure(RuntimeException cause) {
			super(null, cause, false, false);
		}

		@Override
		public synchronized RuntimeException getCause() {
			return (RuntimeException) super.getCause();
		}
	}

	/** Collects the cells of a row, filling the gaps SAX leaves where cells are empty. */
	private static final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {

		private final Consumer<SheetRow> rows;

		private List<String> cells = new ArrayList<>();

		RowCollector(Consumer<SheetRow> rows) {
			this.rows = rows;
		}

		@Override
		public void startRow(int rowNum) {
			cells = new ArrayList<>();
		}

		@Override
		public void endRow(int rowNum) {
			try {
				rows.accept(new SheetRow(rowNum + 1, List.copyOf(cells)));
			}
			catch (RuntimeException e) {
				throw new RowFailure(e);
			}
		}

		@Override
		public void cell(String reference, String formattedValue, XSSFComment comment) {
			int column = new CellReference(reference).getCol();
			while (cells.size() < column) {
				cells.add("");
			}
			cells.add(formattedValue == null ? "" : formattedValue);
		}
	}

	/** Dates as ISO text (1985-03-05) whatever display format the sheet gave them. */
	private static final class IsoDates extends DataFormatter {

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString,
				boolean use1904Windowing) {
			if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
				return DateUtil.getLocalDateTime(value, use1904Windowing).toLocalDate().toString();
			}
			return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
		}
	}

	private static byte[] head(Path file, int bytes) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return in.readNBytes(bytes);
		}
	}

	private static boolean startsWith(byte[] data, byte[] prefix) {
		return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
	}
}
