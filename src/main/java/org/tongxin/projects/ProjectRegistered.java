package org.tongxin.projects;

import org.tongxin.platform.UnitId;

/** Published when a key project is created in a batch. */
public record ProjectRegistered(ProjectId project, BatchId batch, UnitId unit) {
}
