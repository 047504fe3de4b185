/**
 * Backups of the database that need nothing but Tongxin (binary COPY in one snapshot, a zip with the schema
 * version) and their restore into an empty database; the daily backup of an embedded installation.
 */
@NullMarked
@NamedInterface("backup")
package org.tongxin.platform.backup;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
