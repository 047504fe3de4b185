package org.tongxin.programme;

public record SiteClosed(SiteId site) {
}
