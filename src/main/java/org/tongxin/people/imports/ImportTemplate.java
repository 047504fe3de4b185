package org.tongxin.people.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.tongxin.people.DictionaryEntry;

/**
 * The import template: one header per field and drop-downs for the code lists. The lists live on a
 * hidden sheet behind named ranges, since Excel refuses an inline list longer than 255 characters (the
 * 56 ethnicities alone are longer). Text format on every column, so that Excel keeps ID and phone
 * numbers as typed instead of turning them into numbers.
 */
final class ImportTemplate {

	static final String SHEET = "人士信息";

	private static final String LISTS = "字典";

	private static final int ROWS = 5000;

	private ImportTemplate() {
	}

	static void write(OutputStream out, Map<String, Map<String, DictionaryEntry>> dictionaries, List<String> cities)
			throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet sheet = workbook.createSheet(SHEET);
			Sheet lists = workbook.createSheet(LISTS);
			workbook.setSheetHidden(workbook.getSheetIndex(lists), true);
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			CellStyle text = workbook.createCellStyle();
			DataFormat format = workbook.createDataFormat();
			text.setDataFormat(format.getFormat("@"));
			Row head = sheet.createRow(0);
			DataValidationHelper validations = sheet.getDataValidationHelper();
			int listColumn = 0;
			// The template asks for city and district apart; a combined 所在地 column is only read, not offered.
			ImportField[] fields = java.util.Arrays.stream(ImportField.values())
				.filter(f -> f != ImportField.PLACE)
				.toArray(ImportField[]::new);
			for (int i = 0; i < fields.length; i++) {
				ImportField field = fields[i];
				head.createCell(i).setCellValue(field.header());
				head.getCell(i).setCellStyle(bold);
				sheet.setColumnWidth(i, (field == ImportField.ID_NUMBER ? 22 : 14) * 256);
				sheet.setDefaultColumnStyle(i, text);
				List<String> values = values(field, dictionaries, cities);
				if (values.isEmpty()) {
					continue;
				}
				for (int r = 0; r < values.size(); r++) {
					Row row = lists.getRow(r) == null ? lists.createRow(r) : lists.getRow(r);
					row.createCell(listColumn).setCellValue(values.get(r));
				}
				String column = CellReference.convertNumToColString(listColumn);
				Name name = workbook.createName();
				name.setNameName("list_" + field.name());
				name.setRefersToFormula("'" + LISTS + "'!$" + column + "$1:$" + column + "$" + values.size());
				DataValidation validation = validations.createValidation(
						validations.createFormulaListConstraint("list_" + field.name()),
						new CellRangeAddressList(1, ROWS, i, i));
				validation.setShowErrorBox(true);
				sheet.addValidationData(validation);
				listColumn++;
			}
			sheet.createFreezePane(0, 1);
			workbook.write(out);
		}
	}

	private static List<String> values(ImportField field, Map<String, Map<String, DictionaryEntry>> dictionaries,
			List<String> cities) {
		return switch (field) {
			case SEX -> List.of("男", "女");
			case CONSENT -> List.of("同意", "不同意");
			case CITY -> cities;
			default -> {
				List<String> labels = new ArrayList<>();
				if (field.dictionary() != null) {
					dictionaries.getOrDefault(field.dictionary(), Map.of())
						.values()
						.stream()
						.filter(DictionaryEntry::active)
						.forEach(e -> labels.add(e.labelZh()));
				}
				yield labels;
			}
		};
	}
}
