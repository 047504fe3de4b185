package org.tongxin.platform.tabular;

import java.util.List;

/**
 * One row as the user sees it in the spreadsheet: its 1-based row number (the number an error report
 * must quote) and the text of each cell, "" where a cell is empty.
 */
public record SheetRow(int number, List<String> cells) {

	public String cell(int column) {
		return column < cells.size() ? cells.get(column) : "";
	}

	public boolean blank() {
		return cells.stream().allMatch(String::isBlank);
	}
}
