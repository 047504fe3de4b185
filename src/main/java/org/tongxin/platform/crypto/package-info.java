/**
 * Field encryption (AES-256-GCM with key ids for rotation) and keyed lookup hashes (HMAC-SHA256) for
 * sensitive values: people's ID numbers, phones and religion, administrators' TOTP secrets.
 */
@NullMarked
@NamedInterface("crypto")
package org.tongxin.platform.crypto;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
