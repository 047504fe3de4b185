package org.tongxin.programme;

import org.tongxin.platform.UnitId;

/** Published when a demonstration site is created, for modules that attach work to sites. */
public record SiteOpened(SiteId site, UnitId unit, UnitId parent) {
}
