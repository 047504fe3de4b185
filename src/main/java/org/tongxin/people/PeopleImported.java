package org.tongxin.people;

import org.tongxin.platform.UnitId;

/**
 * Published when an import of persons commits (not for a dry run): {@code inserted} new persons and
 * {@code updated} changed ones under {@code unit}. Duplicate detection runs on it at once, rather than at
 * its next scheduled run; the job id names the import (people_person.import_job_id).
 */
public record PeopleImported(long job, UnitId unit, long inserted, long updated) {
}
