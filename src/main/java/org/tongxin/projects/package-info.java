/**
 * Key projects (重点项目) of the programme: batches and their calls, projects with indicators and milestones,
 * progress reports with evidence, and the exemplary cases (典型案例) drawn from them. {@link KeyProjects} and
 * {@link ExemplaryCases} are the facades; reviews read projects only through them.
 */
@NullMarked
package org.tongxin.projects;

import org.jspecify.annotations.NullMarked;
