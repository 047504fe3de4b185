package org.tongxin.projects.internal;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises evidence files by their bytes, never by their name or the browser's claim: PDF, PNG, JPEG,
 * GIF, Office Open XML (docx, xlsx, pptx — a ZIP whose directory holds [Content_Types].xml and the part
 * of its kind) and legacy Office (OLE2: doc, xls, ppt). The name's extension must agree with what the
 * bytes are, so an executable called ".pdf" and a spreadsheet called ".pdf" are both refused.
 */
public final class EvidenceTypes {

	public static final long MAX_BYTES = 20L * 1024 * 1024;

	/** Why a file was refused; the messages name it ({@code evidence.rejected.*}). */
	public enum Refusal {
		EMPTY, TOO_LARGE, NOT_ALLOWED, MISMATCH
	}

	/** Either the recognised content type or the refusal. */
	public record Verdict(Optional<String> contentType, Optional<Refusal> refusal) {

		static Verdict accept(String type) {
			return new Verdict(Optional.of(type), Optional.empty());
		}

		static Verdict refuse(Refusal refusal) {
			return new Verdict(Optional.empty(), Optional.of(refusal));
		}
	}

	static final String PDF = "application/pdf";

	static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

	private static final Map<String, String> BY_EXTENSION = Map.ofEntries(Map.entry("pdf", PDF),
			Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
			Map.entry("gif", "image/gif"), Map.entry("docx", DOCX), Map.entry("xlsx", XLSX), Map.entry("pptx", PPTX),
			Map.entry("doc", "application/msword"), Map.entry("xls", "application/vnd.ms-excel"),
			Map.entry("ppt", "application/vnd.ms-powerpoint"));

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };

	private static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };

	private static final byte[] OLE2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
			(byte) 0xE1 };

	private static final byte[] ZIP = { 'P', 'K', 0x03, 0x04 };

	private EvidenceTypes() {
	}

	public static Verdict check(String fileName, byte[] bytes) {
		if (bytes.length == 0) {
			return Verdict.refuse(Refusal.EMPTY);
		}
		if (bytes.length > MAX_BYTES) {
			return Verdict.refuse(Refusal.TOO_LARGE);
		}
		Optional<String> sniffed = sniff(bytes);
		if (sniffed.isEmpty()) {
			return Verdict.refuse(Refusal.NOT_ALLOWED);
		}
		String extension = extension(fileName);
		String declared = BY_EXTENSION.get(extension);
		if (sniffed.get().equals("ole2")) {
			// Legacy Office formats share one container; telling doc from xls would mean parsing it, and
			// the container check is what keeps executables out.
			return Set.of("doc", "xls", "ppt").contains(extension) ? Verdict.accept(declared)
					: Verdict.refuse(Refusal.MISMATCH);
		}
		return sniffed.get().equals(declared) ? Verdict.accept(declared) : Verdict.refuse(Refusal.MISMATCH);
	}

	/** What the bytes are, from their signature: a content type, "ole2", or nothing allowed. */
	static Optional<String> sniff(byte[] bytes) {
		if (startsWith(bytes, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
			return Optional.of(PDF);
		}
		if (startsWith(bytes, PNG)) {
			return Optional.of("image/png");
		}
		if (startsWith(bytes, JPEG)) {
			return Optional.of("image/jpeg");
		}
		if (startsWith(bytes, "GIF87a".getBytes(StandardCharsets.US_ASCII))
				|| startsWith(bytes, "GIF89a".getBytes(StandardCharsets.US_ASCII))) {
			return Optional.of("image/gif");
		}
		if (startsWith(bytes, OLE2)) {
			return Optional.of("ole2");
		}
		if (startsWith(bytes, ZIP)) {
			return officeOpenXml(zipEntryNames(bytes));
		}
		return Optional.empty();
	}

	private static Optional<String> officeOpenXml(Set<String> names) {
		if (!names.contains("[Content_Types].xml")) {
			return Optional.empty();
		}
		if (names.contains("word/document.xml")) {
			return Optional.of(DOCX);
		}
		if (names.contains("xl/workbook.xml")) {
			return Optional.of(XLSX);
		}
		if (names.contains("ppt/presentation.xml")) {
			return Optional.of(PPTX);
		}
		return Optional.empty();
	}

	/**
	 * The entry names of a ZIP, read from its central directory only: nothing is inflated, so a
	 * compression bomb costs no more than its own size.
	 */
	static Set<String> zipEntryNames(byte[] zip) {
		Set<String> names = new HashSet<>();
		int end = -1;
		for (int i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65_535); i--) {
			if (int32(zip, i) == 0x06054b50) {
				end = i;
				break;
			}
		}
		if (end < 0) {
			return names;
		}
		int entries = int16(zip, end + 10);
		long offset = int32(zip, end + 16) & 0xFFFFFFFFL;
		int at = (int) Math.min(offset, Integer.MAX_VALUE);
		for (int n = 0; n < entries && at >= 0 && at + 46 <= zip.length; n++) {
			if (int32(zip, at) != 0x02014b50) {
				break;
			}
			int nameLength = int16(zip, at + 28);
			int extraLength = int16(zip, at + 30);
			int commentLength = int16(zip, at + 32);
			if (at + 46 + nameLength > zip.length) {
				break;
			}
			names.add(new String(zip, at + 46, nameLength, StandardCharsets.UTF_8));
			at += 46 + nameLength + extraLength + commentLength;
		}
		return names;
	}

	public static String extension(String fileName) {
		int dot = fileName.lastIndexOf('.');
		return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
	}

	private static boolean startsWith(byte[] bytes, byte[] prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (bytes[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static int int16(byte[] b, int at) {
		return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
	}

	private static int int32(byte[] b, int at) {
		return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 24;
	}
}
