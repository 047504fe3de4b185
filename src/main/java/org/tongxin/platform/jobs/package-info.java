/**
 * Background jobs that outlive a request and a restart: imports, large exports, generated reports.
 * A module implements {@link org.tongxin.platform.jobs.JobHandler} for its kind of job and submits work
 * through {@link org.tongxin.platform.jobs.BackgroundJobs}.
 */
@NullMarked
@NamedInterface("jobs")
package org.tongxin.platform.jobs;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
