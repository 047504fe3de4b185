/**
 * Reading the spreadsheets this field exchanges (.xlsx and .csv, messy as they come) as a stream of
 * rows, and cleaning their values. Shared by every import: people, members, projects.
 */
@NullMarked
@NamedInterface("tabular")
package org.tongxin.platform.tabular;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
